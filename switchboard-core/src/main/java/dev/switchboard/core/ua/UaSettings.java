// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transaction.TimerConfig;
import dev.switchboard.transport.ListenPoint;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user agent's configuration, as {@link UserAgent.Builder} collects it. Immutable.
 *
 * @param user the user part of the address of record
 * @param domain the domain of the address of record, also the registrar's Request-URI host
 * @param authUser the digest user name, usually {@code user}
 * @param password the digest password; empty for a user agent that never authenticates
 * @param displayName the display name in From, if any
 * @param listen where to listen; at least one point
 * @param outboundProxy where requests outside a dialog go (section 8.1.2), if not straight to
 *     their Request-URI
 * @param registrar the registrar's URI; defaults to the outbound proxy, else {@code sip:domain}
 * @param timerConfig T1, T2 and T4
 * @param product the User-Agent header value
 * @param advertisedHost the host to put in Via and Contact when listening on a wildcard address
 * @param registerExpires the registration lifetime to ask for
 * @param followRedirects whether a 3xx to our INVITE, MESSAGE or OPTIONS is followed to its
 *     Contacts (section 8.1.3.4) rather than reported
 */
public record UaSettings(
    String user,
    String domain,
    String authUser,
    Optional<String> password,
    Optional<String> displayName,
    List<ListenPoint> listen,
    Optional<SipUri> outboundProxy,
    Optional<SipUri> registrar,
    TimerConfig timerConfig,
    String product,
    Optional<String> advertisedHost,
    Duration registerExpires,
    boolean followRedirects) {
  public UaSettings {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(authUser, "authUser");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(displayName, "displayName");
    listen = List.copyOf(listen);
    if (listen.isEmpty()) {
      throw new IllegalArgumentException("a user agent listens on at least one address");
    }
    Objects.requireNonNull(outboundProxy, "outboundProxy");
    Objects.requireNonNull(registrar, "registrar");
    Objects.requireNonNull(timerConfig, "timerConfig");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
    Objects.requireNonNull(registerExpires, "registerExpires");
    if (registerExpires.toSeconds() < 1) {
      throw new IllegalArgumentException("registerExpires must be at least 1 s: " + registerExpires);
    }
  }
}
