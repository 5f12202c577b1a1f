// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link TimerService} in virtual time: nothing runs until the test calls {@link #advance}, which
 * runs every task that falls due, in due order (ties in scheduling order), with the clock set to
 * each task's due time. Not thread-safe: tests drive it from one thread.
 */
public final class FakeTimers implements TimerService {
  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.sequence));
  private long nowNanos;
  private long sequence;

  @Override
  public Handle schedule(Duration delay, Runnable task) {
    Task t = new Task(nowNanos + delay.toNanos(), sequence++, task);
    queue.add(t);
    return () -> t.cancelled = true;
  }

  /** Moves the clock forward, running what falls due on the way, including tasks those schedule. */
  public void advance(Duration d) {
    long target = nowNanos + d.toNanos();
    while (!queue.isEmpty() && queue.peek().due <= target) {
      Task t = queue.poll();
      nowNanos = t.due;
      if (!t.cancelled) {
        t.task.run();
      }
    }
    nowNanos = target;
  }

  /** Virtual time since the fake was made. */
  public Duration now() {
    return Duration.ofNanos(nowNanos);
  }

  /** Tasks scheduled and neither run nor cancelled. */
  public long pending() {
    return queue.stream().filter(t -> !t.cancelled).count();
  }

  private static final class Task {
    final long due;
    final long sequence;
    final Runnable task;
    boolean cancelled;

    Task(long due, long sequence, Runnable task) {
      this.due = due;
      this.sequence = sequence;
      this.task = task;
    }
  }
}
