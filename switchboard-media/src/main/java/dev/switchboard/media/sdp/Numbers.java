// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

/** Decimal parsing without exceptions, for the numeric fields of SDP lines. */
final class Numbers {
  private Numbers() {}

  /** The value of a string of ASCII digits within [min, max], or -1 when it is not one. */
  static int parseInt(String s, int min, int max) {
    long v = parseLong(s);
    return v < min || v > max ? -1 : (int) v;
  }

  /** The value of a string of at most 18 ASCII digits, or -1 when it is not one. */
  static long parseLong(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * The value of a string of ASCII digits that fits in 64 bits unsigned, as a {@code long} whose
   * bits are that value; {@code null} when it is not one.
   */
  static Long parseUnsigned(String s) {
    if (s.isEmpty() || s.length() > 20) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException tooBig) {
      return null;
    }
  }
}
