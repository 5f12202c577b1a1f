// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import static dev.switchboard.core.auth.NonceCounts.Verdict.FORGOTTEN;
import static dev.switchboard.core.auth.NonceCounts.Verdict.FRESH;
import static dev.switchboard.core.auth.NonceCounts.Verdict.REPLAYED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NonceCountsTest {
  private final MutableClock clock = new MutableClock();

  private Instant inMinutes(long m) {
    return clock.instant().plus(Duration.ofMinutes(m));
  }

  @Test
  void acceptsOnlyRisingCounts() {
    // RFC 7616 section 3.4: nc rises with each use of a nonce.
    NonceCounts counts = new NonceCounts(clock);
    Instant exp = inMinutes(5);
    assertThat(counts.advance("n", 1, exp)).isEqualTo(FRESH);
    assertThat(counts.advance("n", 1, exp)).isEqualTo(REPLAYED);
    assertThat(counts.advance("n", 3, exp)).isEqualTo(FRESH);
    assertThat(counts.advance("n", 2, exp)).isEqualTo(REPLAYED);
    assertThat(counts.advance("m", 1, exp)).isEqualTo(FRESH);
  }

  @Test
  void dropsExpiredNoncesAndStaysBounded() {
    NonceCounts counts = new NonceCounts(clock, 3);
    counts.advance("a", 1, inMinutes(5));
    counts.advance("b", 1, inMinutes(5));
    clock.advance(Duration.ofMinutes(6));
    counts.advance("c", 1, inMinutes(5));
    assertThat(counts.size()).isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      counts.advance("x" + i, 1, inMinutes(5));
      clock.advance(Duration.ofMillis(1));
    }
    assertThat(counts.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void aLiveNonceDroppedForRoomIsNeverAcceptedAgain() {
    NonceCounts counts = new NonceCounts(clock, 2);
    Instant early = inMinutes(5);
    counts.advance("old", 1, early);
    clock.advance(Duration.ofSeconds(1));
    counts.advance("mid", 1, inMinutes(5));
    clock.advance(Duration.ofSeconds(1));
    counts.advance("new", 1, inMinutes(5)); // drops "old", still live
    assertThat(counts.advance("old", 1, early)).isEqualTo(FORGOTTEN);
    // A nonce issued later than the dropped one is unaffected.
    assertThat(counts.advance("newer", 1, inMinutes(5))).isEqualTo(FRESH);
  }
}
