// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.ParseResult;

/**
 * RSeq: the sequence number of a reliable provisional response (RFC 3262 section 7.1).
 *
 * @param sequence 1 to 2^32-1
 */
public record RSeq(long sequence) implements HeaderValue {
  public RSeq {
    if (sequence < 0 || sequence > HeaderValues.MAX_32) {
      throw new IllegalArgumentException("RSeq out of range: " + sequence);
    }
  }

  /** Parses {@code 1*DIGIT}. */
  public static ParseResult<RSeq> parse(String value) {
    return HeaderValues.wholeNumber("RSeq", value, HeaderValues.MAX_32).map(RSeq::new);
  }

  @Override
  public String toString() {
    return Long.toString(sequence);
  }
}
