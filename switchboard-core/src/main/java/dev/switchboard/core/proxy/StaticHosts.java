// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.transport.ListenPoint;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A static host table consulted before DNS (RFC 3263 resolution, section 4): a host name maps to a
 * transport, address and port written like a listen address, for example {@code gw.example.net →
 * tcp:192.0.2.30:5060}. Tests use it in place of DNS; operators use it for peers without SRV
 * records.
 *
 * <p>Immutable and thread-safe.
 */
public final class StaticHosts {
  /** An empty table. */
  public static final StaticHosts NONE = new StaticHosts(Map.of());

  private final Map<String, Hop> hosts;

  private StaticHosts(Map<String, Hop> hosts) {
    this.hosts = Map.copyOf(hosts);
  }

  /**
   * Parses {@code name → transport:address:port} entries.
   *
   * @throws IllegalArgumentException naming the first entry that does not parse
   */
  public static StaticHosts parse(Map<String, String> entries) {
    Map<String, Hop> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String name = e.getKey().strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("host table entry '" + e.getValue() + "' has no host name");
      }
      ParseResult<ListenPoint> p = ListenPoint.parse(e.getValue().strip());
      if (p instanceof ParseResult.Malformed<ListenPoint> m) {
        throw new IllegalArgumentException("host '" + name + "': " + m.reason().replace("listen address", "address"));
      }
      if (p.value().address().getPort() == 0) {
        throw new IllegalArgumentException("host '" + name + "': port must not be 0");
      }
      out.put(name, new Hop(p.value().transport(), p.value().address()));
    }
    return new StaticHosts(out);
  }

  /** The hop configured for {@code host}, compared without case. */
  public Optional<Hop> find(String host) {
    return Optional.ofNullable(hosts.get(host.toLowerCase(Locale.ROOT)));
  }
}
