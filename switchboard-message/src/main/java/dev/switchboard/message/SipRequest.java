// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.Header;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.uri.Uri;
import java.util.Objects;

/**
 * A SIP request: {@code Method SP Request-URI SP SIP/2.0} (RFC 3261 section 7.1), its headers and
 * body. Immutable; see {@link SipMessage}.
 */
public final class SipRequest extends SipMessage {
  private final Method method;
  private final Uri requestUri;
  // Computed on first use; a benign race, since every thread computes the same string.
  private String startLine;

  SipRequest(Method method, Uri requestUri, Header[] headers, Object[] typed, byte[] body) {
    super(headers, typed, body);
    this.method = method;
    this.requestUri = requestUri;
  }

  /** A builder for a new request with no headers yet. */
  public static Builder builder(Method method, Uri requestUri) {
    return new Builder(method, requestUri);
  }

  /** The method. */
  public Method method() {
    return method;
  }

  /** The Request-URI. */
  public Uri requestUri() {
    return requestUri;
  }

  /**
   * A response to this request as section 8.2.6.2 builds it: the same Via lines (in order),
   * From, To, Call-ID and CSeq, with the registered reason phrase for {@code statusCode} (or the
   * x00 of its class). A UAS adds a To tag with {@link Address#withTag} where it must.
   */
  public SipResponse.Builder reply(int statusCode) {
    return reply(statusCode, StatusCode.effective(statusCode).reasonPhrase());
  }

  /** As {@link #reply(int)}, with a reason phrase of the caller's choice. */
  public SipResponse.Builder reply(int statusCode, String reasonPhrase) {
    SipResponse.Builder b = SipResponse.builder(statusCode, reasonPhrase);
    for (int i = 0; i < headers.length; i++) {
      HeaderName<?> n = headers[i].name();
      if (n.equals(HeaderName.VIA)
          || n.equals(HeaderName.FROM)
          || n.equals(HeaderName.TO)
          || n.equals(HeaderName.CALL_ID)
          || n.equals(HeaderName.CSEQ)) {
        b.copy(this, i);
      }
    }
    return b;
  }

  @Override
  public String startLine() {
    String s = startLine;
    if (s == null) {
      s = method + " " + requestUri + " " + VERSION;
      startLine = s;
    }
    return s;
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link SipRequest}. Not thread-safe. */
  public static final class Builder extends SipMessage.Builder<Builder> {
    private Method method;
    private Uri requestUri;

    Builder(Method method, Uri requestUri) {
      this.method = Objects.requireNonNull(method, "method");
      this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
    }

    Builder(SipRequest r) {
      super(r);
      this.method = r.method;
      this.requestUri = r.requestUri;
    }

    /** Sets the method. */
    public Builder method(Method m) {
      this.method = Objects.requireNonNull(m, "method");
      return this;
    }

    /** Sets the Request-URI (a proxy retargeting, section 16.6 step 2). */
    public Builder requestUri(Uri uri) {
      this.requestUri = Objects.requireNonNull(uri, "requestUri");
      return this;
    }

    /** The request, with Content-Length set to the body size. */
    @Override
    public SipRequest build() {
      finish();
      return new SipRequest(
          method, requestUri, headers.toArray(new Header[0]), typed.toArray(), body);
    }
  }
}
