// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TimerService} on one Netty {@link HashedWheelTimer}: one thread and O(1) scheduling
 * for all transactions, instead of a thread or a scheduled task per transaction. Expiry is
 * accurate to one tick, which is far below T1.
 *
 * <p>Thread-safe. Close it when the stack stops.
 */
public final class WheelTimerService implements TimerService, AutoCloseable {
  /** Tick used by {@link #WheelTimerService()}: 10 ms, fine for T1 = 500 ms. */
  public static final Duration DEFAULT_TICK = Duration.ofMillis(10);

  private static final int TICKS_PER_WHEEL = 512;

  private final Timer wheel;

  /** A wheel with the {@link #DEFAULT_TICK}. */
  public WheelTimerService() {
    this(DEFAULT_TICK);
  }

  /** A wheel that advances every {@code tick}. */
  public WheelTimerService(Duration tick) {
    Objects.requireNonNull(tick, "tick");
    this.wheel =
        new HashedWheelTimer(
            new DefaultThreadFactory("sip-timer", true),
            tick.toNanos(),
            TimeUnit.NANOSECONDS,
            TICKS_PER_WHEEL);
  }

  @Override
  public Handle schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(task, "task");
    Timeout t = wheel.newTimeout(timeout -> task.run(), delay.toNanos(), TimeUnit.NANOSECONDS);
    return t::cancel;
  }

  /** Stops the wheel; pending tasks never run. */
  @Override
  public void close() {
    wheel.stop();
  }
}
