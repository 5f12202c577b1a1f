// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * Call-ID ({@code i}): {@code word ["@" word]} (RFC 3261 section 20.8). Compared byte for byte.
 *
 * @param value the identifier
 */
public record CallId(String value) implements HeaderValue {
  public CallId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses a Call-ID value. */
  public static ParseResult<CallId> parse(String value) {
    Lexer lx = new Lexer(value.trim());
    if (lx.word() == null) {
      return ParseResult.malformed("Bad Call-ID: empty or illegal character " + lx.where());
    }
    if (lx.consume('@') && lx.word() == null) {
      return ParseResult.malformed("Bad Call-ID: nothing after '@'");
    }
    if (!lx.atEnd()) {
      return HeaderValues.trailing("Call-ID", lx);
    }
    return ParseResult.parsed(new CallId(lx.input()));
  }

  @Override
  public String toString() {
    return value;
  }
}
