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
import dev.switchboard.core.registrar.Registrar;
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
 * The server's transaction user: what it does with each request. It answers OPTIONS with its
 * capabilities (section 11.2) — whatever the Request-URI and even with Max-Forwards 0, as the
 * source notes describe the traceroute-like use and section 16.3 item 3 allows — hands REGISTER to
 * the {@link Registrar} and rejects everything else by the checks of section 8.2.
 *
 * <p>Thread-safe: it keeps no per-request state; callbacks run on transaction stripes.
 */
final class ServerCore implements TransactionUser {
  private static final Logger log = LoggerFactory.getLogger(ServerCore.class);

  private final ServerIdentity identity;
  private final RequestChecks checks;
  private final Supplier<TransactionLayer> layer;
  private final Registrar registrar;
  private final LongAdder strayResponses = new LongAdder();

  /**
   * @param layer the transaction layer this core sits on, for stateless answers; asked only once
   *     requests arrive, so it may be set after this core is made
   */
  ServerCore(ServerIdentity identity, Supplier<TransactionLayer> layer, Registrar registrar) {
    this.identity = identity;
    this.checks = new RequestChecks(java.util.Set.copyOf(identity.allow()), identity);
    this.layer = layer;
    this.registrar = registrar;
  }

  /**
   * OPTIONS is answered as a stateless UAS (section 8.2.7), as Kamailio's {@code sl_send_reply}
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
    return request.method().equals(Method.OPTIONS);
  }

  @Override
  public void onStatelessRequest(Inbound request) {
    layer.get().respondStateless(answer((SipRequest) request.message(), request), request);
  }

  @Override
  public void onRequest(ServerTransaction transaction, SipRequest request) {
    transaction.respond(answer(request, transaction.inbound()));
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
    // Section 9.2: the CANCEL matched a transaction, so it gets 200 even though the INVITE was
    // already answered (this server answers every INVITE at once).
    cancel.respond(finalResponse(cancel.request(), cancel.request().reply(200)));
  }

  @Override
  public void onAck(Inbound ack) {
    // An ACK for a 2xx: this server sends no 2xx to INVITE yet, so there is nothing to do.
  }

  @Override
  public void onStrayResponse(Inbound response) {
    strayResponses.increment();
  }

  @Override
  public void onFailure(ServerTransaction transaction, Failure failure) {
    log.debug("transaction for {} failed: {}", transaction.request().startLine(), failure);
  }

  /** Responses this server dropped because they matched no transaction. */
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
