// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transport.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Where a request goes next: a transport and a resolved address.
 *
 * <p>Resolution is the part of RFC 3263 a user agent without DNS SRV needs: the URI's {@code
 * transport} parameter (else TLS for {@code sips}, else UDP), its {@code maddr} or host, and its
 * port or the transport's default. An IP literal resolves at once; a host name is looked up
 * through the JDK resolver on the executor given, never on the calling thread.
 *
 * @param transport the transport to send over
 * @param address the resolved address
 */
public record NextHop(Transport transport, InetSocketAddress address) {
  public NextHop {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("next hop must be resolved: " + address);
    }
  }

  /** The transport a URI asks for: its transport parameter, else TLS for sips, else UDP. */
  public static Transport transportOf(SipUri uri) {
    Optional<Transport> t = uri.transportParam().flatMap(p -> Transport.of(p.toLowerCase(Locale.ROOT)));
    return t.orElse(uri.isSecure() ? Transport.TLS : Transport.UDP);
  }

  /**
   * Resolves {@code uri}; fails with {@link UnknownHostException} for an unknown host and with
   * {@link IllegalArgumentException} for a URI that is not {@code sip:} or {@code sips:}.
   */
  public static CompletableFuture<NextHop> resolve(Uri uri, Executor resolver) {
    if (!(uri instanceof SipUri sip)) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("cannot send to " + uri + ": not a sip or sips URI"));
    }
    Transport transport = transportOf(sip);
    String host = sip.maddr().orElse(sip.host()).text();
    int port = sip.hasPort() ? sip.port() : transport.defaultPort();
    Optional<InetAddress> literal = sip.maddr().orElse(sip.host()).inetAddress();
    if (literal.isPresent()) {
      return CompletableFuture.completedFuture(
          new NextHop(transport, new InetSocketAddress(literal.get(), port)));
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new NextHop(transport, new InetSocketAddress(InetAddress.getByName(host), port));
          } catch (UnknownHostException e) {
            throw new CompletionException(e);
          }
        },
        resolver);
  }
}
