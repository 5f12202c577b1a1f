// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.SipResponse;
import dev.switchboard.transaction.ServerTransaction;
import dev.switchboard.transaction.TimerConfig;
import dev.switchboard.transaction.TimerService;
import java.time.Duration;

/**
 * The UAS core's retransmission of a 2xx to INVITE until its ACK arrives (RFC 3261 section
 * 13.3.1.4): first after T1, the interval doubling up to T2, for 64*T1 in all. The ACK for a 2xx
 * is end to end, so the INVITE server transaction does not do this (RFC 6026 section 7.1 passes
 * the retransmissions through its Accepted state). If the time runs out without an ACK, {@code
 * onGiveUp} runs, and the dialog should be ended with BYE.
 *
 * <p>Thread-safe: timer expiries and {@link #acknowledged()} race only on the {@code done} flag,
 * guarded by {@code this}.
 */
final class TwoXxRetransmitter {
  private final TimerService timers;
  private final TimerConfig config;
  private final ServerTransaction transaction;
  private final SipResponse response;
  private final Runnable onGiveUp;
  private final long deadline;
  private boolean done; // Guarded by this.
  private TimerService.Handle next; // Guarded by this.

  private TwoXxRetransmitter(
      TimerService timers, TimerConfig config, ServerTransaction transaction, SipResponse response, Runnable onGiveUp) {
    this.timers = timers;
    this.config = config;
    this.transaction = transaction;
    this.response = response;
    this.onGiveUp = onGiveUp;
    this.deadline = System.nanoTime() + config.sixtyFourT1().toNanos();
  }

  /** Starts retransmitting {@code response}, which was just sent once through {@code transaction}. */
  static TwoXxRetransmitter start(
      TimerService timers, TimerConfig config, ServerTransaction transaction, SipResponse response, Runnable onGiveUp) {
    TwoXxRetransmitter r = new TwoXxRetransmitter(timers, config, transaction, response, onGiveUp);
    r.arm(config.t1());
    return r;
  }

  private synchronized void arm(Duration interval) {
    if (!done) {
      next = timers.schedule(interval, () -> fire(interval));
    }
  }

  private void fire(Duration interval) {
    boolean expired;
    synchronized (this) {
      if (done) {
        return;
      }
      expired = System.nanoTime() - deadline >= 0;
      done = expired;
    }
    if (expired) {
      onGiveUp.run();
      return;
    }
    transaction.respond(response);
    arm(config.backoff(interval));
  }

  /** The ACK arrived (or the call ended): stop. Idempotent. */
  synchronized void acknowledged() {
    done = true;
    if (next != null) {
      next.cancel();
    }
  }
}
