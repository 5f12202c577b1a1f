// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transaction.TransactionLayer;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.ResponseRouter;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this proxy forwards without a transaction, RFC 3261 section 16.11: the ACK for a 2xx
 * (its own transaction-less request, section 13.2.2.4) along its route set, and a response that
 * matches no client transaction — a late 2xx retransmission, typically — along its Vias.
 *
 * <p>Thread-safe.
 */
public final class StatelessRelay {
  private static final Logger log = LoggerFactory.getLogger(StatelessRelay.class);

  private final Supplier<TransactionLayer> layer;
  private final LocalAddresses local;
  private final RouteProcessor routes;
  private final HopResolver resolver;
  private final RequestForwarder forwarder;
  private final LongAdder dropped = new LongAdder();

  public StatelessRelay(
      Supplier<TransactionLayer> layer,
      LocalAddresses local,
      RouteProcessor routes,
      HopResolver resolver,
      RequestForwarder forwarder) {
    this.layer = layer;
    this.local = local;
    this.routes = routes;
    this.resolver = resolver;
    this.forwarder = forwarder;
  }

  /** Messages dropped: ACKs for this proxy itself or out of hops, responses with nowhere to go. */
  public long droppedCount() {
    return dropped.sum();
  }

  /**
   * Forwards an ACK that matched no server transaction (section 16.11 with 16.12): Route
   * processing, then to the first Route or the Request-URI, with Max-Forwards decremented and a
   * Via of ours. An ACK for this proxy itself, or with Max-Forwards 0, is dropped: an ACK is never
   * answered.
   */
  public void ack(Inbound inbound) {
    SipRequest ack = (SipRequest) inbound.message();
    if (ack.validate(List.of(HeaderName.ROUTE, HeaderName.MAX_FORWARDS, HeaderName.VIA)).isPresent()
        || ack.first(HeaderName.MAX_FORWARDS).map(m -> m.hops() == 0).orElse(false)) {
      dropped.increment();
      return;
    }
    SipRequest processed = routes.process(ack).request();
    List<dev.switchboard.message.header.Address> route = processed.all(HeaderName.ROUTE);
    SipUri next;
    if (!route.isEmpty() && route.get(0).uri() instanceof SipUri r) {
      next = r;
    } else if (processed.requestUri() instanceof SipUri ruri && !local.isMe(ruri)) {
      next = ruri;
    } else {
      dropped.increment();
      return;
    }
    SipRequest out =
        processed.toBuilder()
            .set(HeaderName.MAX_FORWARDS, processed.first(HeaderName.MAX_FORWARDS).map(MaxForwards::decrement)
                .orElse(MaxForwards.DEFAULT))
            .build();
    // Section 16.11: the branch of a stateless forward is derived from the incoming one, so a
    // retransmitted ACK takes the same branch.
    String branch = Via.MAGIC_COOKIE + "a" + Integer.toHexString(ack.topVia().orElseThrow().toString().hashCode())
        + Integer.toHexString(ack.requestUri().toString().hashCode());
    resolver.resolve(next).whenComplete((hop, error) -> {
      if (error != null) {
        dropped.increment();
        return;
      }
      layer.get().sendStateless(forwarder.withVia(out, hop.transport(), branch), hop.transport(), hop.address());
    });
  }

  /**
   * Forwards a response that matched no client transaction (section 16.11, and 16.7 item 4 for a
   * stray 2xx): when its top Via is this proxy's, that Via is removed and the response goes where
   * the next Via says (section 18.2.2). Anything else is dropped.
   */
  public void response(Inbound inbound) {
    SipResponse response = (SipResponse) inbound.message();
    List<Via> vias = response.parse(HeaderName.VIA).isParsed() ? response.all(HeaderName.VIA) : List.of();
    if (vias.size() < 2 || !local.isMe(vias.get(0))) {
      dropped.increment();
      return;
    }
    Via next = vias.get(1);
    Transport transport = Transport.of(next.transport()).orElse(Transport.UDP);
    InetSocketAddress dest = ResponseRouter.destination(next, transport);
    if (dest.isUnresolved()) {
      log.debug("stray response for unresolved {} dropped", dest);
      dropped.increment();
      return;
    }
    SipResponse out = response.toBuilder().removeFirst(HeaderName.VIA).build();
    layer.get().sendStateless(out, transport, dest);
  }
}
