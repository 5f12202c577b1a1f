// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.util.concurrent.Executor;

/**
 * Maps a transaction key to the serial executor its transaction is confined to (house style habit
 * 10). Network input, timer expiries and the TU's responses for a transaction all become events on
 * that one executor, so the state machines need no locks.
 *
 * <p>Contract for each executor: tasks run one at a time in submission order, and a task submitted
 * while a task of the same executor is running runs after it, never inside it (as a single-threaded
 * executor behaves). The same key always maps to the same executor. Production uses {@link
 * ThreadStripes}; tests use a same-thread executor that queues re-entrant submissions.
 */
@FunctionalInterface
public interface Stripes {
  /** The executor for the transaction with this key (its branch, or its Call-ID for RFC 2543). */
  Executor stripe(String key);
}
