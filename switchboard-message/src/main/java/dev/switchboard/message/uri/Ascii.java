// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

/** ASCII case folding without {@code Locale} lookups or copies, for hashing and comparing. */
final class Ascii {
  private Ascii() {}

  /** A hash of {@code s} that ignores the case of ASCII letters. */
  static int lowerHash(String s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + lower(s.charAt(i));
    }
    return h;
  }

  /** {@code c} with A-Z folded to a-z. */
  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
