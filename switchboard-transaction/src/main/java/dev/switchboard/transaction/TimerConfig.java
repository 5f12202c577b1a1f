// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * The three base values every transaction timer derives from (RFC 3261 section 17.1.1.1 and table
 * 4 of appendix A): T1, the round-trip estimate; T2, the cap on non-INVITE request and INVITE
 * response retransmission intervals; T4, how long a message may stay in the network. Each stack
 * gets its own instance; nothing here is global.
 *
 * @param t1 round-trip time estimate, 500 ms by default
 * @param t2 maximum retransmission interval, 4 s by default
 * @param t4 maximum time a message stays in the network, 5 s by default
 */
public record TimerConfig(Duration t1, Duration t2, Duration t4) {
  /** The values recommended by RFC 3261 appendix A. */
  public static final TimerConfig DEFAULT =
      new TimerConfig(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

  public TimerConfig {
    Objects.requireNonNull(t1, "t1");
    Objects.requireNonNull(t2, "t2");
    Objects.requireNonNull(t4, "t4");
    if (t1.isNegative() || t1.isZero() || t2.isNegative() || t2.isZero() || t4.isNegative() || t4.isZero()) {
      throw new IllegalArgumentException("T1, T2 and T4 must be positive");
    }
    if (t2.compareTo(t1) < 0) {
      throw new IllegalArgumentException("T2 must not be less than T1");
    }
  }

  /** 64*T1: timers B, F, H, J (unreliable), L and M. */
  public Duration sixtyFourT1() {
    return t1.multipliedBy(64);
  }

  /**
   * The interval after {@code current} for timers E and G: doubled, but never more than T2
   * (sections 17.1.2.2, 17.2.1).
   */
  public Duration backoff(Duration current) {
    Duration doubled = current.multipliedBy(2);
    return doubled.compareTo(t2) > 0 ? t2 : doubled;
  }
}
