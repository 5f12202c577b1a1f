// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.Token;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.TelUri;
import java.util.List;
import java.util.Optional;

/**
 * Request validation, RFC 3261 section 16.3, in the RFC's order: reasonable syntax (400), URI
 * scheme (416), Max-Forwards (483), loop detection (482) and Proxy-Require (420). Item 6,
 * Proxy-Authorization, is {@link ProxyAuthorizer}'s. An OPTIONS with Max-Forwards 0 never gets
 * here: the server answers it itself (item 3).
 *
 * <p>Stateless and thread-safe.
 */
public final class RequestValidator {
  private static final List<HeaderName<?>> ROUTING_HEADERS =
      List.of(
          HeaderName.VIA, HeaderName.MAX_FORWARDS, HeaderName.ROUTE, HeaderName.RECORD_ROUTE,
          HeaderName.PROXY_REQUIRE);

  private final LoopDetector loops;

  public RequestValidator(LoopDetector loops) {
    this.loops = loops;
  }

  /**
   * The rejection for {@code request}, or empty when it may be proxied.
   *
   * @param hash the request's loop hash ({@link LoopDetector#hash})
   */
  public Optional<SipResponse.Builder> rejection(SipRequest request, String hash) {
    // Item 1: the fields the proxy reads must parse.
    Optional<ParseResult.Malformed<?>> fault = request.validate(ROUTING_HEADERS);
    if (fault.isPresent()) {
      return Optional.of(request.reply(400, fault.get().reason()));
    }
    // Item 2: a scheme the proxy does not understand.
    if (!(request.requestUri() instanceof SipUri) && !(request.requestUri() instanceof TelUri)) {
      return Optional.of(request.reply(416, "Unsupported URI Scheme: " + request.requestUri().scheme()));
    }
    // Item 3: "If the request does not contain a Max-Forwards header field, this check is passed."
    Optional<MaxForwards> mf = request.first(HeaderName.MAX_FORWARDS);
    if (mf.isPresent() && mf.get().hops() == 0) {
      return Optional.of(request.reply(483));
    }
    // Item 4: a Via of ours whose branch carries this very hash: nothing changed since, a loop.
    if (loops.isLoop(request, hash)) {
      return Optional.of(request.reply(482));
    }
    // Item 5: this proxy supports no extension that would need Proxy-Require.
    List<Token> required = request.all(HeaderName.PROXY_REQUIRE);
    if (!required.isEmpty()) {
      SipResponse.Builder b = request.reply(420);
      for (Token t : required) {
        b.add(HeaderName.UNSUPPORTED, Token.of(t.value()));
      }
      return Optional.of(b);
    }
    return Optional.empty();
  }
}
