// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test calls {@link #advance} (STYLE habit 11). */
public final class MutableClock extends Clock {
  // Volatile: background threads (the location sweeper, the store's flusher) read it too.
  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public MutableClock(Instant start) {
    this.now = start;
  }

  /** A clock standing at 2026-01-01T00:00:00Z. */
  public MutableClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
