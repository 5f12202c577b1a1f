// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.parse.SipChars;

/** The {@code scheme ":"} prefix every URI starts with (RFC 3261 §25.1, RFC 2396 §3.1). */
final class Schemes {
  /** Returned by {@link #end} when the text does not start with {@code scheme ":"}. */
  static final int NO_COLON = -1;

  /** Returned by {@link #end} when a character before the colon is not allowed in a scheme. */
  static final int BAD_CHAR = -2;

  private Schemes() {}

  /**
   * The index of the colon ending the scheme, or {@link #NO_COLON} / {@link #BAD_CHAR}.
   *
   * <p>{@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}.
   */
  static int end(String text) {
    if (text.isEmpty() || !isAlpha(text.charAt(0))) {
      return text.isEmpty() || text.charAt(0) == ':' ? NO_COLON : BAD_CHAR;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!SipChars.isAlphanum(c) && c != '+' && c != '-' && c != '.') {
        return BAD_CHAR;
      }
    }
    return NO_COLON;
  }

  /** True when {@code text} starts with {@code scheme + ":"}, the scheme in any case. */
  static boolean is(String text, int colon, String scheme) {
    return colon == scheme.length() && text.regionMatches(true, 0, scheme, 0, colon);
  }

  static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
