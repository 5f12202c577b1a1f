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
 * A dropped nonce that has not expired yet must not become usable again: every nonce that expires
 * no later than the last one dropped early is {@link Verdict#FORGOTTEN}, which the verifier
 * answers like a stale nonce (a fresh challenge, no failure counted). Entries are kept in
 * first-seen order, which is nearly expiry order, so both kinds of pruning touch only the head:
 * constant time per call.
 *
 * <p>Thread-safe: all state is guarded by {@code this}.
 */
public final class NonceCounts {
  /** The default cap on remembered nonces. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  /** What {@link #advance} decided. */
  public enum Verdict {
    /** The count is higher than any seen for the nonce: accepted and recorded. */
    FRESH,
    /** The count was seen before for this nonce: a replay. */
    REPLAYED,
    /** The nonce may have been used and forgotten to keep memory bounded: ask for a new one. */
    FORGOTTEN
  }

  private record Entry(long nc, Instant expiresAt) {}

  private final Clock clock;
  private final int maxEntries;
  // Guarded by this. Insertion order is first-seen order, roughly issue order.
  private final LinkedHashMap<String, Entry> seen = new LinkedHashMap<>();
  // Guarded by this. The latest expiry among live nonces dropped to make room.
  private Instant forgottenUpTo = Instant.MIN;

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
   */
  public synchronized Verdict advance(String nonce, long nc, Instant expiresAt) {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Entry last = seen.get(nonce);
    if (last != null) {
      if (nc <= last.nc()) {
        return Verdict.REPLAYED;
      }
      seen.put(nonce, new Entry(nc, expiresAt));
      return Verdict.FRESH;
    }
    if (!expiresAt.isAfter(forgottenUpTo)) {
      return Verdict.FORGOTTEN;
    }
    prune(clock.instant());
    seen.put(nonce, new Entry(nc, expiresAt));
    return Verdict.FRESH;
  }

  /** The number of nonces remembered. */
  public synchronized int size() {
    return seen.size();
  }

  // Guarded by this.
  private void prune(Instant now) {
    Iterator<Map.Entry<String, Entry>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Entry e = it.next().getValue();
      boolean expired = !e.expiresAt().isAfter(now);
      if (!expired && seen.size() < maxEntries) {
        return;
      }
      if (!expired && e.expiresAt().isAfter(forgottenUpTo)) {
        forgottenUpTo = e.expiresAt();
      }
      it.remove();
    }
  }
}
