// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.time.Duration;

/**
 * Runs a task once after a delay. Production uses {@link WheelTimerService}, a hashed timing
 * wheel shared by every transaction; tests use a fake that runs due tasks when told to advance
 * virtual time.
 *
 * <p>Thread-safe. Tasks run on the service's own thread and must only hand work off (the
 * transaction layer posts an event to the transaction's stripe).
 */
public interface TimerService {
  /** Schedules {@code task} to run once, {@code delay} from now. */
  Handle schedule(Duration delay, Runnable task);

  /** A scheduled task. */
  @FunctionalInterface
  interface Handle {
    /** Stops the task from running, if it has not started; harmless when it already ran. */
    void cancel();
  }
}
