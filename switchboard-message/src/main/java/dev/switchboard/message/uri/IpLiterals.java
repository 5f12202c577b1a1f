// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.parse.SipChars;

/**
 * Hand parsers for literal IP addresses, to bytes, with no DNS and no allocation beyond the result.
 *
 * <p>{@code InetAddress.getByName} is avoided on purpose: given a name it would query DNS, and
 * §19.1.4 of RFC 3261 forbids treating a name and the address it resolves to as equal anyway.
 */
final class IpLiterals {
  private IpLiterals() {}

  /**
   * True when {@code s[from, to)} starts with a digit and holds only digits and dots: no host name
   * looks like that (its top label starts with a letter), so it can only be meant as IPv4.
   */
  static boolean looksLikeIpv4(CharSequence s, int from, int to) {
    if (from >= to || s.charAt(from) < '0' || s.charAt(from) > '9') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT} (RFC 3261 §25.1)
   * into {@code out[off..off+4)}, each part at most 255. False when the text is not such an
   * address.
   */
  static boolean ipv4(CharSequence s, int from, int to, byte[] out, int off) {
    int part = 0;
    int i = from;
    while (true) {
      int start = i;
      int v = 0;
      while (i < to && i - start < 3) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        v = v * 10 + (c - '0');
        i++;
      }
      if (i == start || v > 255) {
        return false;
      }
      out[off + part++] = (byte) v;
      if (part == 4) {
        return i == to;
      }
      if (i >= to || s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }

  /**
   * Parses an IPv6 address (no brackets) into 16 bytes, or returns {@code null}.
   *
   * <p>Accepts RFC 4291 text: up to eight hex groups, one {@code ::} for a run of zero groups, and
   * an IPv4 dotted quad for the last 32 bits ({@code ::ffff:192.0.2.10}). Also accepts {@code
   * 2001:db8:::192.0.2.1}: RFC 3261's ABNF wants that third colon before an embedded IPv4 address,
   * and RFC 5118 §4.10 asks implementations to tolerate it; it means the same as {@code
   * 2001:db8::192.0.2.1}.
   */
  static byte[] ipv6(CharSequence s, int from, int to) {
    int[] groups = new int[8];
    int n = 0; // 16-bit groups seen, an IPv4 tail counting two
    int gap = -1; // index in groups where "::" stands, or -1
    boolean afterGap = false;
    boolean mustBeIpv4 = false;
    boolean v4 = false;
    byte[] out = new byte[16];
    int i = from;
    if (to - from >= 2 && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
      gap = 0;
      afterGap = true;
      i += 2;
    }
    while (i < to) {
      if (s.charAt(i) == ':') {
        // Only the RFC 3261 third colon, right after "::" and before an IPv4 tail, is allowed.
        if (!afterGap || mustBeIpv4) {
          return null;
        }
        mustBeIpv4 = true;
        i++;
        continue;
      }
      int start = i;
      int v = 0;
      while (i < to) {
        int h = SipChars.hexValue(s.charAt(i));
        if (h < 0) {
          break;
        }
        v = (v << 4) | h;
        i++;
      }
      if (i < to && s.charAt(i) == '.') {
        // The embedded IPv4 address fills the last two groups and must end the text.
        if (n > 6 || !ipv4(s, start, to, out, 12)) {
          return null;
        }
        n += 2;
        v4 = true;
        break;
      }
      if (i == start || i - start > 4 || n == 8 || mustBeIpv4) {
        return null;
      }
      groups[n++] = v;
      afterGap = false;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != ':' || i + 1 == to) {
        return null; // a stray character, or a single trailing colon
      }
      i++;
      if (s.charAt(i) == ':') {
        if (gap >= 0) {
          return null; // a second "::"
        }
        gap = n;
        afterGap = true;
        i++;
      }
    }
    if (mustBeIpv4 && !v4) {
      return null;
    }
    if (gap < 0 ? n != 8 : n > 7) {
      return null;
    }
    // Groups before the gap go to the front, those after it end just before the IPv4 tail (or at
    // the end); the gap itself stays zero.
    int words = v4 ? n - 2 : n;
    int end = v4 ? 6 : 8;
    for (int k = 0; k < words; k++) {
      int slot = gap >= 0 && k >= gap ? end - (words - k) : k;
      out[2 * slot] = (byte) (groups[k] >> 8);
      out[2 * slot + 1] = (byte) groups[k];
    }
    return out;
  }
}
