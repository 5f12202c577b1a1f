// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * One Warning value: {@code warn-code SP warn-agent SP warn-text} (RFC 3261 section 20.43).
 *
 * @param code the three-digit warn-code (300-399 in RFC 3261)
 * @param agent the host name or pseudonym that added the warning
 * @param text the warn-text as written, with its quotes
 */
public record Warning(int code, String agent, String text) implements HeaderValue {
  public Warning {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(text, "text");
    if (code < 100 || code > 999) {
      throw new IllegalArgumentException("warn-code must have three digits: " + code);
    }
  }

  /** Parses one warning-value; a code of other than three digits is a fault (RFC 4475 scalarlg). */
  public static ParseResult<Warning> parse(String value) {
    Lexer lx = new Lexer(value.trim());
    String digits = lx.digits();
    if (digits == null || digits.length() != 3) {
      return ParseResult.malformed("Bad Warning: warn-code must be three digits");
    }
    int code = Integer.parseInt(digits);
    if (code < 100) {
      // Three digits, but no code: the record holds 100-999, so refuse rather than throw.
      return ParseResult.malformed("Bad Warning: warn-code must be 100 to 999");
    }
    if (!lx.consume(' ')) {
      return ParseResult.malformed("Bad Warning: expected SP after warn-code");
    }
    String agent = lx.until(' ');
    if (agent.isEmpty() || !lx.consume(' ')) {
      return ParseResult.malformed("Bad Warning: expected warn-agent SP warn-text");
    }
    String text = lx.quotedString();
    if (text == null || !lx.atEnd()) {
      return ParseResult.malformed("Bad Warning: warn-text must be one quoted string");
    }
    return ParseResult.parsed(new Warning(code, agent, text));
  }

  @Override
  public String toString() {
    return code + " " + agent + " " + text;
  }
}
