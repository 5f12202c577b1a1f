// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook that decides whether a UDP datagram gets through, to simulate loss: the transaction
 * layer's retransmission tests (timers A, E, G) drop the first few datagrams and watch the
 * retransmissions arrive. A dropped outgoing datagram counts as sent successfully, as a datagram
 * lost on the wire would. Production code leaves the default, {@link #PASS_ALL}.
 *
 * <p>Called on the I/O thread of the UDP listener (incoming) or on the sending thread (outgoing),
 * so implementations must be thread-safe.
 */
@FunctionalInterface
public interface DatagramFilter {
  /** Which way a datagram travels. */
  enum Direction {
    INBOUND,
    OUTBOUND
  }

  /** Lets everything through. */
  DatagramFilter PASS_ALL = (direction, peer, datagram) -> true;

  /**
   * True to let the datagram through, false to drop it.
   *
   * @param direction inbound or outbound
   * @param peer the sender of an inbound datagram, the destination of an outbound one
   * @param datagram the payload; must not be modified
   */
  boolean pass(Direction direction, InetSocketAddress peer, byte[] datagram);

  /** Drops the first {@code count} datagrams going {@code direction}, then lets all through. */
  static DatagramFilter dropFirst(Direction direction, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    AtomicInteger dropped = new AtomicInteger();
    return (d, peer, datagram) ->
        d != direction || dropped.getAndUpdate(n -> n < count ? n + 1 : n) >= count;
  }
}
