// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.header.AuthValue;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client side of Digest (RFC 3261 section 22.2, RFC 7616 section 3.4): picks the first
 * challenge whose algorithm we support (RFC 8760 section 2.4 lists them in the server's order of
 * preference) and computes the credentials for a request.
 *
 * <p>Thread-safe; its nonce-count is per instance, so a UA keeps one instance per credentials set
 * and realm and may reuse a nonce with a rising nc, as RFC 7616 section 3.4 allows.
 */
public final class DigestClient {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String username;
  private final String password;
  private long nc; // Guarded by this.
  private String lastNonce; // Guarded by this.

  /** Credentials of {@code username} with {@code password}. */
  public DigestClient(String username, String password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
  }

  /**
   * The first challenge of {@code challenges} (WWW-Authenticate or Proxy-Authenticate values) that
   * is Digest with an algorithm we support; empty if none is.
   */
  public static Optional<AuthValue> pick(List<AuthValue> challenges) {
    return challenges.stream()
        .filter(c -> c.scheme().equalsIgnoreCase("Digest"))
        .filter(c -> c.param("realm").isPresent() && c.param("nonce").isPresent())
        .filter(c -> DigestAlgorithm.fromToken(c.param("algorithm").orElse(null)).isPresent())
        .findFirst();
  }

  /**
   * Credentials answering {@code challenge} for a request with {@code method} and {@code uri}
   * (the Request-URI as text): qop=auth when the challenge offers it, else the RFC 2069 form.
   *
   * @throws IllegalArgumentException if the challenge is not one {@link #pick} would choose
   */
  public synchronized AuthValue answer(AuthValue challenge, String method, String uri) {
    String realm = challenge.param("realm").orElseThrow(() -> new IllegalArgumentException("no realm"));
    String nonce = challenge.param("nonce").orElseThrow(() -> new IllegalArgumentException("no nonce"));
    Optional<String> algorithmToken = challenge.param("algorithm");
    DigestAlgorithm algorithm =
        DigestAlgorithm.fromToken(algorithmToken.orElse(null))
            .orElseThrow(() -> new IllegalArgumentException("unsupported algorithm " + algorithmToken.get()));
    Ha1 ha1 = Ha1.compute(algorithm, username, realm, password);
    Parameters.Builder p =
        Parameters.builder()
            .add("username", Challenge.quote(username))
            .add("realm", Challenge.quote(realm))
            .add("nonce", Challenge.quote(nonce))
            .add("uri", Challenge.quote(uri));
    boolean qopAuth =
        challenge.param("qop").stream()
            .flatMap(q -> List.of(q.split(",")).stream())
            .anyMatch(q -> q.strip().equalsIgnoreCase("auth"));
    if (qopAuth) {
      nc = nonce.equals(lastNonce) ? nc + 1 : 1;
      lastNonce = nonce;
      String ncText = String.format("%08x", nc);
      byte[] c = new byte[8];
      RANDOM.nextBytes(c);
      String cnonce = HexFormat.of().formatHex(c);
      p.add("response", Challenge.quote(
              DigestResponse.withQop(ha1, nonce, ncText, cnonce, "auth", method, uri)))
          .add("cnonce", Challenge.quote(cnonce))
          .add("qop", "auth")
          .add("nc", ncText);
    } else {
      p.add("response", Challenge.quote(DigestResponse.withoutQop(ha1, nonce, method, uri)));
    }
    if (algorithmToken.isPresent()) {
      p.add("algorithm", algorithm.token());
    }
    challenge.param("opaque").ifPresent(o -> p.add("opaque", Challenge.quote(o)));
    return new AuthValue("Digest", p.build());
  }
}
