// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.header.ContentLength;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a TCP or TLS byte stream into SIP messages (RFC 3261 section 18.3), one connection's worth
 * of state.
 *
 * <p>The caller keeps unconsumed bytes in a buffer and calls {@link #next} with them each time more
 * arrive; the framer remembers how far it has scanned, so each byte is looked at about once. It
 * answers with a {@link Frame}: a whole message of a known length, a keep-alive to skip, a request
 * for more bytes, or a fault after which the connection must be closed (a framing error on a
 * stream cannot be recovered from: RFC 4475 sections 3.1.2.3 and 3.3.9).
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>meaning</th></tr>
 *   <tr><td>START</td><td>between messages: CRLFs here are keep-alives (section 7.5, RFC 5626)</td></tr>
 *   <tr><td>HEADERS</td><td>looking for the empty line that ends the header section</td></tr>
 *   <tr><td>BODY</td><td>waiting for Content-Length octets of body</td></tr>
 *   <tr><td>BAD</td><td>a fault was reported; every later call reports it again</td></tr>
 * </table>
 *
 * <p>Limits: a message larger than the size limit (default 64 KiB) is a 513 fault; a message
 * without Content-Length is a 400 fault (section 18.3 makes it mandatory on streams).
 *
 * <p>Not thread-safe: confined to the connection's event loop.
 */
public final class StreamFramer {
  /** The framer's states. */
  public enum State {
    START,
    HEADERS,
    BODY,
    BAD
  }

  /** What the buffered bytes hold. */
  public sealed interface Frame {}

  /** The buffer holds no complete frame yet. */
  public record NeedMore() implements Frame {}

  /** The first {@code length} octets are one message; parse them with {@link SipParser#parseFrame}. */
  public record Message(int length) implements Frame {}

  /**
   * The first {@code length} octets are keep-alive CRLFs to skip. {@code ping} is true for the
   * RFC 5626 double-CRLF ping, which is answered with a single CRLF (the pong).
   */
  public record KeepAlive(int length, boolean ping) implements Frame {}

  /**
   * The stream is broken. When {@code headerLength > 0} the first that many octets hold a complete
   * header section from which an error response (400, 513) can be built; then the connection is
   * closed.
   */
  public record Fault(String reason, int statusCode, int headerLength) implements Frame {}

  private static final NeedMore NEED_MORE = new NeedMore();

  private final int maxMessageSize;
  private State state = State.START;
  private int scanned;
  private int messageLength;
  private Fault fault;

  /** A framer with the default 64 KiB message limit. */
  public StreamFramer() {
    this(SipParser.DEFAULT_MAX_MESSAGE_SIZE);
  }

  /** A framer with the given message size limit in octets. */
  public StreamFramer(int maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /**
   * Looks at the unconsumed bytes {@code b[off, off+len)}, which start where the last returned
   * frame ended. After a {@link Message} or {@link KeepAlive} the caller drops that many octets.
   */
  @SuppressWarnings("fallthrough")
  public Frame next(byte[] b, int off, int len) {
    switch (state) {
      case BAD:
        return fault;
      case START:
        if (len == 0) {
          return NEED_MORE;
        }
        if (b[off] == '\r' || b[off] == '\n') {
          return keepAlive(b, off, len);
        }
        state = State.HEADERS;
        scanned = 0;
        // fall through
      case HEADERS:
        int headerEnd = findHeaderEnd(b, off, len);
        if (headerEnd < 0) {
          if (len > maxMessageSize) {
            return fail(new Fault("Message Too Large: header section exceeds " + maxMessageSize, 513, 0));
          }
          return NEED_MORE;
        }
        Fault f = readLength(b, off, headerEnd);
        if (f != null) {
          return fail(f);
        }
        state = State.BODY;
        // fall through
      case BODY:
      default:
        if (len < messageLength) {
          return NEED_MORE;
        }
        state = State.START;
        return new Message(messageLength);
    }
  }

  private Frame fail(Fault f) {
    state = State.BAD;
    fault = f;
    return f;
  }

  private Frame keepAlive(byte[] b, int off, int len) {
    if (len >= 4 && b[off] == '\r' && b[off + 1] == '\n' && b[off + 2] == '\r' && b[off + 3] == '\n') {
      return new KeepAlive(4, true);
    }
    if (b[off] == '\n') {
      return new KeepAlive(1, false);
    }
    if (len < 2) {
      return NEED_MORE;
    }
    if (b[off + 1] != '\n') {
      return new KeepAlive(1, false);
    }
    // A lone CRLF: a pong, or the first half of a ping whose second half is on its way.
    if (len == 2 || (len == 3 && b[off + 2] == '\r')) {
      return NEED_MORE;
    }
    return new KeepAlive(2, false);
  }

  /** The offset just past the empty line, relative to {@code off}; -1 if not there yet. */
  private int findHeaderEnd(byte[] b, int off, int len) {
    for (int i = Math.max(scanned, 1); i < len; i++) {
      if (b[off + i] == '\n') {
        if (b[off + i - 1] == '\n') {
          return i + 1;
        }
        if (i >= 2 && b[off + i - 1] == '\r' && b[off + i - 2] == '\n') {
          return i + 1;
        }
      }
    }
    scanned = Math.max(1, len - 1);
    return -1;
  }

  /** Finds Content-Length (or {@code l}) in the header section and sets the message length. */
  private Fault readLength(byte[] b, int off, int headerEnd) {
    int found = -1;
    int p = off;
    int end = off + headerEnd;
    while (p < end) {
      int le = p;
      while (le < end && b[le] != '\n') {
        le++;
      }
      int content = le > p && b[le - 1] == '\r' ? le - 1 : le;
      int value = contentLengthValue(b, p, content);
      if (value >= 0) {
        // The value may be folded onto continuation lines (section 7.3.1), as the parser reads
        // it; the line ends inside are white space that ContentLength.parse trims.
        while (le + 1 < end && SipChars.isWsp(b[le + 1])) {
          le++;
          while (le < end && b[le] != '\n') {
            le++;
          }
          content = b[le - 1] == '\r' ? le - 1 : le;
        }
        ParseResult<ContentLength> r =
            ContentLength.parse(new String(b, value, content - value, StandardCharsets.ISO_8859_1));
        if (r instanceof ParseResult.Malformed<ContentLength> m) {
          return new Fault(m.reason(), 400, headerEnd);
        }
        int cl = r.value().length();
        if (found >= 0 && found != cl) {
          return new Fault("Conflicting Content-Length values", 400, headerEnd);
        }
        found = cl;
      }
      p = le + 1;
    }
    if (found < 0) {
      return new Fault("Missing Content-Length on a stream transport", 400, headerEnd);
    }
    if ((long) headerEnd + found > maxMessageSize) {
      return new Fault(
          "Message Too Large: " + ((long) headerEnd + found) + " octets, limit " + maxMessageSize,
          513,
          headerEnd);
    }
    messageLength = headerEnd + found;
    return null;
  }

  /** Offset of the value when the line is a Content-Length header, else -1. */
  private static int contentLengthValue(byte[] b, int p, int end) {
    int n = p;
    while (n < end && SipChars.isToken(b[n] & 0xFF)) {
      n++;
    }
    int c = n;
    while (c < end && SipChars.isWsp(b[c])) {
      c++;
    }
    if (c == end || b[c] != ':') {
      return -1;
    }
    boolean isCl =
        (n - p == 1 && (b[p] | 0x20) == 'l')
            || (n - p == 14 && new String(b, p, 14, StandardCharsets.ISO_8859_1).equalsIgnoreCase("Content-Length"));
    return isCl ? c + 1 : -1;
  }
}
