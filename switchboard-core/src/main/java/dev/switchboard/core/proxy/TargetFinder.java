// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.uri.SipUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Determining request targets, RFC 3261 section 16.5, in this order:
 *
 * <ol>
 *   <li>A request that still has a Route goes to its Request-URI, and so does one in a dialog (To
 *       tag) that came by this proxy's Route or is for another domain: the route set decides
 *       (section 16.12). The Request-URI is then the remote target, a contact, not an AOR.
 *   <li>A served domain: the location service's bindings, highest q first; in the redirect role
 *       they come back as Contacts of a 302.
 *   <li>The routing table, for any domain.
 *   <li>A served domain without either: 480 for a known user, 404 for an unknown one.
 *   <li>Another domain: the Request-URI itself ("the Request-URI MUST be placed into the target
 *       set as the only target URI"), sent to the outbound proxy when one is configured.
 * </ol>
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class TargetFinder {
  private final ServedDomains domains;
  private final LocationService location;
  private final KnownUsers users;
  private final RoutingTable routes;
  private final RedirectPolicy redirect;
  private final Optional<SipUri> outboundProxy;

  /**
   * @param outboundProxy where requests for other domains go, instead of their Request-URI's host
   */
  public TargetFinder(
      ServedDomains domains,
      LocationService location,
      KnownUsers users,
      RoutingTable routes,
      RedirectPolicy redirect,
      Optional<SipUri> outboundProxy) {
    this.outboundProxy = outboundProxy;
    this.domains = domains;
    this.location = location;
    this.users = users;
    this.routes = routes;
    this.redirect = redirect;
  }

  /**
   * The targets for {@code request}, after route processing.
   *
   * @param routedHere route processing removed a Route naming this proxy
   */
  public Targets find(SipRequest request, boolean routedHere) {
    if (!(request.requestUri() instanceof SipUri ruri)) {
      return new Targets.Reject(404, "No route for " + request.requestUri().scheme() + " URIs");
    }
    Optional<String> domain = domains.find(ruri.host());
    boolean inDialog = request.to().flatMap(Address::tag).isPresent();
    if (request.has(HeaderName.ROUTE) || (inDialog && (routedHere || domain.isEmpty()))) {
      return new Targets.Forward(List.of(Target.of(ruri)), true);
    }
    boolean redirects = domain.map(redirect::redirects).orElse(redirect.all());
    if (domain.isPresent() && ruri.user() != null) {
      String aor = "sip:" + ruri.user() + "@" + domain.get();
      List<Target> targets = new ArrayList<>();
      List<Address> contacts = new ArrayList<>();
      for (Binding b : location.lookup(aor)) {
        Target.of(b).ifPresent(targets::add);
        contacts.add(contactOf(b));
      }
      if (!targets.isEmpty()) {
        return redirects ? new Targets.Redirect(contacts) : new Targets.Forward(targets, false);
      }
    }
    Optional<RouteRule> rule = routes.match(ruri);
    if (rule.isPresent()) {
      SipUri next = rule.get().apply(ruri);
      return redirects
          ? new Targets.Redirect(List.of(Address.of(next)))
          : new Targets.Forward(List.of(Target.of(next)), true);
    }
    if (domain.isPresent()) {
      if (ruri.user() != null && users.exists(ruri.user(), domain.get())) {
        return new Targets.Reject(480, "Temporarily Unavailable");
      }
      return new Targets.Reject(404, "Not Found");
    }
    return new Targets.Forward(List.of(Target.through(ruri, outboundProxy)), true);
  }

  private static Address contactOf(Binding b) {
    Address a = Address.of(dev.switchboard.message.uri.Uri.parse(b.contact()).value());
    return b.q() == Binding.DEFAULT_Q ? a : a.withParameter("q", Double.toString(b.q()));
  }
}
