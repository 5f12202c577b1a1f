// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.parse.SipChars;

/**
 * The {@code "%" HEXDIG HEXDIG} escapes of SIP URIs (RFC 3261 §19.1.2, §25.1 {@code escaped}).
 *
 * <p>Values are stored decoded: the octets named by the escapes and the literal characters are read
 * as UTF-8. An octet that is not part of valid UTF-8 becomes the lone surrogate {@code
 * U+DC80..U+DCFF} (the "surrogate escape" of PEP 383), so any octet string survives a decode/encode
 * round trip exactly. On output a character is escaped only when its component does not allow it
 * unescaped; {@code %61lice} therefore prints as {@code alice}, which §19.1.4 says is the same URI.
 */
final class UriEscapes {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The URI components that differ in what they allow unescaped (RFC 3261 §25.1). */
  enum Part {
    USER("user"),
    PASSWORD("password"),
    PARAMETER("parameter"),
    HEADER("header");

    /** How a fault names the component. */
    final String label;

    Part(String label) {
      this.label = label;
    }

    /** True when {@code c} may appear unescaped in this component. */
    boolean allows(int c) {
      return switch (this) {
        case USER -> SipChars.isUserChar(c);
        case PASSWORD -> SipChars.isPasswordChar(c);
        case PARAMETER -> SipChars.isParamChar(c);
        case HEADER -> SipChars.isHeaderChar(c);
      };
    }
  }

  private UriEscapes() {}

  /**
   * Decodes {@code s[from, to)}, which the caller has checked holds only characters of its
   * component and well-formed escapes. Each escape is decoded once: {@code %2541} is {@code %41}.
   */
  static String decode(String s, int from, int to) {
    byte[] octets = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        octets[n++] =
            (byte) ((SipChars.hexValue(s.charAt(i + 1)) << 4) | SipChars.hexValue(s.charAt(i + 2)));
        i += 2;
      } else {
        octets[n++] = (byte) c;
      }
    }
    return utf8(octets, n);
  }

  /** UTF-8 to text; octets outside valid UTF-8 map to {@code U+DC80..U+DCFF}. */
  static String utf8(byte[] b, int n) {
    char[] out = new char[n];
    int o = 0;
    int i = 0;
    while (i < n) {
      int b0 = b[i] & 0xFF;
      if (b0 < 0x80) {
        out[o++] = (char) b0;
        i++;
        continue;
      }
      int len;
      int cp;
      int min;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
        min = 0x80;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
        min = 0x800;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
        min = 0x10000;
      } else {
        len = 0;
        cp = 0;
        min = 0;
      }
      boolean ok = len > 0 && i + len <= n;
      for (int k = 1; ok && k < len; k++) {
        int bk = b[i + k] & 0xFF;
        ok = (bk & 0xC0) == 0x80;
        cp = (cp << 6) | (bk & 0x3F);
      }
      // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 (RFC 3629 §3).
      if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out[o++] = (char) (0xDC00 | b0);
        i++;
        continue;
      }
      if (cp < 0x10000) {
        out[o++] = (char) cp;
      } else {
        out[o++] = Character.highSurrogate(cp);
        out[o++] = Character.lowSurrogate(cp);
      }
      i += len;
    }
    return new String(out, 0, o);
  }

  /** Appends {@code value}, escaping every character {@code part} does not allow unescaped. */
  static void append(StringBuilder sb, String value, Part part) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        if (part.allows(c)) {
          sb.append(c);
        } else {
          octet(sb, c);
        }
      } else if (c >= 0xDC80 && c <= 0xDCFF) {
        // A lone low surrogate here stands for an octet that was not UTF-8 (see decode).
        octet(sb, c & 0xFF);
      } else {
        int cp = c;
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          cp = Character.toCodePoint(c, value.charAt(++i));
        }
        utf8Escaped(sb, cp);
      }
    }
  }

  private static void utf8Escaped(StringBuilder sb, int cp) {
    if (cp < 0x800) {
      octet(sb, 0xC0 | (cp >> 6));
      octet(sb, 0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      octet(sb, 0xE0 | (cp >> 12));
      octet(sb, 0x80 | ((cp >> 6) & 0x3F));
      octet(sb, 0x80 | (cp & 0x3F));
    } else {
      octet(sb, 0xF0 | (cp >> 18));
      octet(sb, 0x80 | ((cp >> 12) & 0x3F));
      octet(sb, 0x80 | ((cp >> 6) & 0x3F));
      octet(sb, 0x80 | (cp & 0x3F));
    }
  }

  private static void octet(StringBuilder sb, int b) {
    sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }
}
