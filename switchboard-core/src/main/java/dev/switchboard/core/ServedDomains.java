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
  private final List<String> names; // per host: the domain it names
  private final List<Host> hosts;

  private ServedDomains(List<String> names, List<Host> hosts) {
    this.names = names;
    this.hosts = hosts;
  }

  /**
   * One domain, {@code canonical}, also reached by each of {@code aliases}: a request for any of
   * them is for {@code canonical} (its realm, and the domain its users are stored under). The
   * server's default: {@code localhost}, reached by the host's names and addresses.
   *
   * @throws IllegalArgumentException naming the first entry that is not a host
   */
  public static ServedDomains aliases(String canonical, List<String> aliases) {
    List<String> names = new ArrayList<>();
    List<Host> hosts = new ArrayList<>();
    for (String d : concat(canonical, aliases)) {
      Host h = host(d);
      if (hosts.stream().noneMatch(h::matches)) {
        hosts.add(h);
        names.add(canonical);
      }
    }
    return new ServedDomains(List.copyOf(names), List.copyOf(hosts));
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static Host host(String d) {
    ParseResult<Host> h = Host.parse(d.strip());
    if (h instanceof ParseResult.Malformed<Host> m) {
      throw new IllegalArgumentException("domain '" + d + "' is not a host name or address: " + m.reason());
    }
    return h.value();
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
      Host h = host(d);
      if (hosts.stream().noneMatch(h::matches)) {
        hosts.add(h);
        names.add(h.text());
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

  /** The domains, as configured, duplicates and aliases removed. */
  public List<String> names() {
    return names.stream().distinct().toList();
  }

  @Override
  public String toString() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i).text();
      out.add(host.equals(names.get(i)) ? host : host + " (" + names.get(i) + ")");
    }
    return String.join(", ", out);
  }
}
