// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.header.ContentLength;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.Header;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one SIP message from bytes (RFC 3261 sections 7 and 25).
 *
 * <p>One pass over the bytes finds the start line and each header line, unfolds continuation lines
 * and makes one String per header value. The headers that transaction matching needs (Via, From,
 * To, Call-ID, CSeq, Max-Forwards, Content-Length) are then parsed and checked at once; every other
 * header is parsed on first access. A fault is returned as {@link ParseResult.Malformed} with a
 * reason naming it, fit to be the reason phrase of the 400 (or 505, 513) a server answers with.
 * Nothing in here throws on bad input.
 *
 * <p>Limits:
 *
 * <table>
 *   <caption>Parser limits</caption>
 *   <tr><th>limit</th><th>default</th><th>answer</th></tr>
 *   <tr><td>octets in one message</td><td>65,536</td><td>513 Message Too Large</td></tr>
 *   <tr><td>header lines in one message</td><td>256</td><td>400 Bad Request</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SipParser {
  /** The default cap on one message, in octets. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;
  /** The default cap on header lines in one message. */
  public static final int DEFAULT_MAX_HEADERS = 256;

  private static final SipParser STANDARD =
      new SipParser(DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_HEADERS);

  private final int maxMessageSize;
  private final int maxHeaders;

  private SipParser(int maxMessageSize, int maxHeaders) {
    this.maxMessageSize = maxMessageSize;
    this.maxHeaders = maxHeaders;
  }

  /** A parser with the default limits. */
  public static SipParser standard() {
    return STANDARD;
  }

  /** A parser with other limits. */
  public static SipParser withLimits(int maxMessageSize, int maxHeaders) {
    if (maxMessageSize < 1024 || maxHeaders < 8) {
      throw new IllegalArgumentException("limits too small: " + maxMessageSize + ", " + maxHeaders);
    }
    return new SipParser(maxMessageSize, maxHeaders);
  }

  /** The message size limit in octets. */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /** Parses a datagram with the default limits. */
  public static ParseResult<SipMessage> parse(byte[] datagram) {
    return STANDARD.parseDatagram(datagram, 0, datagram.length);
  }

  /**
   * Parses one datagram (RFC 3261 section 18.3): without Content-Length the body runs to the end
   * of the datagram; octets after Content-Length are ignored (RFC 4475 dblreq); a Content-Length
   * larger than what arrived is a fault (clerr).
   */
  public ParseResult<SipMessage> parseDatagram(byte[] b, int off, int len) {
    return parse(b, off, len, false);
  }

  /**
   * Parses one message cut from a stream by a framer: Content-Length is required and the slice
   * holds exactly the message.
   */
  public ParseResult<SipMessage> parseFrame(byte[] b, int off, int len) {
    return parse(b, off, len, true);
  }

  private ParseResult<SipMessage> parse(byte[] b, int off, int len, boolean stream) {
    if (len > maxMessageSize) {
      return ParseResult.malformed(
          "Message Too Large: " + len + " octets, limit " + maxMessageSize, 513);
    }
    int end = off + len;
    int p = off;
    // Section 7.5: CRLF before the start line is ignored.
    while (p < end && (b[p] == '\r' || b[p] == '\n')) {
      p++;
    }
    if (p == end) {
      return ParseResult.malformed("Empty message");
    }
    int lineEnd = lineEnd(b, p, end);
    if (lineEnd == end) {
      return ParseResult.malformed("Missing CRLF after start line");
    }
    int startLineFrom = p;
    int startLineTo = trimCr(b, p, lineEnd);
    p = lineEnd + 1;

    // Header section: one pass, unfolding continuation lines (section 7.3.1).
    List<Header> headers = new ArrayList<>(16);
    boolean terminated = false;
    while (p < end) {
      int le = lineEnd(b, p, end);
      int content = trimCr(b, p, le);
      if (content == p) {
        terminated = true;
        // A lone CR at the very end has no LF after it: the body starts at the end, not past it.
        p = Math.min(le + 1, end);
        break;
      }
      if (SipChars.isWsp(b[p])) {
        return ParseResult.malformed("Bad header line: continuation before any header");
      }
      int nameEnd = p;
      while (nameEnd < content && SipChars.isToken(b[nameEnd] & 0xFF)) {
        nameEnd++;
      }
      int colon = nameEnd;
      while (colon < content && SipChars.isWsp(b[colon])) {
        colon++;
      }
      if (nameEnd == p || colon == content || b[colon] != ':') {
        return ParseResult.malformed(
            "Bad header line: '" + Lexer.printable(latin1(b, p, Math.min(content, p + 24))) + "'");
      }
      HeaderName<?> name = HeaderName.of(b, p, nameEnd - p);
      int vs = colon + 1;
      while (vs < content && SipChars.isWsp(b[vs])) {
        vs++;
      }
      int next = Math.min(le + 1, end);
      String value;
      if (next < end && SipChars.isWsp(b[next])) {
        StringBuilder sb = new StringBuilder(utf8(b, vs, content));
        while (next < end && SipChars.isWsp(b[next])) {
          int cle = lineEnd(b, next, end);
          int cc = trimCr(b, next, cle);
          int cs = next;
          while (cs < cc && SipChars.isWsp(b[cs])) {
            cs++;
          }
          if (cs < cc) {
            // LWS, folding included, is equivalent to one SP (section 7.3.1).
            if (sb.length() > 0) {
              sb.append(' ');
            }
            sb.append(utf8(b, cs, cc));
          }
          next = Math.min(cle + 1, end);
        }
        value = trimWsp(sb.toString());
      } else {
        value = trimWsp(utf8(b, vs, content));
      }
      if (value.indexOf('\r') >= 0) {
        // A CR not followed by LF ends no line, and a value holding one could not be written back
        // on one line (section 7.3.1).
        return ParseResult.malformed("Bad " + name.name() + ": bare CR in value");
      }
      if (headers.size() == maxHeaders) {
        return ParseResult.malformed("Too many header fields (limit " + maxHeaders + ")");
      }
      headers.add(new Header(name, value));
      p = next;
    }
    if (stream && !terminated) {
      return ParseResult.malformed("Header section not terminated by an empty line");
    }

    Header[] hs = headers.toArray(new Header[0]);
    Object[] typed = new Object[hs.length];
    ParseResult.Malformed<SipMessage> fault = validateEager(hs, typed);
    if (fault != null) {
      return fault;
    }

    // Body: Content-Length octets; over a datagram without Content-Length, the rest (section 18.3).
    int available = end - p;
    int cl = contentLength(hs, typed);
    int bodyLen;
    if (cl == CONFLICT) {
      return ParseResult.malformed("Conflicting Content-Length values");
    }
    if (cl == ABSENT) {
      if (stream) {
        return ParseResult.malformed("Missing Content-Length on a stream transport");
      }
      bodyLen = available;
    } else {
      bodyLen = cl;
      if (bodyLen > available) {
        return ParseResult.malformed(
            "Content-Length " + bodyLen + " exceeds the " + available + " octets of body received");
      }
    }
    byte[] body = bodyLen == 0 ? EMPTY : Arrays.copyOfRange(b, p, p + bodyLen);

    if (startsWithSipVersion(b, startLineFrom, startLineTo)) {
      return parseStatusLine(b, startLineFrom, startLineTo, hs, typed, body);
    }
    return parseRequestLine(b, startLineFrom, startLineTo, hs, typed, body);
  }

  private static final byte[] EMPTY = new byte[0];

  /** Parses the headers a transaction needs; the first fault wins. */
  private static ParseResult.Malformed<SipMessage> validateEager(Header[] hs, Object[] typed) {
    for (int i = 0; i < hs.length; i++) {
      HeaderName<?> n = hs[i].name();
      if (n == HeaderName.VIA
          || n == HeaderName.FROM
          || n == HeaderName.TO
          || n == HeaderName.CALL_ID
          || n == HeaderName.CSEQ
          || n == HeaderName.MAX_FORWARDS
          || n == HeaderName.CONTENT_LENGTH) {
        Object t = SipMessage.parseLine(hs[i]);
        if (t instanceof ParseResult.Malformed<?> m) {
          return m.cast();
        }
        typed[i] = t;
      }
    }
    return null;
  }

  private static final int ABSENT = -1;
  private static final int CONFLICT = -2;

  /**
   * The Content-Length, or {@link #ABSENT}, or {@link #CONFLICT} for two different values: a
   * framing fault (RFC 4475 mcl01), since a receiver cannot know where the message ends.
   */
  private static int contentLength(Header[] hs, Object[] typed) {
    int found = ABSENT;
    for (int i = 0; i < hs.length; i++) {
      if (hs[i].name() == HeaderName.CONTENT_LENGTH) {
        int cl = ((ContentLength) ((List<?>) typed[i]).get(0)).length();
        if (found != ABSENT && found != cl) {
          return CONFLICT;
        }
        found = cl;
      }
    }
    return found;
  }

  private static ParseResult<SipMessage> parseRequestLine(
      byte[] b, int from, int to, Header[] hs, Object[] typed, byte[] body) {
    // Request-Line = Method SP Request-URI SP SIP-Version: exactly one SP each (RFC 4475
    // lwsstart, trws and lwsruri are rejected here).
    int sp1 = indexOf(b, from, to, (byte) ' ');
    int sp2 = sp1 < 0 ? -1 : indexOf(b, sp1 + 1, to, (byte) ' ');
    if (sp1 < 0 || sp2 < 0 || indexOf(b, sp2 + 1, to, (byte) ' ') >= 0 || sp2 == sp1 + 1 || sp1 == from) {
      return ParseResult.malformed(
          "Bad request line: expected 'Method SP Request-URI SP SIP/2.0'");
    }
    String methodText = latin1(b, from, sp1);
    if (!SipChars.isToken(methodText)) {
      return ParseResult.malformed("Bad request line: method is not a token");
    }
    String version = latin1(b, sp2 + 1, to);
    ParseResult.Malformed<SipMessage> vf = checkVersion(version);
    if (vf != null) {
      return vf;
    }
    String uriText = latin1(b, sp1 + 1, sp2);
    ParseResult<Uri> uri = Uri.parse(uriText);
    if (uri instanceof ParseResult.Malformed<Uri> m) {
      return ParseResult.malformed("Bad Request-URI: " + m.reason());
    }
    // RFC 4475 escruri: headers in a Request-URI are rejected rather than acted on.
    if (uri.value() instanceof SipUri su && !su.headers().isEmpty()) {
      return ParseResult.malformed("Bad Request-URI: must not contain headers");
    }
    Method method = Method.of(methodText);
    for (int i = 0; i < hs.length; i++) {
      if (hs[i].name() == HeaderName.CSEQ) {
        CSeq cseq = (CSeq) ((List<?>) typed[i]).get(0);
        // Section 8.1.1.5: the CSeq method must match the request (RFC 4475 mismatch01/02).
        if (!cseq.method().equals(method)) {
          return ParseResult.malformed(
              "CSeq method " + cseq.method() + " does not match request method " + method);
        }
      }
    }
    return ParseResult.parsed(new SipRequest(method, uri.value(), hs, typed, body));
  }

  private static ParseResult<SipMessage> parseStatusLine(
      byte[] b, int from, int to, Header[] hs, Object[] typed, byte[] body) {
    int sp1 = indexOf(b, from, to, (byte) ' ');
    if (sp1 < 0) {
      return ParseResult.malformed("Bad status line: missing status code");
    }
    ParseResult.Malformed<SipMessage> vf = checkVersion(latin1(b, from, sp1));
    if (vf != null) {
      return vf;
    }
    int codeEnd = sp1 + 1;
    while (codeEnd < to && b[codeEnd] >= '0' && b[codeEnd] <= '9') {
      codeEnd++;
    }
    // Status-Code = 3DIGIT; RFC 4475 bigcode has 4294967301.
    if (codeEnd - sp1 - 1 != 3 || (codeEnd < to && b[codeEnd] != ' ')) {
      return ParseResult.malformed("Bad status line: status code must be three digits");
    }
    int code = (b[sp1 + 1] - '0') * 100 + (b[sp1 + 2] - '0') * 10 + (b[sp1 + 3] - '0');
    if (code < 100 || code > 699) {
      return ParseResult.malformed("Bad status line: status code " + code + " is not 100-699");
    }
    if (indexOf(b, codeEnd, to, (byte) '\r') >= 0) {
      // Reason-Phrase excludes CR (section 25.1), and the builder refuses one for the same reason.
      return ParseResult.malformed("Bad status line: bare CR in reason phrase");
    }
    // The SP before an empty reason phrase is required by the grammar, but its absence is
    // harmless, so it is tolerated (RFC 4475 section 3.1.1.13).
    String reason = codeEnd < to ? utf8(b, codeEnd + 1, to) : "";
    return ParseResult.parsed(new SipResponse(code, reason, hs, typed, body));
  }

  /** {@code SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT}; anything but 2.0 is answered with 505. */
  private static ParseResult.Malformed<SipMessage> checkVersion(String v) {
    if (v.equalsIgnoreCase(SipMessage.VERSION)) {
      return null;
    }
    if (v.length() > 4 && v.regionMatches(true, 0, "SIP/", 0, 4)) {
      Lexer lx = new Lexer(v.substring(4));
      if (lx.digits() != null && lx.consume('.') && lx.digits() != null && lx.atEnd()) {
        return new ParseResult.Malformed<>("SIP version " + v + " not supported", 505);
      }
    }
    return new ParseResult.Malformed<>(
        "Bad SIP version '" + Lexer.printable(v.length() > 16 ? v.substring(0, 16) : v) + "'", 400);
  }

  private static boolean startsWithSipVersion(byte[] b, int from, int to) {
    return to - from >= 4
        && (b[from] | 0x20) == 's'
        && (b[from + 1] | 0x20) == 'i'
        && (b[from + 2] | 0x20) == 'p'
        && b[from + 3] == '/';
  }

  /** Index of the LF ending the line at {@code p}, or {@code end} when there is none. */
  private static int lineEnd(byte[] b, int p, int end) {
    for (int i = p; i < end; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return end;
  }

  /** The end of the line's content: before a CR that precedes the LF. */
  private static int trimCr(byte[] b, int p, int lf) {
    return lf > p && b[lf - 1] == '\r' ? lf - 1 : lf;
  }

  /**
   * Removes the SP and HTAB around a value. Only they are LWS (section 25.1): other white space,
   * such as a trailing ideographic space in a Subject, is text that a proxy must forward.
   */
  private static String trimWsp(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && SipChars.isWsp(s.charAt(from))) {
      from++;
    }
    while (to > from && SipChars.isWsp(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static String latin1(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static String utf8(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }
}
