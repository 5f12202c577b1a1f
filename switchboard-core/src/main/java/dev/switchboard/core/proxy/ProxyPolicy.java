// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.uri.SipUri;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the proxy behaves; the {@code proxy:} section of the server config.
 *
 * @param recordRoute whether to add Record-Route to dialog-creating requests (section 16.6 item 4)
 * @param timerC how long an INVITE branch may stay without a final response (section 16.6 item 11)
 * @param forking parallel or sequential by q
 * @param trustedPeers addresses exempt from proxy authentication and the relay rule
 * @param outboundProxy where requests for other domains go, instead of RFC 3263 resolution
 * @param hosts the static host table, consulted before DNS
 * @param routes the routing table, tried after the location service
 * @param redirect where to answer 302 instead of proxying
 */
public record ProxyPolicy(
    boolean recordRoute,
    Duration timerC,
    Forking forking,
    TrustedPeers trustedPeers,
    Optional<SipUri> outboundProxy,
    StaticHosts hosts,
    RoutingTable routes,
    RedirectPolicy redirect) {

  /** Timer C's default: "MUST be set for a value greater than 3 minutes" (section 16.6 item 11). */
  public static final Duration DEFAULT_TIMER_C = Duration.ofMinutes(3);

  /** Record-Route on, Timer C 3 minutes, parallel forking, nobody trusted, no tables. */
  public static final ProxyPolicy DEFAULT =
      new ProxyPolicy(
          true, DEFAULT_TIMER_C, Forking.PARALLEL, TrustedPeers.NONE, Optional.empty(), StaticHosts.NONE,
          RoutingTable.EMPTY, RedirectPolicy.NONE);

  public ProxyPolicy {
    Objects.requireNonNull(timerC, "timerC");
    Objects.requireNonNull(forking, "forking");
    Objects.requireNonNull(trustedPeers, "trustedPeers");
    Objects.requireNonNull(outboundProxy, "outboundProxy");
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(redirect, "redirect");
    if (timerC.isNegative() || timerC.isZero()) {
      throw new IllegalArgumentException("timer C must be positive: " + timerC);
    }
  }
}
