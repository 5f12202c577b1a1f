// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.ParseResult;

/**
 * Max-Forwards: hops left, 0 to 255 (RFC 3261 section 20.22).
 *
 * @param hops the number of hops left
 */
public record MaxForwards(int hops) implements HeaderValue {
  /** The value a UAC starts with (section 8.1.1.6). */
  public static final MaxForwards DEFAULT = new MaxForwards(70);

  public MaxForwards {
    if (hops < 0 || hops > 255) {
      throw new IllegalArgumentException("Max-Forwards out of range: " + hops);
    }
  }

  /** Parses {@code 1*DIGIT}, at most 255. */
  public static ParseResult<MaxForwards> parse(String value) {
    return HeaderValues.wholeNumber("Max-Forwards", value, 255).map(n -> new MaxForwards(n.intValue()));
  }

  /** The value a proxy forwards: one less (section 16.6 step 3). */
  public MaxForwards decrement() {
    return new MaxForwards(hops - 1);
  }

  @Override
  public String toString() {
    return Integer.toString(hops);
  }
}
