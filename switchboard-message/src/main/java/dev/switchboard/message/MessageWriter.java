// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.header.Header;
import dev.switchboard.message.header.HeaderName;
import java.util.Arrays;

/**
 * Writes a message in wire form: start line, one line per header field, an empty line, the body
 * (RFC 3261 section 7). Known headers get their canonical name (or compact letter on request);
 * unknown ones keep the spelling they arrived with. Values are written as stored.
 */
final class MessageWriter {
  private byte[] buf;
  private int len;

  private MessageWriter(int capacity) {
    buf = new byte[capacity];
  }

  static byte[] encode(SipMessage m, boolean compact) {
    MessageWriter w = new MessageWriter(256 + 48 * m.headers.length + m.body.length);
    w.text(m.startLine());
    w.crlf();
    for (Header h : m.headers) {
      HeaderName<?> name = h.name();
      if (compact && name.compactForm() != 0) {
        w.ascii(name.compactForm());
      } else {
        w.text(name.name());
      }
      w.ascii(':');
      w.ascii(' ');
      w.text(h.value());
      w.crlf();
    }
    w.crlf();
    w.bytes(m.body);
    return w.buf.length == w.len ? w.buf : Arrays.copyOf(w.buf, w.len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void ascii(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  private void crlf() {
    ensure(2);
    buf[len++] = '\r';
    buf[len++] = '\n';
  }

  private void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  /** Writes UTF-8, with a fast path for the ASCII that nearly all SIP text is. */
  private void text(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        bytes(s.substring(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return;
      }
      buf[len++] = (byte) c;
    }
  }
}
