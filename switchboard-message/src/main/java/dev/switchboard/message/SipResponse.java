// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.header.Header;
import java.util.Objects;

/**
 * A SIP response: {@code SIP/2.0 SP Status-Code SP Reason-Phrase} (RFC 3261 section 7.2), its
 * headers and body. Immutable; see {@link SipMessage}.
 */
public final class SipResponse extends SipMessage {
  private final int statusCode;
  private final String reasonPhrase;

  SipResponse(int statusCode, String reasonPhrase, Header[] headers, Object[] typed, byte[] body) {
    super(headers, typed, body);
    this.statusCode = statusCode;
    this.reasonPhrase = reasonPhrase;
  }

  /** A builder for a response with this status and reason and no headers yet. */
  public static Builder builder(int statusCode, String reasonPhrase) {
    return new Builder(statusCode, reasonPhrase);
  }

  /** The status code, 100 to 699. */
  public int statusCode() {
    return statusCode;
  }

  /** The reason phrase (may be empty). */
  public String reasonPhrase() {
    return reasonPhrase;
  }

  /** True for 1xx. */
  public boolean isProvisional() {
    return statusCode < 200;
  }

  /** True for 2xx. */
  public boolean isSuccess() {
    return statusCode >= 200 && statusCode < 300;
  }

  /** True for 200 to 699. */
  public boolean isFinal() {
    return statusCode >= 200;
  }

  @Override
  public String startLine() {
    return VERSION + " " + statusCode + " " + reasonPhrase;
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link SipResponse}. Not thread-safe. */
  public static final class Builder extends SipMessage.Builder<Builder> {
    private int statusCode;
    private String reasonPhrase;

    Builder(int statusCode, String reasonPhrase) {
      status(statusCode, reasonPhrase);
    }

    Builder(SipResponse r) {
      super(r);
      this.statusCode = r.statusCode;
      this.reasonPhrase = r.reasonPhrase;
    }

    /** Sets the status code and reason phrase. */
    public Builder status(int code, String reason) {
      if (code < 100 || code > 699) {
        throw new IllegalArgumentException("status code must be 100-699: " + code);
      }
      Objects.requireNonNull(reason, "reason");
      if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("reason phrase must be one line");
      }
      this.statusCode = code;
      this.reasonPhrase = reason;
      return this;
    }

    /** The response, with Content-Length set to the body size. */
    @Override
    public SipResponse build() {
      finish();
      return new SipResponse(
          statusCode, reasonPhrase, headers.toArray(new Header[0]), typed.toArray(), body);
    }
  }
}
