// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.transaction.Failure;
import dev.switchboard.transaction.ServerTransaction;
import dev.switchboard.transaction.TransactionUser;
import dev.switchboard.core.proxy.Proxy;
import dev.switchboard.core.registrar.Registrar;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.Flow;
import dev.switchboard.transport.Inbound;
import java.net.InetSocketAddress;
import dev.switchboard.transaction.TransactionLayer;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's transaction user: what it does with each request. It answers OPTIONS addressed to
 * the server itself (no user part) or with Max-Forwards 0 with its capabilities (section 11.2,
 * section 16.3 item 3: the traceroute-like use), hands REGISTER to the {@link Registrar} after
 * the checks of section 8.2, and gives everything else — calls, in-dialog requests, CANCEL, the
 * ACK for a 2xx, stray responses — to the stateful {@link Proxy}.
 *
 * <p>Thread-safe: it keeps no per-request state; callbacks run on transaction stripes.
 */
final class ServerCore implements TransactionUser {
  private static final Logger log = LoggerFactory.getLogger(ServerCore.class);

  private final ServerIdentity identity;
  private final RequestChecks checks;
  private final Supplier<TransactionLayer> layer;
  private final Registrar registrar;
  private final Supplier<Proxy> proxy;
  private final LongAdder strayResponses = new LongAdder();

  /**
   * @param layer the transaction layer this core sits on, for stateless answers; asked only once
   *     requests arrive, so it may be set after this core is made
   * @param proxy the proxy; null until the transport has started (it needs the real ports)
   */
  ServerCore(ServerIdentity identity, Supplier<TransactionLayer> layer, Registrar registrar, Supplier<Proxy> proxy) {
    this.identity = identity;
    this.checks = new RequestChecks(java.util.Set.copyOf(identity.allow()), identity);
    this.layer = layer;
    this.registrar = registrar;
    this.proxy = proxy;
  }

  /**
   * An OPTIONS for the server itself is answered as a stateless UAS (section 8.2.7), as Kamailio's {@code sl_send_reply}
   * does: it changes nothing, so a retransmission is just answered again, and no transaction has
   * to be kept for 64*T1.
   *
   * <p>REGISTER challenges are not answered statelessly, though the RFC names them as a use of
   * stateless UAS: each 401 carries a new nonce, so a retransmitted REGISTER would get a second,
   * different 401, which a client without a full transaction layer (SIPp) takes for an
   * unexpected message. The transaction resends the identical 401 instead.
   */
  @Override
  public boolean answersStatelessly(SipRequest request) {
    return request.method().equals(Method.OPTIONS) && forServer(request);
  }

  /**
   * An OPTIONS for the server itself: no user in the Request-URI, or Max-Forwards 0 (section 16.3
   * item 3: "the element MAY act as a UAS and respond to the OPTIONS request"). An OPTIONS for a
   * user is proxied like any request.
   */
  private static boolean forServer(SipRequest request) {
    boolean lastHop = request.first(HeaderName.MAX_FORWARDS).map(mf -> mf.hops() == 0).orElse(false);
    return lastHop || !(request.requestUri() instanceof SipUri uri) || uri.user() == null;
  }

  @Override
  public void onStatelessRequest(Inbound request) {
    layer.get().respondStateless(answer((SipRequest) request.message(), request), request);
  }

  @Override
  public void onRequest(ServerTransaction transaction, SipRequest request) {
    Method m = request.method();
    boolean local = m.equals(Method.REGISTER) || m.equals(Method.CANCEL) || (m.equals(Method.OPTIONS) && forServer(request));
    Proxy p = proxy.get();
    if (local || p == null) {
      transaction.respond(p == null && !local ? finalResponse(request, request.reply(503)) : answer(request, transaction.inbound()));
      return;
    }
    p.onRequest(transaction, request);
  }

  private SipResponse answer(SipRequest request, Inbound inbound) {
    if (request.method().equals(Method.CANCEL)) {
      // Section 9.2: a CANCEL that matches no transaction.
      return finalResponse(request, request.reply(481));
    }
    Optional<SipResponse> rejection = checks.rejection(request);
    if (rejection.isPresent()) {
      return finalResponse(request, rejection.get().toBuilder());
    }
    if (request.method().equals(Method.REGISTER)) {
      Flow flow = inbound.flow();
      return finalResponse(
          request,
          registrar.register(request, bindingFlow(flow), flow.remote().getAddress().getHostAddress()));
    }
    return finalResponse(request, identity.withCapabilities(request.reply(200)));
  }

  @Override
  public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
    Proxy p = proxy.get();
    if (p != null) {
      // Section 16.10: 200 to the CANCEL, then the INVITE's branches are cancelled.
      p.onCancel(cancel, invite);
      return;
    }
    cancel.respond(finalResponse(cancel.request(), cancel.request().reply(200)));
  }

  @Override
  public void onAck(Inbound ack) {
    // The ACK for a 2xx the proxy relayed: it follows the dialog's route (section 16.11).
    Proxy p = proxy.get();
    if (p != null) {
      p.onAck(ack);
    }
  }

  @Override
  public void onStrayResponse(Inbound response) {
    strayResponses.increment();
    Proxy p = proxy.get();
    if (p != null) {
      p.onStrayResponse(response);
    }
  }

  @Override
  public void onFailure(ServerTransaction transaction, Failure failure) {
    log.debug("transaction for {} failed: {}", transaction.request().startLine(), failure);
    Proxy p = proxy.get();
    if (p != null) {
      p.onFailure(transaction);
    }
  }

  /** Responses that matched no transaction (the proxy forwards those with its Via on top). */
  long strayResponses() {
    return strayResponses.sum();
  }

  /** The flow a binding records: what the proxy needs to reach the contact the same way. */
  private static dev.switchboard.core.location.Flow bindingFlow(Flow flow) {
    return new dev.switchboard.core.location.Flow(
        flow.transport().name(), address(flow.remote()), address(flow.local()));
  }

  private static String address(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  /** Adds a To tag to a final response without one (section 8.2.6.2) and the Server header. */
  private SipResponse finalResponse(SipRequest request, SipResponse.Builder b) {
    request.to()
        .filter(to -> to.tag().isEmpty())
        .ifPresent(to -> b.set(HeaderName.TO, to.withTag(tagFor(request))));
    return identity.withServer(b).build();
  }

  /**
   * The To tag of a response that creates no dialog, derived from the request (Call-ID, From tag,
   * top Via branch), so that a stateless answer to a retransmission carries the same tag as the
   * first answer: "the To tag MUST be generated statelessly" (section 8.2.7).
   */
  static String tagFor(SipRequest request) {
    long h = 0xcbf29ce484222325L; // FNV-1a, 64 bit
    String key =
        request.callId().map(Object::toString).orElse("")
            + '\n' + request.from().flatMap(Address::tag).orElse("")
            + '\n' + request.topVia().flatMap(v -> v.branch()).orElse("");
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001b3L;
    }
    return Long.toHexString(h);
  }
}
