// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.MutableClock;
import dev.switchboard.message.header.AuthValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestClientTest {
  private final MutableClock clock = new MutableClock();
  private final NonceService nonces = new NonceService(NonceServiceTest.SECRET, clock);
  private final Ha1Lookup users =
      (u, r, a) -> u.equals("alice") ? Optional.of(Ha1.compute(a, "alice", r, "secret")) : Optional.empty();
  private final DigestVerifier verifier = new DigestVerifier(nonces, new NonceCounts(clock), users);

  @Test
  void picksTheFirstChallengeWithASupportedAlgorithm() {
    // RFC 8760 section 2.4: the server lists its preference first; skip what we cannot do.
    List<AuthValue> offered = List.of(
        AuthValue.parse("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256").value(),
        AuthValue.parse("Basic realm=\"x\"").value(),
        AuthValue.parse("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-256").value(),
        AuthValue.parse("Digest realm=\"x\", nonce=\"n\", algorithm=MD5").value());
    assertThat(DigestClient.pick(offered).orElseThrow().param("algorithm")).contains("SHA-256");
  }

  @Test
  void answersEveryOfferedAlgorithmSoThatTheServerAuthenticates() {
    // One nonce for both algorithms: one client, so the nonce-count rises across them.
    DigestClient client = new DigestClient("alice", "secret");
    for (AuthValue challenge : Challenge.digest("example.com", nonces.issue("example.com"), "op", false)) {
      AuthValue creds = client.answer(challenge, "INVITE", "sip:bob@example.com");
      assertThat(creds.param("opaque")).contains("op");
      assertThat(verifier.verify("INVITE", creds, "example.com"))
          .isEqualTo(new DigestResult.Authenticated("alice"));
    }
  }

  @Test
  void reusingANonceRaisesTheNonceCount() {
    AuthValue challenge = Challenge.digest(DigestAlgorithm.MD5, "example.com", nonces.issue("example.com"), null, false);
    DigestClient client = new DigestClient("alice", "secret");
    assertThat(client.answer(challenge, "REGISTER", "sip:example.com").param("nc")).contains("00000001");
    assertThat(client.answer(challenge, "REGISTER", "sip:example.com").param("nc")).contains("00000002");
  }

  @Test
  void challengeWithoutQopIsAnsweredInTheRfc2069Form() {
    AuthValue challenge = AuthValue.parse("Digest realm=\"example.com\", nonce=\"" + nonces.issue("example.com") + "\"").value();
    AuthValue creds = new DigestClient("alice", "secret").answer(challenge, "REGISTER", "sip:example.com");
    assertThat(creds.param("qop")).isEmpty();
    assertThat(creds.param("algorithm")).isEmpty();
    assertThat(verifier.verify("REGISTER", creds, "example.com")).isEqualTo(new DigestResult.Authenticated("alice"));
  }
}
