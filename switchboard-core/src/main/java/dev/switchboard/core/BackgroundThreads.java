// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The core's periodic housekeeping threads (store flushes, expiry sweeps, user refreshes): one
 * named daemon thread each, so that a forgotten close never keeps the JVM alive and a thread dump
 * says what each thread is for.
 */
public final class BackgroundThreads {
  private BackgroundThreads() {}

  /** A single-thread scheduler whose daemon thread is called {@code name}. */
  public static ScheduledExecutorService scheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
