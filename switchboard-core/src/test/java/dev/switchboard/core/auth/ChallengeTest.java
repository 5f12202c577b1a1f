// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.core.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.header.AuthValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  @Test
  void offersSha256BeforeMd5() {
    // RFC 8760 §2.4, RFC 7616 §3.7
    List<AuthValue> c = Challenge.digest("example.com", "abc", null, false);
    assertThat(c).extracting(v -> v.param("algorithm").orElseThrow()).containsExactly("SHA-256", "MD5");
    assertThat(c.get(0).toString()).isEqualTo(
        "Digest realm=\"example.com\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth\"");
    assertThat(c.get(0).parameters().contains("stale")).isFalse();
  }

  @Test
  void staleAndOpaqueWhenAsked() {
    AuthValue v = Challenge.digest(DigestAlgorithm.MD5, "ex\"ample", "abc", "op", true);
    assertThat(v.param("stale")).contains("true");
    assertThat(v.param("opaque")).contains("op");
    assertThat(v.param("realm")).contains("ex\"ample");
    assertThat(v.param("qop")).contains("auth");
  }

  @Test
  void roundTripsThroughTheParserAndIssuesAValidNonce() {
    MutableClock clock = new MutableClock();
    NonceService nonces = new NonceService(NonceServiceTest.SECRET, clock);
    AuthValue v = Challenge.issue(nonces, "example.com", false).get(0);
    AuthValue parsed = AuthValue.parse(v.toString()).value();
    assertThat(parsed).isEqualTo(v);
    assertThat(nonces.check(parsed.param("nonce").orElseThrow(), "example.com"))
        .isEqualTo(NonceService.Status.VALID);
  }
}
