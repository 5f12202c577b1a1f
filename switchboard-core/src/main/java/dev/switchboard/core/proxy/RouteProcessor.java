// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.uri.SipUri;
import java.util.List;

/**
 * Routing information processing, RFC 3261 section 16.4.
 *
 * <ul>
 *   <li>Strict-router compatibility: a Request-URI that is a URI this proxy put into Record-Route
 *       (it names this proxy and has no user part) was written there by a strict router upstream;
 *       the last Route value is the real Request-URI and is moved back.
 *   <li>A top Route naming this proxy (host and port) is removed: it only brought the request here;
 *       so is a second one, which double record-routing (RFC 5658) leaves.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class RouteProcessor {
  private final LocalAddresses local;

  public RouteProcessor(LocalAddresses local) {
    this.local = local;
  }

  /**
   * What processing made of a request.
   *
   * @param request the request with this proxy's Route removed and the Request-URI restored
   * @param routedHere true when a Route naming this proxy was removed: it is on the route set of a
   *     dialog this proxy record-routed, or was preloaded towards it
   */
  public record Processed(SipRequest request, boolean routedHere) {}

  /** Processes {@code request} as received. */
  public Processed process(SipRequest request) {
    SipRequest r = request;
    boolean routedHere = false;
    List<Address> routes = r.all(HeaderName.ROUTE);
    if (r.requestUri() instanceof SipUri ruri && ruri.user() == null && local.isMe(ruri) && !routes.isEmpty()) {
      // "the proxy MUST replace the Request-URI in the request with the last value from the Route
      // header field, and remove that value from the Route header field."
      Address last = routes.get(routes.size() - 1);
      SipRequest.Builder b = r.toBuilder().requestUri(last.uri()).remove(HeaderName.ROUTE);
      for (Address a : routes.subList(0, routes.size() - 1)) {
        b.add(HeaderName.ROUTE, a);
      }
      r = b.build();
      routedHere = true;
    }
    // "If the first value in the Route header field indicates this proxy, the proxy MUST remove
    // that value from the request." With double record-routing (RFC 5658) the next one names it
    // too, for its other transport, and goes as well.
    List<Address> now = r.all(HeaderName.ROUTE);
    int mine = 0;
    while (mine < now.size() && now.get(mine).uri() instanceof SipUri top && local.isMe(top)) {
      mine++;
    }
    if (mine > 0) {
      SipRequest.Builder b = r.toBuilder();
      for (int i = 0; i < mine; i++) {
        b.removeFirst(HeaderName.ROUTE);
      }
      r = b.build();
      routedHere = true;
    }
    return new Processed(r, routedHere);
  }
}
