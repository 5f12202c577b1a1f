// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * Timestamp: {@code 1*DIGIT ["." *DIGIT] [LWS delay]} (RFC 3261 section 20.38).
 *
 * @param time when the request was sent, as written
 * @param delay the delay a UAS adds when it echoes the header, or {@code null}
 */
public record Timestamp(String time, String delay) implements HeaderValue {
  public Timestamp {
    Objects.requireNonNull(time, "time");
  }

  /** Parses a Timestamp value. */
  public static ParseResult<Timestamp> parse(String value) {
    Lexer lx = new Lexer(value.trim());
    String time = decimal(lx);
    if (time == null) {
      return ParseResult.malformed("Bad Timestamp: expected a number");
    }
    lx.skipWs();
    String delay = lx.atEnd() ? null : decimal(lx);
    if (!lx.atEnd()) {
      return HeaderValues.trailing("Timestamp", lx);
    }
    return ParseResult.parsed(new Timestamp(time, delay));
  }

  private static String decimal(Lexer lx) {
    int start = lx.position();
    if (lx.digits() == null) {
      return null;
    }
    if (lx.consume('.')) {
      lx.digits();
    }
    return lx.input().substring(start, lx.position());
  }

  @Override
  public String toString() {
    return delay == null ? time : time + " " + delay;
  }
}
