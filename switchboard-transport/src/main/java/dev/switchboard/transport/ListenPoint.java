// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.parse.ParseResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to listen: {@code transport:address:port}, e.g. {@code udp:127.0.0.1:5060}, {@code
 * tls:[::1]:5061}, {@code tcp:0.0.0.0:5060}.
 *
 * @param transport the transport
 * @param address the local address and port (port 0: any free port)
 */
public record ListenPoint(Transport transport, InetSocketAddress address) {
  public ListenPoint {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(address, "address");
  }

  /**
   * Parses {@code transport:host:port}; the host must be an IP literal (IPv6 in brackets), so
   * nothing here waits on DNS. Faults come back as one line naming what is wrong.
   */
  public static ParseResult<ListenPoint> parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return ParseResult.malformed("listen address '" + text + "' must look like udp:127.0.0.1:5060");
    }
    Optional<Transport> t = Transport.of(text.substring(0, colon));
    if (t.isEmpty()) {
      return ParseResult.malformed(
          "listen address '" + text + "': transport must be udp, tcp or tls");
    }
    String rest = text.substring(colon + 1);
    int portSep = rest.lastIndexOf(':');
    if (portSep < 0) {
      return ParseResult.malformed("listen address '" + text + "' has no port");
    }
    String host = rest.substring(0, portSep);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      return ParseResult.malformed("listen address '" + text + "': put an IPv6 address in [ ]");
    }
    int port;
    try {
      port = Integer.parseInt(rest.substring(portSep + 1));
    } catch (NumberFormatException e) {
      return ParseResult.malformed("listen address '" + text + "': port is not a number");
    }
    if (port < 0 || port > 65535) {
      return ParseResult.malformed("listen address '" + text + "': port must be 0-65535");
    }
    if (!isIpLiteral(host)) {
      return ParseResult.malformed("listen address '" + text + "': host must be an IP address");
    }
    try {
      return ParseResult.parsed(new ListenPoint(t.get(), new InetSocketAddress(InetAddress.getByName(host), port)));
    } catch (UnknownHostException e) {
      return ParseResult.malformed("listen address '" + text + "': bad IP address");
    }
  }

  private static boolean isIpLiteral(String host) {
    if (host.isEmpty()) {
      return false;
    }
    // Without a colon only an IPv4 dotted quad qualifies: a name like "dead.beef" would make
    // InetAddress ask DNS.
    boolean v6 = host.indexOf(':') >= 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (v6 ? Character.digit(c, 16) >= 0 : Character.isDigit(c)) || c == '.' || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    String host = address.getAddress().getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return transport.name().toLowerCase(java.util.Locale.ROOT) + ":" + host + ":" + address.getPort();
  }
}
