// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The open TCP and TLS connections, by transport and remote address, whichever side opened them
 * (section 18.1.1 reuse, 18.2.2 responses, RFC 5626 flows), and the cap on how many may be open.
 *
 * <p>Thread-safe: the table is a {@link ConcurrentHashMap} and the count an {@link
 * AtomicInteger}; senders on any thread and event loops both use it.
 */
final class Connections {
  private record Key(Transport transport, InetSocketAddress remote) {}

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  // A pending connect is a future not yet done, so concurrent senders share one connection.
  private final ConcurrentHashMap<Key, CompletableFuture<Channel>> byRemote =
      new ConcurrentHashMap<>();

  Connections(int max) {
    this.max = max;
  }

  /** The cap. */
  int max() {
    return max;
  }

  /** Counts a connection about to open; false when the cap is reached. */
  boolean tryReserve() {
    int n;
    do {
      n = open.get();
      if (n >= max) {
        return false;
      }
    } while (!open.compareAndSet(n, n + 1));
    return true;
  }

  /** Gives back a reservation when its connection closes. */
  void release() {
    open.decrementAndGet();
  }

  /** Connections open or opening now. */
  int openCount() {
    return open.get();
  }

  /** Records a connection the peer opened, so requests to that peer reuse it. */
  void register(Transport transport, Channel channel) {
    Key key = new Key(transport, (InetSocketAddress) channel.remoteAddress());
    CompletableFuture<Channel> f = CompletableFuture.completedFuture(channel);
    byRemote.put(key, f);
    channel.closeFuture().addListener(x -> byRemote.remove(key, f));
  }

  /** The open connection to {@code remote} over {@code transport}, if there is one. */
  Optional<Channel> find(Transport transport, InetSocketAddress remote) {
    CompletableFuture<Channel> f = byRemote.get(new Key(transport, remote));
    if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
      return Optional.empty();
    }
    Channel c = f.join();
    return c.isActive() ? Optional.of(c) : Optional.empty();
  }

  /**
   * The connection to {@code remote}: an open or opening one, else a new one from {@code
   * connect}. A connection that fails or closes leaves the table.
   */
  CompletableFuture<Channel> obtain(
      Transport transport,
      InetSocketAddress remote,
      BiFunction<Transport, InetSocketAddress, CompletableFuture<Channel>> connect) {
    Key key = new Key(transport, remote);
    while (true) {
      CompletableFuture<Channel> f = byRemote.get(key);
      if (f != null) {
        if (!f.isDone() || (!f.isCompletedExceptionally() && f.join().isOpen())) {
          return f;
        }
        byRemote.remove(key, f);
        continue;
      }
      CompletableFuture<Channel> mine = new CompletableFuture<>();
      if (byRemote.putIfAbsent(key, mine) != null) {
        continue;
      }
      // Connect outside the map's lock: a connect that fails at once completes synchronously.
      connect
          .apply(transport, remote)
          .whenComplete(
              (ch, err) -> {
                if (err != null) {
                  byRemote.remove(key, mine);
                  mine.completeExceptionally(err);
                } else {
                  ch.closeFuture().addListener(x -> byRemote.remove(key, mine));
                  mine.complete(ch);
                }
              });
      return mine;
    }
  }
}
