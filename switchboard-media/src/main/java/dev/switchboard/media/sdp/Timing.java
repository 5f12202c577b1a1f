// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.util.List;

/**
 * A {@code t=} line with the {@code r=} lines that follow it (RFC 8866 sections 5.9 and 5.10).
 * SIP calls use {@code t=0 0}: unbounded. Immutable.
 *
 * @param start start time in NTP seconds, 0 for unbounded
 * @param stop stop time in NTP seconds, 0 for unbounded
 * @param repeats the values of the {@code r=} lines, as written
 */
public record Timing(long start, long stop, List<String> repeats) {

  /** The {@code t=0 0} of a SIP call. */
  public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

  /** Checks the times are not negative and copies the repeats. */
  public Timing {
    if (start < 0 || stop < 0) {
      throw new IllegalArgumentException("negative time: " + start + " " + stop);
    }
    repeats = List.copyOf(repeats);
    repeats.forEach(r -> Sdp.requireText(r, "repeat"));
  }

  /** The value of the {@code t=} line. */
  public String value() {
    return start + " " + stop;
  }
}
