// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.core.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutTest {
  private final MutableClock clock = new MutableClock();
  private final Lockout lockout = new Lockout(clock);

  @Test
  void fiveFailuresInAMinuteLockForTheCoolDown() {
    for (int i = 0; i < 4; i++) {
      lockout.recordFailure("alice");
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(lockout.isLocked("alice")).isFalse();
    lockout.recordFailure("alice");
    assertThat(lockout.isLocked("alice")).isTrue();
    assertThat(lockout.retryAfterSeconds("alice")).isEqualTo(300);
    clock.advance(Duration.ofMinutes(4).plusMillis(500));
    assertThat(lockout.retryAfterSeconds("alice")).isEqualTo(60);
    clock.advance(Duration.ofSeconds(60));
    assertThat(lockout.isLocked("alice")).isFalse();
    assertThat(lockout.retryAfterSeconds("alice")).isZero();
  }

  @Test
  void failuresSpreadOverMoreThanAMinuteDoNotLock() {
    for (int i = 0; i < 10; i++) {
      lockout.recordFailure("10.0.0.1");
      clock.advance(Duration.ofSeconds(15));
    }
    assertThat(lockout.isLocked("10.0.0.1")).isFalse();
  }

  @Test
  void keysAreIndependentAndSuccessResetsOnlyItsOwn() {
    for (int i = 0; i < 4; i++) {
      lockout.recordFailure("alice");
      lockout.recordFailure("10.0.0.1");
    }
    lockout.recordSuccess("alice");
    lockout.recordFailure("alice");
    lockout.recordFailure("10.0.0.1");
    assertThat(lockout.isLocked("alice")).isFalse();
    assertThat(lockout.isLocked("10.0.0.1")).isTrue();
    assertThat(lockout.isLocked("bob")).isFalse();
  }

  @Test
  void successDoesNotLiftALock() {
    for (int i = 0; i < 5; i++) {
      lockout.recordFailure("alice");
    }
    lockout.recordSuccess("alice");
    assertThat(lockout.isLocked("alice")).isTrue();
  }

  @Test
  void memoryIsBounded() {
    Lockout small = new Lockout(clock, 5, Duration.ofMinutes(1), Duration.ofMinutes(5), 10);
    for (int i = 0; i < 100; i++) {
      small.recordFailure("k" + i);
    }
    assertThat(small.size()).isLessThanOrEqualTo(10);
  }
}
