// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The path a message arrived on or leaves by: transport, this side's address and the peer's
 * address. For TCP and TLS it identifies one connection, so a response or a later request to a
 * client behind NAT can go back over it (section 18.2.2, RFC 5626).
 *
 * @param transport the transport
 * @param local this side's address
 * @param remote the peer's address
 */
public record Flow(Transport transport, InetSocketAddress local, InetSocketAddress remote) {
  public Flow {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
  }

  @Override
  public String toString() {
    return transport.name().toLowerCase(java.util.Locale.ROOT) + ":" + local + "->" + remote;
  }
}
