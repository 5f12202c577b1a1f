// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * {@link Stripes} for tests: one executor running every task on the calling thread. A task
 * submitted while another runs is queued and runs after it, as on a single-threaded executor, so
 * the machines see the same ordering as in production. Not thread-safe.
 */
public final class SameThreadStripes implements Stripes, Executor {
  private final Queue<Runnable> queue = new ArrayDeque<>();
  private boolean running;

  @Override
  public Executor stripe(String key) {
    return this;
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    if (running) {
      return;
    }
    running = true;
    try {
      Runnable next;
      while ((next = queue.poll()) != null) {
        next.run();
      }
    } finally {
      running = false;
      queue.clear();
    }
  }
}
