// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.config;

import dev.switchboard.core.auth.AuthPolicy;
import dev.switchboard.core.proxy.ProxyPolicy;
import dev.switchboard.core.registrar.RegistrarPolicy;
import dev.switchboard.transport.ListenPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server is configured with, validated. Built from defaults, then the YAML file
 * ({@code --config}), then command-line flags, each overriding the one before.
 *
 * @param listen where to listen; never empty
 * @param dataDir the data folder (TLS material, later the location store)
 * @param tlsCertificate PEM certificate chain for TLS listeners; empty: self-signed in dataDir
 * @param tlsKey PEM private key for TLS listeners; present exactly when tlsCertificate is
 * @param idleTimeout how long an unused TCP/TLS connection stays open
 * @param maxConnections cap on open TCP/TLS connections
 * @param maxMessageSize cap on one message in octets; larger ones get 513
 * @param t1 RTT estimate, RFC 3261 timer T1
 * @param t2 maximum retransmit interval for non-INVITE requests and INVITE responses, T2
 * @param t4 maximum duration a message remains in the network, T4
 * @param shutdownGrace how long open transactions may take to finish on SIGTERM
 * @param domains the domains served (registrar and proxy); empty: localhost, reached by the host's
 *     names and addresses
 * @param registrar the registrar's expiry limits and third-party rule
 * @param auth digest challenge and lockout settings
 * @param proxy the proxy's routing, forking, Timer C and trust settings
 */
public record ServerConfig(
    List<ListenPoint> listen,
    Path dataDir,
    Optional<Path> tlsCertificate,
    Optional<Path> tlsKey,
    Duration idleTimeout,
    int maxConnections,
    int maxMessageSize,
    Duration t1,
    Duration t2,
    Duration t4,
    Duration shutdownGrace,
    List<String> domains,
    RegistrarPolicy registrar,
    AuthPolicy auth,
    ProxyPolicy proxy) {

  public ServerConfig {
    listen = List.copyOf(listen);
    domains = List.copyOf(domains);
    Objects.requireNonNull(registrar, "registrar");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tlsCertificate, "tlsCertificate");
    Objects.requireNonNull(tlsKey, "tlsKey");
    if (listen.isEmpty()) {
      throw new IllegalArgumentException("at least one listen address is needed");
    }
    if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException("tls certificate and key go together: give both or neither");
    }
  }
}
