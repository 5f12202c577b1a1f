// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import java.util.Objects;

/**
 * A host and an optional port, as in {@code hostport = host [ ":" port ]} (RFC 3261 §25.1): the
 * target part of a SIP URI and the sent-by of a Via.
 *
 * @param host the host
 * @param port the port, 0 to 65535, or -1 when absent
 */
public record HostPort(Host host, int port) {
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** True when a port was given. */
  public boolean hasPort() {
    return port >= 0;
  }

  /** The port, or {@code fallback} when none was given. */
  public int portOr(int fallback) {
    return port >= 0 ? port : fallback;
  }

  /** Appends {@code host[:port]}, an IPv6 host in brackets. */
  public void appendTo(StringBuilder sb) {
    host.appendTo(sb);
    if (port >= 0) {
      sb.append(':').append(port);
    }
  }

  /** {@code host[:port]}, an IPv6 host in brackets. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(host.text().length() + 8);
    appendTo(sb);
    return sb.toString();
  }
}
