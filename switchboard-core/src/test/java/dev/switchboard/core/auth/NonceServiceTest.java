// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.core.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NonceServiceTest {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

  private final MutableClock clock = new MutableClock();
  private final NonceService nonces = new NonceService(SECRET, clock);

  @Test
  void freshNonceIsValid() {
    String n = nonces.issue("example.com");
    assertThat(n).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(nonces.check(n, "example.com")).isEqualTo(NonceService.Status.VALID);
  }

  @Test
  void noncesIssuedInTheSameMillisecondDiffer() {
    // Two clients with one nonce would both send nc=1; the second would look like a replay.
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(nonces.issue("example.com"))).isTrue();
    }
  }

  @Test
  void nonceOlderThanLifetimeIsStale() {
    // RFC 7616 §3.3 stale
    String n = nonces.issue("example.com");
    clock.advance(Duration.ofMinutes(5));
    assertThat(nonces.check(n, "example.com")).isEqualTo(NonceService.Status.VALID);
    clock.advance(Duration.ofMillis(1));
    assertThat(nonces.check(n, "example.com")).isEqualTo(NonceService.Status.STALE);
  }

  @Test
  void tamperedNonceIsInvalid() {
    String n = nonces.issue("example.com");
    char[] c = n.toCharArray();
    c[3] = c[3] == 'A' ? 'B' : 'A'; // alter the timestamp
    assertThat(nonces.check(new String(c), "example.com")).isEqualTo(NonceService.Status.INVALID);
    assertThat(nonces.check("not a nonce!", "example.com")).isEqualTo(NonceService.Status.INVALID);
    assertThat(nonces.check("", "example.com")).isEqualTo(NonceService.Status.INVALID);
  }

  @Test
  void nonceForAnotherRealmOrSecretIsInvalid() {
    String n = nonces.issue("example.com");
    assertThat(nonces.check(n, "example.org")).isEqualTo(NonceService.Status.INVALID);
    byte[] other = Arrays.copyOf(SECRET, SECRET.length);
    other[0] ^= 1;
    assertThat(new NonceService(other, clock).check(n, "example.com"))
        .isEqualTo(NonceService.Status.INVALID);
  }

  @Test
  void nonceFromTheFutureIsInvalid() {
    MutableClock later = new MutableClock(clock.instant().plus(Duration.ofMinutes(1)));
    String n = new NonceService(SECRET, later).issue("example.com");
    assertThat(nonces.check(n, "example.com")).isEqualTo(NonceService.Status.INVALID);
  }

  @Test
  void shortSecretIsRefused() {
    assertThatThrownBy(() -> new NonceService(new byte[8], clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
