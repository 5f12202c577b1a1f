// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.testkit;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.transport.Flow;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network without sockets: {@link InMemoryTransport}s attach to it by address, and a message
 * sent to an address arrives at the transport attached there.
 *
 * <p>Every message crosses the "wire" as bytes: it is encoded and parsed again, so a test sees
 * what a peer would see, and a message the parser would refuse fails the test at once.
 *
 * <p>Delivery is synchronous by default: {@code send} calls the receiver's handler before it
 * returns. {@link #queued()} makes a network that holds messages until the test calls {@link
 * #deliverNext()} or {@link #deliverAll()}, to inspect or reorder what is in flight.
 *
 * <p>Meant for single-threaded tests; the queue and counters are not thread-safe.
 */
public final class InMemoryNetwork {
  private final Map<InetSocketAddress, InMemoryTransport> attached = new ConcurrentHashMap<>();
  private final boolean queued;
  // Confined to the test thread.
  private final Queue<Runnable> inFlight = new ArrayDeque<>();

  private InMemoryNetwork(boolean queued) {
    this.queued = queued;
  }

  /** A network that delivers each message before {@code send} returns. */
  public static InMemoryNetwork synchronous() {
    return new InMemoryNetwork(false);
  }

  /** A network that holds messages until the test delivers them. */
  public static InMemoryNetwork queued() {
    return new InMemoryNetwork(true);
  }

  /**
   * A transport listening at {@code address} for every {@link Transport}.
   *
   * @throws IllegalStateException when something is already attached there
   */
  public InMemoryTransport attach(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    InMemoryTransport t = new InMemoryTransport(this, address);
    if (attached.putIfAbsent(address, t) != null) {
      throw new IllegalStateException("address in use: " + address);
    }
    return t;
  }

  void detach(InetSocketAddress address) {
    attached.remove(address);
  }

  /** Messages sent but not yet delivered (always 0 for a synchronous network). */
  public int pending() {
    return inFlight.size();
  }

  /** Delivers the oldest message in flight; false when there was none. */
  public boolean deliverNext() {
    Runnable next = inFlight.poll();
    if (next == null) {
      return false;
    }
    next.run();
    return true;
  }

  /** Delivers messages, including those sent while delivering, until none is in flight. */
  public int deliverAll() {
    int n = 0;
    while (deliverNext()) {
      n++;
    }
    return n;
  }

  /**
   * Carries a message from {@code from} to {@code to}. Empty when nothing listens at {@code to};
   * otherwise the flow it travelled, as the sender sees it.
   */
  Optional<Flow> carry(SipMessage message, Transport transport, InetSocketAddress from, InetSocketAddress to) {
    InMemoryTransport receiver = attached.get(to);
    if (receiver == null) {
      return Optional.empty();
    }
    SipMessage onWire = reparse(message);
    Inbound inbound = new Inbound(onWire, new Flow(transport, to, from), System.nanoTime());
    if (queued) {
      inFlight.add(() -> receiver.receive(inbound));
    } else {
      receiver.receive(inbound);
    }
    return Optional.of(new Flow(transport, from, to));
  }

  private static SipMessage reparse(SipMessage message) {
    ParseResult<SipMessage> r = SipParser.parse(message.encode());
    if (r instanceof ParseResult.Malformed<SipMessage> m) {
      throw new IllegalStateException("sent a message a peer could not parse: " + m.reason() + "\n" + message);
    }
    return r.value();
  }
}
