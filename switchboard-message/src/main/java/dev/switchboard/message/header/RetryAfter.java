// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * Retry-After: {@code delta-seconds [comment] *(SEMI retry-param)} (RFC 3261 section 20.33).
 *
 * @param seconds when to retry, 0 to 2^32-1
 * @param comment the comment with its parentheses, or {@code null}
 * @param parameters retry-params such as {@code duration}
 */
public record RetryAfter(long seconds, String comment, Parameters parameters) implements HeaderValue {
  public RetryAfter {
    Objects.requireNonNull(parameters, "parameters");
  }

  /** Retry after this many seconds, nothing more. */
  public static RetryAfter of(long seconds) {
    return new RetryAfter(seconds, null, Parameters.empty());
  }

  /** Parses a Retry-After value; more than 2^32-1 seconds is a fault (RFC 4475 scalarlg). */
  public static ParseResult<RetryAfter> parse(String value) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    String digits = lx.digits();
    long seconds = HeaderValues.unsigned(digits, HeaderValues.MAX_32);
    if (seconds < 0) {
      return HeaderValues.numberFault("Retry-After", seconds, HeaderValues.MAX_32, digits == null ? lx.rest() : digits);
    }
    lx.skipWs();
    String comment = null;
    if (lx.peek() == '(') {
      comment = comment(lx);
      if (comment == null) {
        return ParseResult.malformed("Bad Retry-After: unbalanced comment");
      }
    }
    Parameters params = lx.parameters();
    lx.skipWs();
    if (params == null || !lx.atEnd()) {
      return ParseResult.malformed("Bad Retry-After: bad parameter " + lx.where());
    }
    return ParseResult.parsed(new RetryAfter(seconds, comment, params));
  }

  /** A comment: parentheses that nest, with quoted-pairs (section 25.1). */
  private static String comment(Lexer lx) {
    String s = lx.input();
    int start = lx.position();
    int depth = 0;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        lx.position(i + 1);
        return s.substring(start, i + 1);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(seconds);
    if (comment != null) {
      sb.append(' ').append(comment);
    }
    parameters.appendTo(sb);
    return sb.toString();
  }
}
