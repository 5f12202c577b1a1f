// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows password guessing: after {@code maxFailures} failures within {@code window} for one key (a
 * username or a source address; the caller records both), the key is locked for {@code coolDown}.
 * RFC 3261 section 26.3.2.4 leaves the defence to the server; answer a locked key with 403 or with
 * 503 and Retry-After {@link #retryAfterSeconds}.
 *
 * <p>Memory is bounded by {@code maxKeys}: idle keys are dropped first, then the oldest. Thread-safe:
 * all state is guarded by {@code this}.
 */
public final class Lockout {
  /** Failures that lock a key by default. */
  public static final int DEFAULT_MAX_FAILURES = 5;
  /** The window those failures must fall in by default. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
  /** How long a key stays locked by default. */
  public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);
  /** The default cap on tracked keys. */
  public static final int DEFAULT_MAX_KEYS = 100_000;

  /** Per key: recent failure times (oldest first) and the end of a lock, if any. */
  private static final class State {
    final ArrayDeque<Instant> failures = new ArrayDeque<>();
    Instant lockedUntil = Instant.MIN;
  }

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Duration coolDown;
  private final int maxKeys;
  // Guarded by this. Insertion order is first-seen order.
  private final LinkedHashMap<String, State> keys = new LinkedHashMap<>();

  /** A lockout with the defaults: 5 failures in 1 minute lock for 5 minutes. */
  public Lockout(Clock clock) {
    this(clock, DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_COOL_DOWN, DEFAULT_MAX_KEYS);
  }

  /** A lockout with explicit limits. */
  public Lockout(Clock clock, int maxFailures, Duration window, Duration coolDown, int maxKeys) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxFailures < 1 || maxKeys < 1) {
      throw new IllegalArgumentException("maxFailures and maxKeys must be positive");
    }
    if (window.isNegative() || window.isZero() || coolDown.isNegative() || coolDown.isZero()) {
      throw new IllegalArgumentException("window and coolDown must be positive");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.coolDown = coolDown;
    this.maxKeys = maxKeys;
  }

  /** Counts a failed attempt for {@code key}; may lock it. */
  public synchronized void recordFailure(String key) {
    Objects.requireNonNull(key, "key");
    Instant now = clock.instant();
    State s = keys.get(key);
    if (s == null) {
      prune(now);
      s = new State();
      keys.put(key, s);
    }
    if (now.isBefore(s.lockedUntil)) {
      return; // already locked; the lock is not extended
    }
    dropOld(s, now);
    s.failures.addLast(now);
    if (s.failures.size() >= maxFailures) {
      s.lockedUntil = now.plus(coolDown);
      s.failures.clear();
    }
  }

  /** Clears the failures of {@code key} only (not a lock in force, not other keys). */
  public synchronized void recordSuccess(String key) {
    State s = keys.get(Objects.requireNonNull(key, "key"));
    if (s != null) {
      s.failures.clear();
    }
  }

  /** True while {@code key} is locked. */
  public synchronized boolean isLocked(String key) {
    return retryAfterSeconds(key) > 0;
  }

  /** Whole seconds until {@code key} is released, rounded up, for Retry-After; 0 when not locked. */
  public synchronized long retryAfterSeconds(String key) {
    State s = keys.get(Objects.requireNonNull(key, "key"));
    if (s == null) {
      return 0;
    }
    Duration left = Duration.between(clock.instant(), s.lockedUntil);
    if (left.isNegative() || left.isZero()) {
      return 0;
    }
    long secs = left.getSeconds();
    return left.getNano() > 0 ? secs + 1 : secs;
  }

  /** The number of keys tracked. */
  public synchronized int size() {
    return keys.size();
  }

  // Guarded by this.
  private void dropOld(State s, Instant now) {
    Instant cutoff = now.minus(window);
    while (!s.failures.isEmpty() && !s.failures.peekFirst().isAfter(cutoff)) {
      s.failures.removeFirst();
    }
  }

  // Guarded by this.
  private void prune(Instant now) {
    if (keys.size() < maxKeys) {
      return;
    }
    // Idle first: not locked and no failure within the window.
    keys.values().removeIf(s -> {
      dropOld(s, now);
      return s.failures.isEmpty() && !now.isBefore(s.lockedUntil);
    });
    // Still full: forget the oldest keys. Under a flood of distinct keys a lock may be lost early;
    // per-address limits above this layer bound that flood.
    Iterator<Map.Entry<String, State>> it = keys.entrySet().iterator();
    while (keys.size() >= maxKeys && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
