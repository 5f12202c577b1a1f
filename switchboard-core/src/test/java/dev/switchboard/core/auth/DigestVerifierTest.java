// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.core.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.header.AuthValue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DigestVerifierTest {
  static final String REALM = "example.com";
  static final String URI = "sip:example.com";

  private final MutableClock clock = new MutableClock();
  private final NonceService nonces = new NonceService(NonceServiceTest.SECRET, clock);
  private final Map<DigestAlgorithm, Ha1> alice = Ha1.computeAll("alice", REALM, "secret");
  private final Ha1Lookup users = (user, realm, alg) ->
      user.equals("alice") && realm.equals(REALM) ? Optional.of(alice.get(alg)) : Optional.empty();
  private final DigestVerifier verifier = new DigestVerifier(nonces, new NonceCounts(clock), users);

  /** Credentials as a client computes them, from the password it knows. */
  static AuthValue credentials(DigestAlgorithm alg, String user, String password, String nonce, String nc) {
    Ha1 ha1 = Ha1.compute(alg, user, REALM, password);
    String response = DigestResponse.withQop(ha1, nonce, nc, "c0ffee", "auth", "REGISTER", URI);
    return new AuthValue("Digest", Parameters.builder()
        .add("username", "\"" + user + "\"")
        .add("realm", "\"" + REALM + "\"")
        .add("nonce", "\"" + nonce + "\"")
        .add("uri", "\"" + URI + "\"")
        .add("response", "\"" + response + "\"")
        .add("algorithm", alg.token())
        .add("cnonce", "\"c0ffee\"")
        .add("qop", "auth")
        .add("nc", nc)
        .build());
  }

  private DigestResult verify(AuthValue c) {
    return verifier.verify("REGISTER", c, REALM);
  }

  @Nested
  class Section22_4 {
    @Test
    void rightSha256ResponseAuthenticates() {
      // RFC 7616 §3.4.1
      String n = nonces.issue(REALM);
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000001")))
          .isEqualTo(new DigestResult.Authenticated("alice"));
    }

    @Test
    void rightMd5ResponseParsedFromTheWireAuthenticates() {
      // RFC 3261 §22.4; absent algorithm means MD5
      String n = nonces.issue(REALM);
      String resp = DigestResponse.withQop(alice.get(DigestAlgorithm.MD5), n, "00000001", "xyz",
          "auth", "REGISTER", URI);
      AuthValue c = AuthValue.parse("Digest username=\"alice\", realm=\"example.com\", nonce=\"" + n
          + "\", uri=\"" + URI + "\", response=\"" + resp + "\", cnonce=\"xyz\", qop=auth, nc=00000001")
          .value();
      assertThat(verify(c)).isEqualTo(new DigestResult.Authenticated("alice"));
    }

    @Test
    void noQopFormAuthenticates() {
      // RFC 2617 §3.2.2.1 / RFC 2069 compatibility, RFC 3261 §22.4
      String n = nonces.issue(REALM);
      String resp = DigestResponse.withoutQop(alice.get(DigestAlgorithm.MD5), n, "REGISTER", URI);
      AuthValue c = new AuthValue("Digest", Parameters.of("username", "\"alice\"", "realm",
          "\"example.com\"", "nonce", "\"" + n + "\"", "uri", "\"" + URI + "\"", "response",
          "\"" + resp + "\""));
      assertThat(verify(c)).isEqualTo(new DigestResult.Authenticated("alice"));
    }

    @Test
    void wrongPasswordIsRejected() {
      String n = nonces.issue(REALM);
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "guess", n, "00000001")))
          .isEqualTo(new DigestResult.Rejected("wrong response"));
    }

    @Test
    void wrongMethodIsRejected() {
      String n = nonces.issue(REALM);
      AuthValue c = credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000001");
      assertThat(verifier.verify("INVITE", c, REALM)).isInstanceOf(DigestResult.Rejected.class);
    }

    @Test
    void unknownUserIsRejected() {
      String n = nonces.issue(REALM);
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "mallory", "secret", n, "00000001")))
          .isEqualTo(new DigestResult.Rejected("unknown user"));
    }

    @Test
    void missingParameterIsRejected() {
      AuthValue c = new AuthValue("Digest", Parameters.of("username", "\"alice\""));
      assertThat(verify(c)).isEqualTo(new DigestResult.Rejected("missing parameter"));
      assertThat(verify(new AuthValue("Basic", Parameters.empty())))
          .isEqualTo(new DigestResult.Rejected("not Digest"));
    }

    @Test
    void unsupportedAlgorithmOrQopIsRejected() {
      String n = nonces.issue(REALM);
      AuthValue c = credentials(DigestAlgorithm.MD5, "alice", "secret", n, "00000001");
      assertThat(verify(new AuthValue("Digest", c.parameters().with("algorithm", "MD5-sess"))))
          .isEqualTo(new DigestResult.Rejected("unsupported algorithm"));
      assertThat(verify(new AuthValue("Digest", c.parameters().with("qop", "auth-int"))))
          .isEqualTo(new DigestResult.Rejected("unsupported qop"));
      assertThat(verify(new AuthValue("Digest", c.parameters().with("nc", "1"))))
          .isEqualTo(new DigestResult.Rejected("bad nonce count"));
    }
  }

  @Nested
  class Nonces {
    @Test
    void rightResponseWithExpiredNonceIsStale() {
      // RFC 7616 §3.3: stale=true lets the client retry without the user
      String n = nonces.issue(REALM);
      clock.advance(Duration.ofMinutes(6));
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000001")))
          .isEqualTo(new DigestResult.Stale());
    }

    @Test
    void wrongResponseWithExpiredNonceIsRejected() {
      String n = nonces.issue(REALM);
      clock.advance(Duration.ofMinutes(6));
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "guess", n, "00000001")))
          .isEqualTo(new DigestResult.Rejected("wrong response"));
    }

    @Test
    void tamperedNonceIsRejected() {
      String n = nonces.issue(REALM);
      String bad = (n.charAt(0) == 'A' ? 'B' : 'A') + n.substring(1);
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "secret", bad, "00000001")))
          .isEqualTo(new DigestResult.Rejected("bad nonce"));
    }

    @Test
    void nonceForAnotherRealmIsRejected() {
      String n = nonces.issue("other.example.com");
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000001")))
          .isEqualTo(new DigestResult.Rejected("bad nonce"));
    }

    @Test
    void credentialsForAnotherRealmAreRejected() {
      String n = nonces.issue(REALM);
      AuthValue c = credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000001");
      assertThat(verifier.verify("REGISTER", c, "other.example.com"))
          .isEqualTo(new DigestResult.Rejected("wrong realm"));
    }

    @Test
    void replayedNonceCountIsRejected() {
      // RFC 7616 §3.4 / §5.12
      String n = nonces.issue(REALM);
      AuthValue c = credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000002");
      assertThat(verify(c)).isInstanceOf(DigestResult.Authenticated.class);
      assertThat(verify(c)).isEqualTo(new DigestResult.Rejected("replayed nonce count"));
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000001")))
          .isEqualTo(new DigestResult.Rejected("replayed nonce count"));
    }

    @Test
    void risingNonceCountOnOneNonceIsAccepted() {
      // baresip and linphone reuse a nonce for re-REGISTERs with nc 1, 2, 3 ...
      String n = nonces.issue(REALM);
      for (String nc : new String[] {"00000001", "00000002", "00000003", "0000000a"}) {
        clock.advance(Duration.ofSeconds(30));
        assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, nc)))
            .isEqualTo(new DigestResult.Authenticated("alice"));
      }
    }

    @Test
    void forgedResponseDoesNotBurnTheNonceCount() {
      String n = nonces.issue(REALM);
      verify(credentials(DigestAlgorithm.SHA_256, "alice", "guess", n, "00000005"));
      assertThat(verify(credentials(DigestAlgorithm.SHA_256, "alice", "secret", n, "00000001")))
          .isEqualTo(new DigestResult.Authenticated("alice"));
    }
  }
}
