// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.parse;

/**
 * Character classes of the RFC 3261 grammar (section 25.1), as lookup tables.
 *
 * <p>Every method takes an {@code int} so callers can pass a byte ({@code b & 0xFF}) or a char;
 * anything outside US-ASCII is in no class.
 */
public final class SipChars {
  private static final boolean[] ALPHANUM = table("");
  private static final boolean[] UNRESERVED = table("-_.!~*'()");
  private static final boolean[] TOKEN = table("-.!%*_+`'~");
  private static final boolean[] WORD = table("-.!%*_+`'~()<>:\\\"/[]?{}");
  private static final boolean[] USER = table("-_.!~*'()&=+$,;?/");
  private static final boolean[] PASSWORD = table("-_.!~*'()&=+$,");
  private static final boolean[] PARAM = table("-_.!~*'()[]/:&+$");
  private static final boolean[] HEADER = table("-_.!~*'()[]/?:+$");

  private SipChars() {}

  private static boolean[] table(String extra) {
    boolean[] t = new boolean[128];
    for (int c = '0'; c <= '9'; c++) {
      t[c] = true;
    }
    for (int c = 'a'; c <= 'z'; c++) {
      t[c] = true;
      t[c - 32] = true;
    }
    for (int i = 0; i < extra.length(); i++) {
      t[extra.charAt(i)] = true;
    }
    return t;
  }

  private static boolean in(boolean[] table, int c) {
    return c >= 0 && c < 128 && table[c];
  }

  /** {@code alphanum}. */
  public static boolean isAlphanum(int c) {
    return in(ALPHANUM, c);
  }

  /** {@code unreserved = alphanum / mark}. */
  public static boolean isUnreserved(int c) {
    return in(UNRESERVED, c);
  }

  /** A character of {@code token} (method names, parameter names, most header values). */
  public static boolean isToken(int c) {
    return in(TOKEN, c);
  }

  /** A character of {@code word} (Call-ID halves). */
  public static boolean isWord(int c) {
    return in(WORD, c);
  }

  /** A character allowed unescaped in the user part of a SIP URI. */
  public static boolean isUserChar(int c) {
    return in(USER, c);
  }

  /** A character allowed unescaped in the password part of a SIP URI. */
  public static boolean isPasswordChar(int c) {
    return in(PASSWORD, c);
  }

  /** A character allowed unescaped in a SIP URI parameter name or value ({@code paramchar}). */
  public static boolean isParamChar(int c) {
    return in(PARAM, c);
  }

  /** A character allowed unescaped in a SIP URI header name or value ({@code hnv-unreserved}). */
  public static boolean isHeaderChar(int c) {
    return in(HEADER, c);
  }

  /** {@code HEXDIG}, either case. */
  public static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The value of a hex digit, or -1. */
  public static int hexValue(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** True when every character of {@code s} is a token character and {@code s} is not empty. */
  public static boolean isToken(CharSequence s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isToken(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code WSP}: space or horizontal tab. */
  public static boolean isWsp(int c) {
    return c == ' ' || c == '\t';
  }
}
