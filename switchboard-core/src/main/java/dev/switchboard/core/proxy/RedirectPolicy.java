// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the server acts as a redirect server (RFC 3261 section 8.3) instead of proxying: for
 * every served domain, for some, or for none. A redirected request is answered 302 with its
 * targets as Contacts.
 *
 * @param all every domain is redirected
 * @param domains the domains redirected when not {@code all}, in lower case
 */
public record RedirectPolicy(boolean all, Set<String> domains) {
  /** Proxy everything. */
  public static final RedirectPolicy NONE = new RedirectPolicy(false, Set.of());
  /** Redirect everything. */
  public static final RedirectPolicy ALL = new RedirectPolicy(true, Set.of());

  public RedirectPolicy {
    domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** Redirect for the domains listed. */
  public static RedirectPolicy forDomains(List<String> domains) {
    return domains.isEmpty() ? NONE : new RedirectPolicy(false, Set.copyOf(domains));
  }

  /** True when requests for served {@code domain} are redirected. */
  public boolean redirects(String domain) {
    return all || domains.contains(domain.toLowerCase(Locale.ROOT));
  }
}
