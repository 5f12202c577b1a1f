// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.header.AuthValue;
import java.util.List;
import java.util.Objects;

/**
 * Builds Digest challenges for WWW-Authenticate (401) and Proxy-Authenticate (407) (RFC 3261
 * sections 22.2 and 22.3, RFC 7616 section 3.3). Stateless and thread-safe.
 */
public final class Challenge {
  /** The algorithms offered, most preferred first (RFC 8760 section 2.4, RFC 7616 section 3.7). */
  public static final List<DigestAlgorithm> OFFERED = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

  private Challenge() {}

  /**
   * One challenge per {@link #OFFERED} algorithm, SHA-256 first, all with the same nonce: "the
   * server ... MUST [list] the challenges in order of preference" (RFC 7616 section 3.7). Add each
   * as its own header field.
   *
   * @param opaque returned unchanged by the client; {@code null} to omit
   * @param stale true when the client's nonce expired but its response was right (RFC 7616
   *     section 3.3), so it may retry without asking the user
   */
  public static List<AuthValue> digest(String realm, String nonce, String opaque, boolean stale) {
    return digest(OFFERED, realm, nonce, opaque, stale);
  }

  /** Like {@link #digest(String, String, String, boolean)} for the {@code offered} algorithms, in order. */
  public static List<AuthValue> digest(
      List<DigestAlgorithm> offered, String realm, String nonce, String opaque, boolean stale) {
    return offered.stream().map(a -> digest(a, realm, nonce, opaque, stale)).toList();
  }

  /** A fresh nonce from {@code nonces} in challenges for every offered algorithm. */
  public static List<AuthValue> issue(NonceService nonces, String realm, boolean stale) {
    return digest(realm, nonces.issue(realm), null, stale);
  }

  /** One challenge for {@code algorithm}. */
  public static AuthValue digest(
      DigestAlgorithm algorithm, String realm, String nonce, String opaque, boolean stale) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(nonce, "nonce");
    // Values keep their quotes on the wire (Parameters); realm, nonce, opaque and qop are
    // quoted-strings, algorithm and stale are tokens (RFC 7616 section 3.3).
    Parameters.Builder p = Parameters.builder()
        .add("realm", quote(realm))
        .add("nonce", quote(nonce));
    if (opaque != null) {
      p.add("opaque", quote(opaque));
    }
    p.add("algorithm", algorithm.token()).add("qop", "\"auth\"");
    if (stale) {
      p.add("stale", "true");
    }
    return new AuthValue("Digest", p.build());
  }

  /** A quoted-string: backslash-escapes {@code "} and {@code \} (RFC 3261 section 25.1). */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
