// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.ParseResult;

/**
 * Content-Length ({@code l}): the body size in octets (RFC 3261 section 20.14).
 *
 * @param length octets of body
 */
public record ContentLength(int length) implements HeaderValue {
  public ContentLength {
    if (length < 0) {
      throw new IllegalArgumentException("negative Content-Length: " + length);
    }
  }

  /**
   * Parses {@code 1*DIGIT}. A negative or non-numeric value is a fault (RFC 4475 ncl): it must
   * never be used as a count.
   */
  public static ParseResult<ContentLength> parse(String value) {
    return HeaderValues.wholeNumber("Content-Length", value, Integer.MAX_VALUE)
        .map(n -> new ContentLength(n.intValue()));
  }

  @Override
  public String toString() {
    return Integer.toString(length);
  }
}
