// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimerNameTest {
  private final TimerConfig defaults = TimerConfig.DEFAULT;

  @Nested
  class AppendixA {
    @Test
    void derivesDefaultDurationsFromT1T2T4() {
      // RFC 3261 appendix A, table 4; RFC 6026 §7.1, §7.2 for L and M
      assertThat(TimerName.A.duration(defaults, false)).isEqualTo(Duration.ofMillis(500));
      assertThat(TimerName.B.duration(defaults, false)).isEqualTo(Duration.ofSeconds(32));
      assertThat(TimerName.D.duration(defaults, false)).isEqualTo(Duration.ofSeconds(32));
      assertThat(TimerName.E.duration(defaults, false)).isEqualTo(Duration.ofMillis(500));
      assertThat(TimerName.F.duration(defaults, false)).isEqualTo(Duration.ofSeconds(32));
      assertThat(TimerName.G.duration(defaults, false)).isEqualTo(Duration.ofMillis(500));
      assertThat(TimerName.H.duration(defaults, false)).isEqualTo(Duration.ofSeconds(32));
      assertThat(TimerName.I.duration(defaults, false)).isEqualTo(Duration.ofSeconds(5));
      assertThat(TimerName.J.duration(defaults, false)).isEqualTo(Duration.ofSeconds(32));
      assertThat(TimerName.K.duration(defaults, false)).isEqualTo(Duration.ofSeconds(5));
      assertThat(TimerName.L.duration(defaults, false)).isEqualTo(Duration.ofSeconds(32));
      assertThat(TimerName.M.duration(defaults, false)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void waitTimersAreZeroOverReliableTransports() {
      // RFC 3261 §17.1.1.2, §17.1.2.2, §17.2.1, §17.2.2
      for (TimerName t : new TimerName[] {TimerName.D, TimerName.I, TimerName.J, TimerName.K}) {
        assertThat(t.duration(defaults, true)).as("timer %s", t).isZero();
      }
      assertThat(TimerName.B.duration(defaults, true)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void scalesWithT1ButKeepsTimerDAtLeast32Seconds() {
      // RFC 3261 §17.1.1.2: timer D "at least 32 seconds"
      TimerConfig fast = new TimerConfig(Duration.ofMillis(100), Duration.ofSeconds(4), Duration.ofSeconds(5));
      assertThat(TimerName.B.duration(fast, false)).isEqualTo(Duration.ofMillis(6_400));
      assertThat(TimerName.D.duration(fast, false)).isEqualTo(Duration.ofSeconds(32));
      TimerConfig slow = new TimerConfig(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(5));
      assertThat(TimerName.D.duration(slow, false)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void backsOffDoublingUpToT2() {
      // RFC 3261 §17.1.2.2: "MIN(2*T1, T2)"
      assertThat(defaults.backoff(Duration.ofMillis(500))).isEqualTo(Duration.ofSeconds(1));
      assertThat(defaults.backoff(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
      assertThat(defaults.backoff(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void refusesT2BelowT1() {
      assertThatThrownBy(() -> new TimerConfig(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(5)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
