// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

/**
 * Receives what the transport layer delivers upward: the transaction layer, or a test.
 *
 * <p>Called on a transport I/O thread; implementations hand work off rather than block.
 */
@FunctionalInterface
public interface InboundHandler {
  /** A well-formed message arrived. Malformed ones never get here: the transport answers them. */
  void onMessage(Inbound inbound);
}
