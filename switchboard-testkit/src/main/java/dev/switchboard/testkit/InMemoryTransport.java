// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.testkit;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipResponse;
import dev.switchboard.transport.Flow;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.InboundHandler;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.SipTransport;
import dev.switchboard.transport.Transport;
import dev.switchboard.transport.TransportException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SipTransport} on an {@link InMemoryNetwork}: it records what it sends, can drop or fail
 * the next messages, and hands what arrives to its {@link InboundHandler}.
 *
 * <p>What it models of section 18: a message to an address where nothing listens is lost without
 * error over UDP and fails with {@link TransportException} over TCP and TLS (connection refused).
 * A response goes back to the address the request came from. It does not add {@code received}
 * or {@code rport} to Via (section 18.2.1): tests use sent-by addresses that match.
 *
 * <p>Meant for single-threaded tests; not thread-safe.
 */
public final class InMemoryTransport implements SipTransport {
  private final InMemoryNetwork network;
  private final InetSocketAddress address;
  private final List<SipMessage> sent = new ArrayList<>();
  private InboundHandler handler = inbound -> { };
  private int dropNext;
  private int failNext;
  private int dropped;

  InMemoryTransport(InMemoryNetwork network, InetSocketAddress address) {
    this.network = network;
    this.address = address;
  }

  /** Sets who receives what arrives here; until then arrivals are discarded. */
  public InMemoryTransport onInbound(InboundHandler h) {
    this.handler = Objects.requireNonNull(h, "handler");
    return this;
  }

  /** This transport's address. */
  public InetSocketAddress address() {
    return address;
  }

  /** Records the next {@code n} messages as sent but loses them, as a lossy UDP path would. */
  public void dropNext(int n) {
    dropNext = n;
  }

  /** Fails the next {@code n} sends with {@link TransportException}, as a refused connection would. */
  public void failNext(int n) {
    failNext = n;
  }

  /** Every message passed to {@code send} or {@code sendResponse}, dropped ones included, in order. */
  public List<SipMessage> sent() {
    return List.copyOf(sent);
  }

  /** The last message sent. */
  public SipMessage lastSent() {
    if (sent.isEmpty()) {
      throw new IllegalStateException("nothing sent");
    }
    return sent.get(sent.size() - 1);
  }

  /** Forgets the messages recorded so far. */
  public void clearSent() {
    sent.clear();
  }

  /** How many messages {@link #dropNext} has lost. */
  public int droppedCount() {
    return dropped;
  }

  @Override
  public CompletableFuture<Flow> send(SipMessage message, Transport transport, InetSocketAddress remote) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(remote, "remote");
    sent.add(message);
    if (failNext > 0) {
      failNext--;
      return CompletableFuture.failedFuture(new TransportException("injected failure sending to " + remote));
    }
    Flow flow = new Flow(transport, address, remote);
    if (dropNext > 0) {
      dropNext--;
      dropped++;
      return CompletableFuture.completedFuture(flow);
    }
    Optional<Flow> carried = network.carry(message, transport, address, remote);
    if (carried.isEmpty() && transport.isReliable()) {
      return CompletableFuture.failedFuture(new TransportException("connection refused: " + remote));
    }
    return CompletableFuture.completedFuture(flow);
  }

  @Override
  public CompletableFuture<Flow> sendResponse(SipResponse response, Inbound request) {
    Objects.requireNonNull(request, "request");
    return send(response, request.flow().transport(), request.flow().remote());
  }

  @Override
  public List<ListenPoint> listening() {
    List<ListenPoint> points = new ArrayList<>();
    for (Transport t : Transport.values()) {
      points.add(new ListenPoint(t, address));
    }
    return points;
  }

  @Override
  public void close() {
    network.detach(address);
  }

  void receive(Inbound inbound) {
    handler.onMessage(inbound);
  }
}
