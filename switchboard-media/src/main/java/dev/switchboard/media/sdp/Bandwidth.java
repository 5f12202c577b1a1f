// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

/**
 * A {@code b=} line (RFC 8866 section 5.8): a bandwidth limit, e.g. {@code AS:64}. Immutable.
 *
 * @param type the modifier, e.g. {@code AS}, {@code CT}, {@code TIAS}
 * @param value the limit, in kilobits per second for {@code AS} and {@code CT}
 */
public record Bandwidth(String type, long value) {

  /** Checks the type is a token and the value is not negative. */
  public Bandwidth {
    Sdp.requireToken(type, "type");
    if (type.indexOf(':') >= 0) {
      throw new IllegalArgumentException("bandwidth type contains ':': " + type);
    }
    if (value < 0) {
      throw new IllegalArgumentException("negative bandwidth: " + value);
    }
  }

  /** The value of the {@code b=} line. */
  public String text() {
    return type + ":" + value;
  }
}
