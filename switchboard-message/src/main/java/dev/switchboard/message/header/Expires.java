// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.ParseResult;

/**
 * Expires and Min-Expires: delta-seconds, 0 to 2^32-1 (RFC 3261 sections 20.19, 20.23).
 *
 * @param seconds the number of seconds
 */
public record Expires(long seconds) implements HeaderValue {
  public Expires {
    if (seconds < 0 || seconds > HeaderValues.MAX_32) {
      throw new IllegalArgumentException("delta-seconds out of range: " + seconds);
    }
  }

  /** Parses {@code delta-seconds}. */
  public static ParseResult<Expires> parse(String value) {
    return HeaderValues.wholeNumber("Expires", value, HeaderValues.MAX_32).map(Expires::new);
  }

  @Override
  public String toString() {
    return Long.toString(seconds);
  }
}
