// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core;

import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The domains this server is responsible for (RFC 3261 section 10.3 step 1, section 16.4): names
 * and addresses. A host matches a domain by host only, whatever the port: clients write AoRs such
 * as {@code sip:carol@127.0.0.1} without the server's port (INTEROP-NOTES item 1).
 *
 * <p>Immutable and thread-safe.
 */
public final class ServedDomains {
  private final List<String> names;
  private final List<Host> hosts;

  private ServedDomains(List<String> names, List<Host> hosts) {
    this.names = names;
    this.hosts = hosts;
  }

  /**
   * The domains named, each a host name or an IPv4/IPv6 address (without brackets or port).
   *
   * @throws IllegalArgumentException naming the first entry that is not a host, or if none is given
   */
  public static ServedDomains of(List<String> domains) {
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("at least one domain must be served");
    }
    List<String> names = new ArrayList<>();
    List<Host> hosts = new ArrayList<>();
    for (String d : domains) {
      ParseResult<Host> h = Host.parse(d.strip());
      if (h instanceof ParseResult.Malformed<Host> m) {
        throw new IllegalArgumentException("domain '" + d + "' is not a host name or address: " + m.reason());
      }
      if (hosts.stream().noneMatch(h.value()::matches)) {
        hosts.add(h.value());
        names.add(h.value().text());
      }
    }
    return new ServedDomains(List.copyOf(names), List.copyOf(hosts));
  }

  /**
   * The served domain {@code host} names, spelled as configured (which is the realm and the domain
   * users are stored under); empty when the host is not served.
   */
  public Optional<String> find(Host host) {
    for (int i = 0; i < hosts.size(); i++) {
      if (hosts.get(i).matches(host)) {
        return Optional.of(names.get(i));
      }
    }
    return Optional.empty();
  }

  /** The domains, as configured, duplicates removed. */
  public List<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return String.join(", ", names);
  }
}
