// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what the transport did, for monitoring and tests. Undeliverable input is counted
 * here rather than silently logged (house style habit 7).
 *
 * <p>Thread-safe: every counter is an {@link AtomicLong}, bumped from the I/O threads and read
 * from anywhere. Values only grow.
 */
public final class TransportStats {
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong malformedAnswered = new AtomicLong();
  private final AtomicLong malformedDropped = new AtomicLong();
  private final AtomicLong filtered = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sendFailures = new AtomicLong();
  private final AtomicLong connectionsOpened = new AtomicLong();
  private final AtomicLong connectionsClosed = new AtomicLong();
  private final AtomicLong connectionsRefused = new AtomicLong();

  /** Well-formed messages handed to the {@link InboundHandler}. */
  public long received() {
    return received.get();
  }

  /** Malformed requests answered with 400, 505 or 513 (section 8.2.6.1, 18.3). */
  public long malformedAnswered() {
    return malformedAnswered.get();
  }

  /** Malformed input that could not be answered (responses, garbage, no usable Via): dropped. */
  public long malformedDropped() {
    return malformedDropped.get();
  }

  /** Datagrams dropped on purpose by a {@link DatagramFilter}, in either direction. */
  public long filtered() {
    return filtered.get();
  }

  /**
   * Messages written to the network, including error responses the transport made itself and
   * datagrams a {@link DatagramFilter} dropped on the way out (they count as lost on the wire).
   */
  public long sent() {
    return sent.get();
  }

  /** Sends that failed: no route, connection refused or lost, write error. */
  public long sendFailures() {
    return sendFailures.get();
  }

  /** TCP and TLS connections opened, by either side. */
  public long connectionsOpened() {
    return connectionsOpened.get();
  }

  /** TCP and TLS connections closed, by either side. */
  public long connectionsClosed() {
    return connectionsClosed.get();
  }

  /** Connections refused because the connection cap was reached. */
  public long connectionsRefused() {
    return connectionsRefused.get();
  }

  void countReceived() {
    received.incrementAndGet();
  }

  void countMalformedAnswered() {
    malformedAnswered.incrementAndGet();
  }

  void countMalformedDropped() {
    malformedDropped.incrementAndGet();
  }

  void countFiltered() {
    filtered.incrementAndGet();
  }

  void countSent() {
    sent.incrementAndGet();
  }

  void countSendFailure() {
    sendFailures.incrementAndGet();
  }

  void countConnectionOpened() {
    connectionsOpened.incrementAndGet();
  }

  void countConnectionClosed() {
    connectionsClosed.incrementAndGet();
  }

  void countConnectionRefused() {
    connectionsRefused.incrementAndGet();
  }

  @Override
  public String toString() {
    return "received=" + received
        + " malformedAnswered=" + malformedAnswered
        + " malformedDropped=" + malformedDropped
        + " filtered=" + filtered
        + " sent=" + sent
        + " sendFailures=" + sendFailures
        + " connectionsOpened=" + connectionsOpened
        + " connectionsClosed=" + connectionsClosed
        + " connectionsRefused=" + connectionsRefused;
  }
}
