// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Stripes} over N single-threaded executors, a transaction's key choosing one by hash.
 * With N = the number of cores, transactions run in parallel across stripes and serially within
 * one.
 *
 * <p>Thread-safe. An exception escaping a task is a bug; it is logged and the stripe's thread is
 * replaced. Close it when the stack stops.
 */
public final class ThreadStripes implements Stripes, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadStripes.class);

  private final ExecutorService[] executors;

  /** {@code count} stripes, each with its own thread. */
  public ThreadStripes(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("stripe count must be at least 1: " + count);
    }
    executors = new ExecutorService[count];
    for (int i = 0; i < count; i++) {
      executors[i] = Executors.newSingleThreadExecutor(threads("sip-txn-" + i));
    }
  }

  /** One stripe per available processor. */
  public static ThreadStripes perProcessor() {
    return new ThreadStripes(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public Executor stripe(String key) {
    int h = key.hashCode();
    // Spread the high bits: branches share a long common prefix ("z9hG4bK").
    h ^= h >>> 16;
    return executors[Math.floorMod(h, executors.length)];
  }

  /** Stops the stripes after the tasks already queued. */
  @Override
  public void close() {
    for (ExecutorService e : executors) {
      e.shutdown();
    }
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger generation = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "." + generation.getAndIncrement());
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((th, e) -> LOG.error("bug: task failed on {}", th.getName(), e));
      return t;
    };
  }
}
