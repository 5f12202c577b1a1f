// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.ContentLength;
import dev.switchboard.message.header.Header;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.HeaderValue;
import dev.switchboard.message.header.MalformedHeaderException;
import dev.switchboard.message.header.MediaType;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.parse.ListSplitter;
import dev.switchboard.message.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A SIP request or response: a start line, an ordered list of header fields, and a body (RFC 3261
 * section 7).
 *
 * <p>Messages are immutable and thread-safe; {@code toBuilder()} makes a changed copy. Header
 * fields keep their order and their text, unknown ones included, so a message that is forwarded
 * unchanged is written back as it came (but for canonical header names). Typed values are parsed
 * from the text on first access and cached; the parser has already validated the headers that
 * transaction matching depends on (Via, From, To, Call-ID, CSeq, Max-Forwards, Content-Length), so
 * their accessors never fail. For any other header, code handling untrusted input asks {@link
 * #parse} or {@link #validate} first; the plain accessors throw {@link MalformedHeaderException}
 * for a malformed value.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
  /** The only protocol version this stack speaks. */
  public static final String VERSION = "SIP/2.0";

  private static final List<HeaderName<?>> MANDATORY =
      List.of(HeaderName.TO, HeaderName.FROM, HeaderName.CSEQ, HeaderName.CALL_ID);

  // The list headers whose grammar allows an empty line (section 20: "Allow" HCOLON [Method
  // *(COMMA Method)]); every other list needs at least one value.
  private static final List<HeaderName<?>> MAY_BE_EMPTY =
      List.of(
          HeaderName.ACCEPT,
          HeaderName.ACCEPT_ENCODING,
          HeaderName.ACCEPT_LANGUAGE,
          HeaderName.ALLOW,
          HeaderName.SUPPORTED);

  final Header[] headers;
  final byte[] body;
  // Per header line: its parsed values (a List) or its fault (a Malformed), filled on first use.
  // Racy single-check caching is safe: entries are immutable and recomputing one is harmless.
  private final Object[] typed;

  SipMessage(Header[] headers, Object[] typed, byte[] body) {
    this.headers = headers;
    this.typed = typed;
    this.body = body;
  }

  /** The start line, without CRLF. */
  public abstract String startLine();

  /** A builder that starts as a copy of this message. */
  public abstract Builder<?> toBuilder();

  /** True for a request. */
  public final boolean isRequest() {
    return this instanceof SipRequest;
  }

  /** Every header field, in order. */
  public final List<Header> headers() {
    return List.of(headers);
  }

  /** The value texts of every line with this name, in order (lists not split). */
  public final List<String> headerLines(HeaderName<?> name) {
    List<String> out = new ArrayList<>(2);
    for (Header h : headers) {
      if (h.name().equals(name)) {
        out.add(h.value());
      }
    }
    return out;
  }

  /** True when at least one line has this name. */
  public final boolean has(HeaderName<?> name) {
    for (Header h : headers) {
      if (h.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Every value of this header, across lines and comma lists; or the first fault. */
  @SuppressWarnings("unchecked")
  public final <T extends HeaderValue> ParseResult<List<T>> parse(HeaderName<T> name) {
    List<T> out = null;
    for (int i = 0; i < headers.length; i++) {
      if (!headers[i].name().equals(name)) {
        continue;
      }
      Object t = typedAt(i);
      if (t instanceof ParseResult.Malformed<?> m) {
        return m.cast();
      }
      List<T> values = (List<T>) t;
      if (out == null) {
        out = values;
      } else {
        if (!(out instanceof ArrayList)) {
          out = new ArrayList<>(out);
        }
        out.addAll(values);
      }
    }
    return ParseResult.parsed(out == null ? List.of() : out);
  }

  /** Every value of this header; throws {@link MalformedHeaderException} on a fault. */
  public final <T extends HeaderValue> List<T> all(HeaderName<T> name) {
    ParseResult<List<T>> r = parse(name);
    if (r instanceof ParseResult.Malformed<List<T>> m) {
      throw new MalformedHeaderException(m.reason());
    }
    return r.value();
  }

  /** The first value of this header; throws {@link MalformedHeaderException} on a fault. */
  @SuppressWarnings("unchecked")
  public final <T extends HeaderValue> Optional<T> first(HeaderName<T> name) {
    for (int i = 0; i < headers.length; i++) {
      if (headers[i].name().equals(name)) {
        Object t = typedAt(i);
        if (t instanceof ParseResult.Malformed<?> m) {
          throw new MalformedHeaderException(m.reason());
        }
        List<T> values = (List<T>) t;
        if (!values.isEmpty()) {
          return Optional.of(values.get(0));
        }
      }
    }
    return Optional.empty();
  }

  /** The first fault among the named headers, or empty when all of them parse. */
  public final Optional<ParseResult.Malformed<?>> validate(List<HeaderName<?>> names) {
    for (int i = 0; i < headers.length; i++) {
      if (names.contains(headers[i].name()) && typedAt(i) instanceof ParseResult.Malformed<?> m) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The first fault in any header this stack knows, or empty: full validation. */
  public final Optional<ParseResult.Malformed<?>> validateAll() {
    for (int i = 0; i < headers.length; i++) {
      if (headers[i].name().isKnown() && typedAt(i) instanceof ParseResult.Malformed<?> m) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks that To, From, CSeq and Call-ID appear exactly once and Via at least once (RFC 3261
   * section 8.1.1). A message can be well formed and still fail this (RFC 4475 insuf, multi01);
   * an element answers such a request with 400 and this reason.
   */
  public final Optional<String> checkMandatoryHeaders() {
    for (HeaderName<?> name : MANDATORY) {
      int n = count(name);
      if (n == 0) {
        return Optional.of("Missing " + name.name() + " header");
      }
      if (n > 1) {
        return Optional.of("Multiple " + name.name() + " values");
      }
    }
    if (!has(HeaderName.VIA)) {
      return Optional.of("Missing Via header");
    }
    return Optional.empty();
  }

  private int count(HeaderName<?> name) {
    int n = 0;
    for (int i = 0; i < headers.length; i++) {
      if (headers[i].name().equals(name)) {
        n += typedAt(i) instanceof List<?> l ? l.size() : 1;
      }
    }
    return n;
  }

  private Object typedAt(int i) {
    Object t = typed[i];
    if (t == null) {
      t = parseLine(headers[i]);
      typed[i] = t;
    }
    return t;
  }

  /**
   * Parses one header line into the List of its values, or returns the Malformed fault. Used by
   * the parser for eager validation and by the accessors lazily.
   */
  static Object parseLine(Header h) {
    HeaderName<?> name = h.name();
    if (!name.isList()) {
      ParseResult<?> r = name.parseValue(h.value());
      return r instanceof ParseResult.Parsed<?> p ? List.of(p.get()) : named(name, r);
    }
    List<String> parts = ListSplitter.split(h.value());
    if (parts.isEmpty() && !MAY_BE_EMPTY.contains(name)) {
      // An empty Via would otherwise pass as a Via that is present but has no value.
      return ParseResult.malformed("Bad " + name.name() + ": empty value");
    }
    if (parts.size() == 1) {
      ParseResult<?> r = name.parseValue(parts.get(0));
      return r instanceof ParseResult.Parsed<?> p ? List.of(p.get()) : named(name, r);
    }
    Object[] values = new Object[parts.size()];
    for (int j = 0; j < values.length; j++) {
      String part = parts.get(j);
      if (part.isEmpty()) {
        return ParseResult.malformed("Bad " + name.name() + ": empty value in list");
      }
      ParseResult<?> r = name.parseValue(part);
      if (!(r instanceof ParseResult.Parsed<?> p)) {
        return named(name, r);
      }
      values[j] = p.get();
    }
    return List.of(values);
  }

  /** Makes sure a fault names its header even when the value parser is shared by several. */
  private static ParseResult.Malformed<?> named(HeaderName<?> name, ParseResult<?> r) {
    ParseResult.Malformed<?> m = (ParseResult.Malformed<?>) r;
    if (m.reason().startsWith("Bad " + name.name())) {
      return m;
    }
    String reason = m.reason().startsWith("Bad ") ? m.reason().substring(4) : m.reason();
    return new ParseResult.Malformed<>("Bad " + name.name() + ": " + reason, m.statusCode());
  }

  // The headers every transaction needs. The parser validated them, so these do not throw for a
  // parsed message; they are empty only when the header is absent.

  /** The first (topmost) Via. */
  public final Optional<Via> topVia() {
    return first(HeaderName.VIA);
  }

  /** The From address. */
  public final Optional<Address> from() {
    return first(HeaderName.FROM);
  }

  /** The To address. */
  public final Optional<Address> to() {
    return first(HeaderName.TO);
  }

  /** The Call-ID. */
  public final Optional<CallId> callId() {
    return first(HeaderName.CALL_ID);
  }

  /** The CSeq. */
  public final Optional<CSeq> cseq() {
    return first(HeaderName.CSEQ);
  }

  /** The Content-Type, if any; throws {@link MalformedHeaderException} when malformed. */
  public final Optional<MediaType> contentType() {
    return first(HeaderName.CONTENT_TYPE);
  }

  /** A copy of the body. */
  public final byte[] body() {
    return body.clone();
  }

  /** The body length in octets. */
  public final int bodyLength() {
    return body.length;
  }

  /** The body decoded as UTF-8 (bodies such as SDP and text/plain are UTF-8 text). */
  public final String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The message on the wire, with canonical header names. */
  public final byte[] encode() {
    return MessageWriter.encode(this, false);
  }

  /** The message on the wire with compact header names where they exist (section 7.3.3). */
  public final byte[] encodeCompact() {
    return MessageWriter.encode(this, true);
  }

  /** The wire form as text (the body decoded as UTF-8), for logs and tests. */
  @Override
  public final String toString() {
    return new String(encode(), StandardCharsets.UTF_8);
  }

  /** Same start line, same header names and texts in the same order, same body. */
  @Override
  public final boolean equals(Object o) {
    if (!(o instanceof SipMessage m) || m.getClass() != getClass()) {
      return false;
    }
    return startLine().equals(m.startLine())
        && Arrays.equals(headers, m.headers)
        && Arrays.equals(body, m.body);
  }

  @Override
  public final int hashCode() {
    return startLine().hashCode() * 31 + Arrays.hashCode(headers);
  }

  /**
   * Builds a message by editing an ordered header list. A proxy's Via push or Max-Forwards
   * decrement makes a new message this way; the header lines it does not touch keep their text
   * and their already-parsed values. Not thread-safe.
   *
   * @param <B> the concrete builder type
   */
  public abstract static sealed class Builder<B extends Builder<B>>
      permits SipRequest.Builder, SipResponse.Builder {
    final List<Header> headers;
    final List<Object> typed;
    byte[] body = new byte[0];

    Builder() {
      headers = new ArrayList<>();
      typed = new ArrayList<>();
    }

    Builder(SipMessage m) {
      headers = new ArrayList<>(Arrays.asList(m.headers));
      typed = new ArrayList<>(Arrays.asList(m.typed));
      body = m.body;
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    private int indexOf(HeaderName<?> name) {
      for (int i = 0; i < headers.size(); i++) {
        if (headers.get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    /** Appends a line with this typed value. */
    public final <T extends HeaderValue> B add(HeaderName<T> name, T value) {
      headers.add(new Header(name, value.toString()));
      typed.add(List.of(value));
      return self();
    }

    /** Appends a raw line; its value is parsed when first asked for. */
    public final B add(String name, String value) {
      headers.add(new Header(HeaderName.of(name), value.trim()));
      typed.add(null);
      return self();
    }

    /** Inserts a line before the first line of this header, or at the top if there is none. */
    public final <T extends HeaderValue> B prepend(HeaderName<T> name, T value) {
      int i = Math.max(indexOf(name), 0);
      headers.add(i, new Header(name, value.toString()));
      typed.add(i, List.of(value));
      return self();
    }

    /** Replaces every line of this header with one line holding {@code value}, in place. */
    public final <T extends HeaderValue> B set(HeaderName<T> name, T value) {
      int i = indexOf(name);
      remove(name);
      int at = i < 0 ? headers.size() : i;
      headers.add(at, new Header(name, value.toString()));
      typed.add(at, List.of(value));
      return self();
    }

    /** Removes every line of this header. */
    public final B remove(HeaderName<?> name) {
      for (int i = headers.size() - 1; i >= 0; i--) {
        if (headers.get(i).name().equals(name)) {
          headers.remove(i);
          typed.remove(i);
        }
      }
      return self();
    }

    /**
     * Removes the first value of this header: the whole first line, or its first element when
     * the line holds a comma list (a proxy popping its Via or a Route, section 16.4, 16.7).
     */
    public final B removeFirst(HeaderName<?> name) {
      int i = indexOf(name);
      if (i < 0) {
        return self();
      }
      List<String> parts = ListSplitter.split(headers.get(i).value());
      if (!name.isList() || parts.size() <= 1) {
        headers.remove(i);
        typed.remove(i);
      } else {
        headers.set(i, new Header(name, String.join(", ", parts.subList(1, parts.size()))));
        typed.set(i, null);
      }
      return self();
    }

    /** Appends line {@code i} of {@code m} with its text and any value already parsed. */
    final B copy(SipMessage m, int i) {
      headers.add(m.headers[i]);
      typed.add(m.typed[i]);
      return self();
    }

    /** Sets the body; Content-Length is set to match when the message is built. */
    public final B body(byte[] content) {
      this.body = content.clone();
      return self();
    }

    /** Sets the body and its Content-Type. */
    public final B body(MediaType type, byte[] content) {
      set(HeaderName.CONTENT_TYPE, type);
      return body(content);
    }

    /** Sets a UTF-8 text body and its Content-Type. */
    public final B body(MediaType type, String content) {
      return body(type, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The message, with Content-Length set to the body size. Declared here so that code holding
     * any message can edit a copy of it through {@link SipMessage#toBuilder()} and build it.
     */
    public abstract SipMessage build();

    /** Sets Content-Length to the body size, as every built message must carry it. */
    final void finish() {
      set(HeaderName.CONTENT_LENGTH, new ContentLength(body.length));
    }
  }
}
