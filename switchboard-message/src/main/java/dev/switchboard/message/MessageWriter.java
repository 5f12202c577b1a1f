// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.header.Header;
import dev.switchboard.message.header.HeaderName;

/**
 * Writes a message in wire form: start line, one line per header field, an empty line, the body
 * (RFC 3261 section 7). Known headers get their canonical name (or compact letter on request);
 * unknown ones keep the spelling they arrived with. Values are written as stored.
 *
 * <p>The size is counted first so the output is allocated once, at its exact length: this runs
 * for every message a proxy forwards.
 */
final class MessageWriter {
  private final byte[] buf;
  private int len;

  private MessageWriter(int size) {
    buf = new byte[size];
  }

  static byte[] encode(SipMessage m, boolean compact) {
    String startLine = m.startLine();
    int size = utf8Length(startLine) + 2 + 2 + m.body.length;
    for (Header h : m.headers) {
      size += nameLength(h.name(), compact) + 2 + utf8Length(h.value()) + 2;
    }
    MessageWriter w = new MessageWriter(size);
    w.text(startLine);
    w.crlf();
    for (Header h : m.headers) {
      HeaderName<?> name = h.name();
      if (compact && name.compactForm() != 0) {
        w.buf[w.len++] = (byte) name.compactForm();
      } else {
        w.text(name.name());
      }
      w.buf[w.len++] = ':';
      w.buf[w.len++] = ' ';
      w.text(h.value());
      w.crlf();
    }
    w.crlf();
    System.arraycopy(m.body, 0, w.buf, w.len, m.body.length);
    return w.buf;
  }

  private static int nameLength(HeaderName<?> name, boolean compact) {
    return compact && name.compactForm() != 0 ? 1 : name.name().length();
  }

  /** Octets of {@code s} in UTF-8; a lone surrogate counts as the one '?' it is written as. */
  private static int utf8Length(String s) {
    int n = s.length();
    int octets = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          octets += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          octets += 2; // four octets for two chars
          i++;
        } else if (!Character.isSurrogate(c)) {
          octets += 2;
        }
      }
    }
    return octets;
  }

  private void crlf() {
    buf[len++] = '\r';
    buf[len++] = '\n';
  }

  /** Writes UTF-8, with a fast path for the ASCII that nearly all SIP text is. */
  @SuppressWarnings("deprecation")
  private void text(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) < 0x80) {
      i++;
    }
    if (i == n) {
      // All ASCII: one bulk copy of the low bytes. The method is deprecated because it drops the
      // high byte of each char, which is exactly right for ASCII and much faster than a loop.
      s.getBytes(0, n, buf, len);
      len += n;
      return;
    }
    for (i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        buf[len++] = '?';
      } else {
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }
}
