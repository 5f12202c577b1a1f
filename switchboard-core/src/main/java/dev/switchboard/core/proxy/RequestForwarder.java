// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Request forwarding, RFC 3261 section 16.6, items 1 to 8, for one target. Item 9 (add
 * Content-Length) is the builder's, items 10 and 11 (send, Timer C) are {@link ResponseContext}'s.
 *
 * <p>Stateless and thread-safe.
 */
public final class RequestForwarder {
  /** Requests that create a dialog this proxy may want to stay on (section 16.6 item 4). */
  private static final Set<Method> DIALOG_CREATING =
      Set.of(Method.INVITE, Method.SUBSCRIBE, Method.REFER, Method.NOTIFY);

  private final LocalAddresses local;
  private final boolean recordRoute;

  public RequestForwarder(LocalAddresses local, boolean recordRoute) {
    this.local = local;
    this.recordRoute = recordRoute;
  }

  /**
   * A request ready for its Via, and where it goes.
   *
   * @param request the copy for the target, without this proxy's Via yet
   * @param flow the binding's flow: the hop, when there is one
   * @param nextHop otherwise the URI whose server the request goes to (section 16.6 item 7)
   * @param recordRouted the transport named by the Record-Route this proxy added, if it added one
   */
  public record Outgoing(SipRequest request, Optional<Hop> flow, SipUri nextHop, Optional<Transport> recordRouted) {}

  /**
   * Items 1 to 7 for {@code target}.
   *
   * @param processed the request after validation, route processing and authentication
   * @param arrivedOver the transport the request came in by, which the Record-Route names
   */
  public Outgoing prepare(SipRequest processed, Target target, Transport arrivedOver) {
    // Item 1: a copy. Item 2: the Request-URI.
    SipRequest.Builder b = processed.toBuilder().requestUri(target.requestUri());
    // Item 3: "If the copy does not contain a Max-Forwards header field, the proxy MUST add one
    // with a field value, which SHOULD be 70."
    MaxForwards mf = processed.first(HeaderName.MAX_FORWARDS).map(MaxForwards::decrement).orElse(MaxForwards.DEFAULT);
    b.set(HeaderName.MAX_FORWARDS, mf);
    // Item 4: Record-Route, on requests that may create a dialog (an in-dialog request carries
    // the route set already).
    boolean inDialog = processed.to().flatMap(Address::tag).isPresent();
    Optional<Transport> recordRouted = Optional.empty();
    if (recordRoute && !inDialog && DIALOG_CREATING.contains(processed.method())) {
      b.prepend(HeaderName.RECORD_ROUTE, local.recordRoute(arrivedOver));
      recordRouted = Optional.of(arrivedOver);
    }
    // Item 6 with RFC 3327 section 5.3: the Path of the binding becomes the first Routes.
    List<Address> routes = new ArrayList<>(target.path());
    routes.addAll(processed.all(HeaderName.ROUTE));
    if (!target.path().isEmpty()) {
      b.remove(HeaderName.ROUTE);
      for (Address a : routes) {
        b.add(HeaderName.ROUTE, a);
      }
    }
    SipRequest out = b.build();
    // Item 7: the next hop is the first Route (a loose router, section 16.12), else the flow the
    // contact registered over, else the outbound proxy, else the Request-URI.
    if (!routes.isEmpty() && routes.get(0).uri() instanceof SipUri first) {
      return new Outgoing(out, Optional.empty(), first, recordRouted);
    }
    if (target.flow().isPresent()) {
      return new Outgoing(out, target.flow(), target.requestUri(), recordRouted);
    }
    return new Outgoing(out, Optional.empty(), target.outboundProxy().orElse(target.requestUri()), recordRouted);
  }

  /** Item 8: this proxy's Via on top, for the transport actually used. */
  public SipRequest withVia(SipRequest request, Transport transport, String branch) {
    return request.toBuilder().prepend(HeaderName.VIA, local.via(transport, branch)).build();
  }

  /**
   * Item 8 for a branch about to be sent over {@code transport}. When this proxy record-routed the
   * request with another transport (the caller came over UDP, the callee is reached over TCP),
   * it adds a second Record-Route for the callee's side (RFC 5658 section 4, double
   * record-routing), so each party reaches it over its own transport.
   */
  public SipRequest finish(Outgoing out, Transport transport, String branch) {
    SipRequest.Builder b = out.request().toBuilder();
    if (out.recordRouted().filter(t -> t != transport).isPresent()) {
      b.prepend(HeaderName.RECORD_ROUTE, local.recordRoute(transport));
    }
    return b.prepend(HeaderName.VIA, local.via(transport, branch)).build();
  }
}
