// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Builds the Netty TLS contexts, on the JDK provider, TLS 1.2 and 1.3 only (RFC 3261 section
 * 26.3.1 asks for TLS; older versions are broken).
 *
 * <p>Stateless.
 */
final class TlsContexts {
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private TlsContexts() {}

  /** The listener side, presenting {@code material}. Clients are not asked for a certificate. */
  static SslContext server(TlsMaterial material) throws SSLException {
    return SslContextBuilder.forServer(material.privateKey(), material.chain())
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOLS)
        .build();
  }

  /**
   * The connecting side: trusts {@code trusted} when given, else the JDK's default trust store.
   * Host name checking is off: the transport connects to an address, not a SIP domain, so the
   * RFC 5922 identity check belongs to the layer that knows the domain.
   */
  static SslContext client(List<X509Certificate> trusted) throws SSLException {
    SslContextBuilder b =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOLS)
            .endpointIdentificationAlgorithm(null);
    if (!trusted.isEmpty()) {
      b.trustManager(trusted);
    }
    return b.build();
  }
}
