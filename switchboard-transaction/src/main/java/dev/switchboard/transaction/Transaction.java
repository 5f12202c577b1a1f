// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the four state machines share: their stripe, their armed timers and their way out of the
 * layer's table. Subclasses implement {@link #handle}, the one switch over their state.
 */
abstract class Transaction {
  final TransactionContext ctx;
  final Executor stripe;
  final boolean reliable;
  private final Consumer<Transaction> onTerminated;
  // Confined to the stripe. Keyed by the event the timer posts, so a timer is identified by it.
  private final Map<Event, Armed> armed = new HashMap<>(4);

  Transaction(TransactionContext ctx, Executor stripe, boolean reliable, Consumer<Transaction> onTerminated) {
    this.ctx = ctx;
    this.stripe = stripe;
    this.reliable = reliable;
    this.onTerminated = onTerminated;
  }

  /** Handles one event. Confined to the stripe. */
  abstract void handle(Event event);

  /** Queues an event on the stripe; callable from any thread. */
  final void post(Event event) {
    stripe.execute(() -> handle(event));
  }

  /** The initial duration of a lettered timer for this transaction's transport. */
  final Duration duration(TimerName name) {
    return name.duration(ctx.config(), reliable);
  }

  /** Arms a lettered timer for {@code delay}, replacing it if armed. Confined to the stripe. */
  final void arm(TimerName name, Duration delay) {
    arm(new Event.TimerFired(name), delay);
  }

  /**
   * Arms a timer that delivers {@code event} after {@code delay}, replacing one armed for the
   * same event. The expiry crosses from the timer thread to the stripe, and a timer disarmed in
   * between is recognised there, so a stale expiry never reaches {@link #handle}.
   */
  final void arm(Event event, Duration delay) {
    disarm(event);
    Armed a = new Armed(event);
    armed.put(event, a);
    a.handle = ctx.timers().schedule(delay, a);
  }

  /** Disarms a lettered timer, if armed. Confined to the stripe. */
  final void disarm(TimerName name) {
    disarm(new Event.TimerFired(name));
  }

  /** Disarms the timer for {@code event}, if armed. Confined to the stripe. */
  final void disarm(Event event) {
    Armed a = armed.remove(event);
    if (a != null) {
      a.handle.cancel();
    }
  }

  /**
   * Turns a failed send into a {@link Event.SendFailed} on the stripe. Also when the future is
   * already complete: the event is queued behind the current one, never handled inside it.
   */
  final void watch(CompletableFuture<?> send) {
    send.whenComplete(
        (ok, error) -> {
          if (error != null) {
            Throwable cause =
                error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
            post(new Event.SendFailed(cause));
          }
        });
  }

  /** Disarms every timer and leaves the layer's table; the subclass is now Terminated. */
  final void release() {
    for (Armed a : armed.values()) {
      a.handle.cancel();
    }
    armed.clear();
    onTerminated.accept(this);
  }

  /** One armed timer. Runs on the timer thread only to hop to the stripe. */
  private final class Armed implements Runnable {
    private final Event event;
    // Confined to the stripe: set right after scheduling, read when disarming.
    private TimerService.Handle handle;

    Armed(Event event) {
      this.event = event;
    }

    @Override
    public void run() {
      stripe.execute(this::fire);
    }

    private void fire() {
      if (armed.remove(event, this)) {
        handle(event);
      }
    }
  }
}
