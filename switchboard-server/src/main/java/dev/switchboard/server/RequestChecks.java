// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MediaType;
import dev.switchboard.message.header.Token;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.TelUri;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a UAS makes before it acts on a request (RFC 3261 section 8.2), in the RFC's order,
 * each answering with its own status: malformed headers it relies on (400), method (405 or 501, with Allow),
 * Request-URI scheme (416), Require (420 with Unsupported), body type and encoding (415 with
 * Accept / Accept-Encoding).
 *
 * <p>Stateless and thread-safe.
 */
public final class RequestChecks {
  private final Set<Method> allowed;
  private final ServerIdentity identity;

  /** Checks for a server that handles {@code allowed} methods. */
  public RequestChecks(Set<Method> allowed, ServerIdentity identity) {
    this.allowed = Set.copyOf(allowed);
    this.identity = identity;
  }

  /** The rejection for {@code request}, or empty when it may be processed. */
  public Optional<SipResponse> rejection(SipRequest request) {
    // Missing or repeated mandatory headers were answered by the transport already.
    // Faults in headers the checks below read: a 400 naming them.
    Optional<ParseResult.Malformed<?>> fault =
        request.validate(
            List.of(
                HeaderName.REQUIRE,
                HeaderName.CONTENT_TYPE,
                HeaderName.CONTENT_ENCODING,
                HeaderName.CONTACT,
                HeaderName.ROUTE,
                HeaderName.RECORD_ROUTE,
                HeaderName.EXPIRES,
                HeaderName.PATH,
                HeaderName.SUPPORTED));
    if (fault.isPresent()) {
      return Optional.of(request.reply(400, fault.get().reason()).build());
    }
    // Section 8.2.1: a method recognised but not supported gets 405; one not recognised, 501.
    if (!allowed.contains(request.method())) {
      int code = request.method().isStandard() ? 405 : 501;
      return Optional.of(identity.withAllow(request.reply(code)).build());
    }
    // Section 8.2.2.1.
    if (!(request.requestUri() instanceof SipUri) && !(request.requestUri() instanceof TelUri)) {
      return Optional.of(
          request.reply(416, "Unsupported URI Scheme: " + request.requestUri().scheme()).build());
    }
    // Section 8.2.2.3: a required extension this server does not support gets 420, listed.
    List<Token> unsupported =
        request.all(HeaderName.REQUIRE).stream()
            .filter(t -> identity.supported().stream().noneMatch(t.value()::equalsIgnoreCase))
            .toList();
    if (!unsupported.isEmpty() && request.method() != Method.CANCEL && request.method() != Method.ACK) {
      SipResponse.Builder b = request.reply(420);
      for (Token t : unsupported) {
        b.add(HeaderName.UNSUPPORTED, Token.of(t.value()));
      }
      return Optional.of(b.build());
    }
    // Section 8.2.3: this server reads only SDP bodies, unencoded.
    if (request.bodyLength() > 0) {
      Optional<MediaType> type = request.contentType();
      if (type.isPresent() && !MediaType.SDP.includes(type.get())) {
        return Optional.of(identity.withAccept(request.reply(415)).build());
      }
      boolean encoded =
          request.all(HeaderName.CONTENT_ENCODING).stream()
              .anyMatch(e -> !e.value().equalsIgnoreCase("identity"));
      if (encoded) {
        return Optional.of(request.reply(415).add(HeaderName.ACCEPT_ENCODING, Token.of("identity")).build());
      }
    }
    return Optional.empty();
  }
}
