// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

/**
 * Receives what the transport layer delivers upward: the transaction layer, or a test.
 *
 * <p>Called on the Netty event loop thread that owns the channel the message came on: one thread
 * per UDP listener, one per TCP or TLS connection, so messages from one connection arrive in
 * order. Implementations hand work off rather than block. An exception thrown here is logged and
 * otherwise ignored.
 */
@FunctionalInterface
public interface InboundHandler {
  /** A well-formed message arrived. Malformed ones never get here: the transport answers them. */
  void onMessage(Inbound inbound);
}
