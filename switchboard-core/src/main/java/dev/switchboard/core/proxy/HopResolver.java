// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Server location, RFC 3263 section 4, kept simple and bounded:
 *
 * <ol>
 *   <li>Transport: the URI's {@code transport} parameter; TLS for {@code sips}; else UDP (section
 *       4.1 without NAPTR).
 *   <li>An IP address (or {@code maddr}) is used as is, with the URI's port or the transport's
 *       default.
 *   <li>A name in the {@link StaticHosts} table gets the hop configured there.
 *   <li>A name without port: the SRV record {@code _sip._udp}, {@code _sip._tcp} or {@code
 *       _sips._tcp} (section 4.2), lowest priority first; then, or with a port, the A/AAAA record
 *       through the system resolver.
 * </ol>
 *
 * <p>DNS runs on {@code dns}, never on the caller's thread; each query gives up after about two
 * seconds. NAPTR is not consulted. Thread-safe.
 */
public final class HopResolver {
  private final StaticHosts hosts;
  private final Executor dns;

  /**
   * @param dns where blocking DNS queries run
   */
  public HopResolver(StaticHosts hosts, Executor dns) {
    this.hosts = hosts;
    this.dns = dns;
  }

  /** The transport a request to {@code uri} uses (section 4.1). */
  public static Transport transportOf(SipUri uri) {
    Optional<Transport> t = uri.transportParam().flatMap(Transport::of);
    if (t.isPresent()) {
      return uri.isSecure() && t.get() == Transport.TCP ? Transport.TLS : t.get();
    }
    return uri.isSecure() ? Transport.TLS : Transport.UDP;
  }

  /** Where to send a request whose next hop is {@code uri}; fails when it cannot be resolved. */
  public CompletableFuture<Hop> resolve(SipUri uri) {
    Transport transport = transportOf(uri);
    Host host = uri.maddr().orElse(uri.host());
    int port = uri.hasPort() ? uri.port() : transport.defaultPort();
    Optional<InetAddress> ip = host.inetAddress();
    if (ip.isPresent()) {
      return CompletableFuture.completedFuture(new Hop(transport, new InetSocketAddress(ip.get(), port)));
    }
    Optional<Hop> configured = hosts.find(host.text());
    if (configured.isPresent()) {
      return CompletableFuture.completedFuture(configured.get());
    }
    String name = host.text();
    boolean srv = !uri.hasPort();
    return CompletableFuture.supplyAsync(() -> lookup(name, transport, port, srv), dns);
  }

  private static Hop lookup(String name, Transport transport, int port, boolean srv) {
    if (srv) {
      Optional<Hop> viaSrv = srvLookup(name, transport);
      if (viaSrv.isPresent()) {
        return viaSrv.get();
      }
    }
    try {
      return new Hop(transport, new InetSocketAddress(InetAddress.getByName(name), port));
    } catch (UnknownHostException e) {
      throw new CompletionException(new UnknownHostException("cannot resolve " + name));
    }
  }

  private record Srv(int priority, int weight, int port, String target) {}

  private static Optional<Hop> srvLookup(String name, Transport transport) {
    String service =
        switch (transport) {
          case UDP -> "_sip._udp.";
          case TCP -> "_sip._tcp.";
          case TLS -> "_sips._tcp.";
        };
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    env.put("com.sun.jndi.dns.timeout.initial", "1000");
    env.put("com.sun.jndi.dns.timeout.retries", "1");
    try {
      DirContext ctx = new InitialDirContext(env);
      try {
        Attributes attrs = ctx.getAttributes(service + name, new String[] {"SRV"});
        Attribute a = attrs.get("SRV");
        if (a == null) {
          return Optional.empty();
        }
        List<Srv> records = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
          String[] f = a.get(i).toString().trim().split("\\s+");
          if (f.length == 4) {
            records.add(new Srv(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]));
          }
        }
        records.sort(Comparator.comparingInt(Srv::priority).thenComparing(Comparator.comparingInt(Srv::weight).reversed()));
        for (Srv r : records) {
          String target = r.target().endsWith(".") ? r.target().substring(0, r.target().length() - 1) : r.target();
          if (target.isEmpty()) {
            continue;
          }
          try {
            return Optional.of(new Hop(transport, new InetSocketAddress(InetAddress.getByName(target), r.port())));
          } catch (UnknownHostException e) {
            // Try the next record (section 4.4).
          }
        }
        return Optional.empty();
      } finally {
        ctx.close();
      }
    } catch (NamingException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
