// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.header.Via;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Host;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a response goes when it cannot simply follow its request's connection back (section
 * 18.2.2 with RFC 3581 section 4). Reads only the response's top Via; does no I/O and no DNS.
 *
 * <p>Stateless; safe from any thread.
 */
public final class ResponseRouter {
  private ResponseRouter() {}

  /**
   * The destination for a response with this top Via over {@code transport}. An IP literal comes
   * back resolved (built from its bytes); a host name comes back unresolved, for the caller to
   * look up.
   *
   * <ul>
   *   <li>Reliable: the {@code received} address, else the sent-by host, with the sent-by port or
   *       the transport's default (used once the original connection has gone).
   *   <li>Unreliable with {@code maddr}: that address, sent-by port or default.
   *   <li>Unreliable otherwise: {@code received}, else the sent-by host; at the {@code rport}
   *       value when there is one (RFC 3581), else the sent-by port or default.
   * </ul>
   */
  public static InetSocketAddress destination(Via via, Transport transport) {
    int sentByPort = via.port() >= 0 ? via.port() : transport.defaultPort();
    Host host = via.received().flatMap(ResponseRouter::host).orElse(via.host());
    if (transport.isReliable()) {
      return address(host, sentByPort);
    }
    Optional<Host> maddr = via.maddr().flatMap(ResponseRouter::host);
    if (maddr.isPresent()) {
      return address(maddr.get(), sentByPort);
    }
    return address(host, via.rport().orElse(sentByPort));
  }

  private static Optional<Host> host(String text) {
    ParseResult<Host> r = Host.parse(text);
    return r instanceof ParseResult.Parsed<Host> p ? Optional.of(p.get()) : Optional.empty();
  }

  private static InetSocketAddress address(Host host, int port) {
    return host.inetAddress()
        .map(a -> new InetSocketAddress(a, port))
        .orElseGet(() -> InetSocketAddress.createUnresolved(host.text(), port));
  }
}
