// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the highest nonce-count seen per nonce, so that a captured request cannot be replayed
 * (RFC 7616 section 3.4 and section 5.12). A client may reuse a nonce with a rising nc (baresip and
 * linphone do), which is accepted.
 *
 * <p>Memory is bounded: an entry is dropped once its nonce has expired (after that the nonce is
 * answered as stale anyway), and when {@code maxEntries} is reached the oldest entry is dropped.
 * Thread-safe: all state is guarded by {@code this}.
 */
public final class NonceCounts {
  /** The default cap on remembered nonces. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private record Entry(long nc, Instant expiresAt) {}

  private final Clock clock;
  private final int maxEntries;
  // Guarded by this. Insertion order is first-seen order, roughly issue order.
  private final LinkedHashMap<String, Entry> seen = new LinkedHashMap<>();

  /** A tracker with {@link #DEFAULT_MAX_ENTRIES}. */
  public NonceCounts(Clock clock) {
    this(clock, DEFAULT_MAX_ENTRIES);
  }

  /** A tracker holding at most {@code maxEntries} nonces. */
  public NonceCounts(Clock clock, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxEntries = maxEntries;
  }

  /**
   * Records {@code nc} for {@code nonce} if it is greater than any seen before.
   *
   * @param expiresAt when the nonce stops being fresh; the entry is dropped after that
   * @return true when {@code nc} is new (greater than the last seen), false for a replay
   */
  public synchronized boolean advance(String nonce, long nc, Instant expiresAt) {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Instant now = clock.instant();
    Entry last = seen.get(nonce);
    if (last != null && nc <= last.nc()) {
      return false;
    }
    if (last == null) {
      prune(now);
    }
    seen.put(nonce, new Entry(nc, expiresAt));
    return true;
  }

  /** The number of nonces remembered. */
  public synchronized int size() {
    return seen.size();
  }

  // Guarded by this.
  private void prune(Instant now) {
    // Cheap path: expired entries at the head, since first-seen order is roughly expiry order.
    Iterator<Map.Entry<String, Entry>> it = seen.entrySet().iterator();
    while (it.hasNext() && !it.next().getValue().expiresAt().isAfter(now)) {
      it.remove();
    }
    if (seen.size() < maxEntries) {
      return;
    }
    seen.values().removeIf(e -> !e.expiresAt().isAfter(now));
    // Still full of live nonces: forget the oldest. Its client then gets a fresh nonce after a
    // replay is refused, never a silent acceptance of a replay of a remembered nonce.
    it = seen.entrySet().iterator();
    while (seen.size() >= maxEntries && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
