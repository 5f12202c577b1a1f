// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a request goes next: a transport and a resolved address (RFC 3263 section 4).
 *
 * @param transport the transport
 * @param address the resolved address and port
 */
public record Hop(Transport transport, InetSocketAddress address) {
  public Hop {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("hop address must be resolved: " + address);
    }
  }

  @Override
  public String toString() {
    return transport.name().toLowerCase(java.util.Locale.ROOT) + ":" + address.getAddress().getHostAddress()
        + ":" + address.getPort();
  }
}
