// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.Transport;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * This proxy's own addresses: what "is this me" means (sections 16.3 item 4, 16.4) and what goes
 * into its Via and Record-Route. A URI or Via names this proxy when its host is one of the
 * listeners' addresses (any interface address for a wildcard listener) or one of {@code names},
 * <em>and</em> its port, or the transport's default, is a listener's port: clients on the same
 * host use other ports of the same address (INTEROP-NOTES item 1).
 *
 * <p>Immutable and thread-safe.
 */
public final class LocalAddresses {
  private record Local(Transport transport, InetAddress address, int port) {}

  private final List<ListenPoint> listening;
  private final List<Local> locals;
  private final List<String> names;
  private final InetAddress advertised;

  /**
   * @param listening where the server listens, with real ports
   * @param names host names that also mean this server (its served domains), compared without case
   */
  public LocalAddresses(List<ListenPoint> listening, List<String> names) {
    if (listening.isEmpty()) {
      throw new IllegalArgumentException("no listen points");
    }
    this.listening = List.copyOf(listening);
    this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    List<Local> out = new ArrayList<>();
    for (ListenPoint p : listening) {
      InetAddress a = p.address().getAddress();
      if (a.isAnyLocalAddress()) {
        for (InetAddress i : interfaceAddresses()) {
          out.add(new Local(p.transport(), i, p.address().getPort()));
        }
      } else {
        out.add(new Local(p.transport(), a, p.address().getPort()));
      }
    }
    this.locals = List.copyOf(out);
    this.advertised = preferred(out.stream().map(Local::address).toList());
  }

  /**
   * The address a wildcard listener puts in Via and Record-Route: a global or site-local IPv4
   * address of this host if there is one, then any such IPv6 one, else loopback. Not {@code
   * InetAddress.getLocalHost()}, which on Debian is often 127.0.1.1, unreachable from elsewhere.
   */
  private static InetAddress preferred(List<InetAddress> addresses) {
    InetAddress v6 = null;
    for (InetAddress a : addresses) {
      if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
        continue;
      }
      if (a instanceof java.net.Inet4Address) {
        return a;
      }
      if (v6 == null) {
        v6 = a;
      }
    }
    if (v6 != null) {
      return v6;
    }
    return addresses.stream().filter(InetAddress::isLoopbackAddress).findFirst().orElse(InetAddress.getLoopbackAddress());
  }

  private static List<InetAddress> interfaceAddresses() {
    List<InetAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        out.addAll(Collections.list(ni.getInetAddresses()));
      }
    } catch (SocketException e) {
      out.add(InetAddress.getLoopbackAddress());
    }
    return out;
  }

  /** True when {@code uri} names this proxy by host and port. */
  public boolean isMe(SipUri uri) {
    Host host = uri.maddr().orElse(uri.host());
    return isMe(host, uri.portOrDefault());
  }

  /** True when a Via's sent-by names this proxy by host and port. */
  public boolean isMe(Via via) {
    Transport t = Transport.of(via.transport()).orElse(Transport.UDP);
    return isMe(via.host(), via.port() >= 0 ? via.port() : t.defaultPort());
  }

  private boolean isMe(Host host, int port) {
    Optional<InetAddress> ip = host.inetAddress();
    if (ip.isPresent()) {
      return locals.stream().anyMatch(l -> l.port == port && l.address.equals(ip.get()));
    }
    return names.contains(host.text().toLowerCase(Locale.ROOT))
        && locals.stream().anyMatch(l -> l.port == port);
  }

  /**
   * The listener that sends over {@code transport}: its address (for a wildcard listener, this
   * host's address) and port. Falls back to the first listener when none has that transport.
   */
  public ListenPoint listenerFor(Transport transport) {
    ListenPoint p =
        listening.stream().filter(l -> l.transport() == transport).findFirst().orElse(listening.get(0));
    InetAddress a = p.address().getAddress();
    if (a.isAnyLocalAddress()) {
      a = advertised;
    }
    return new ListenPoint(transport, new java.net.InetSocketAddress(a, p.address().getPort()));
  }

  /** The listener's address as a host, IPv6 in RFC 5952 short form (RFC 5118 section 4.5). */
  private static Host host(ListenPoint p) {
    return Host.of(io.netty.util.NetUtil.toAddressString(p.address().getAddress()));
  }

  /** The Via this proxy pushes when it sends over {@code transport} (section 16.6 item 8). */
  public Via via(Transport transport, String branch) {
    ListenPoint p = listenerFor(transport);
    return Via.of(transport.name(), host(p), p.address().getPort(), branch);
  }

  /**
   * The Record-Route value for a dialog reached over {@code transport} (section 16.6 item 4): this
   * proxy's address, port and transport, with {@code lr} (it is a loose router).
   */
  public Address recordRoute(Transport transport) {
    ListenPoint p = listenerFor(transport);
    SipUri uri =
        SipUri.builder()
            .host(host(p))
            .port(p.address().getPort())
            .parameter("transport", transport.name().toLowerCase(Locale.ROOT))
            .parameter("lr", null)
            .build();
    return Address.of(uri);
  }
}
