// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.core.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NonceCountsTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void acceptsOnlyRisingCounts() {
    NonceCounts counts = new NonceCounts(clock);
    Instant exp = clock.instant().plus(Duration.ofMinutes(5));
    assertThat(counts.advance("n", 1, exp)).isTrue();
    assertThat(counts.advance("n", 1, exp)).isFalse();
    assertThat(counts.advance("n", 3, exp)).isTrue();
    assertThat(counts.advance("n", 2, exp)).isFalse();
    assertThat(counts.advance("m", 1, exp)).isTrue();
  }

  @Test
  void dropsExpiredNoncesAndStaysBounded() {
    NonceCounts counts = new NonceCounts(clock, 3);
    Instant exp = clock.instant().plus(Duration.ofMinutes(5));
    counts.advance("a", 1, exp);
    counts.advance("b", 1, exp);
    clock.advance(Duration.ofMinutes(6));
    counts.advance("c", 1, clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(counts.size()).isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      counts.advance("x" + i, 1, clock.instant().plus(Duration.ofMinutes(5)));
    }
    assertThat(counts.size()).isLessThanOrEqualTo(3);
  }
}
