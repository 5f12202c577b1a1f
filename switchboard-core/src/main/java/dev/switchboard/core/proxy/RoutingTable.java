// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.uri.SipUri;
import java.util.List;
import java.util.Optional;

/**
 * The declarative routing table: {@link RouteRule}s tried in order after the location service;
 * the first that matches decides. Immutable and thread-safe.
 *
 * @param rules the rules, in the order they are tried
 */
public record RoutingTable(List<RouteRule> rules) {
  /** No rules. */
  public static final RoutingTable EMPTY = new RoutingTable(List.of());

  public RoutingTable {
    rules = List.copyOf(rules);
  }

  /** The first rule matching {@code requestUri}. */
  public Optional<RouteRule> match(SipUri requestUri) {
    return rules.stream().filter(r -> r.matches(requestUri)).findFirst();
  }
}
