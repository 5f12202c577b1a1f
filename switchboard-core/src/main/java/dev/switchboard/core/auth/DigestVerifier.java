// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.message.header.AuthValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks Digest credentials from Authorization or Proxy-Authorization (RFC 3261 section 22.4, RFC
 * 7616 section 3.4) against stored {@link Ha1} hashes.
 *
 * <p>Order of checks: scheme and parameters, realm, nonce MAC, user, response (in constant time),
 * nonce age, nonce-count. The nonce-count is recorded only after the response proved the sender
 * knows the password, so a forger cannot burn a legitimate client's counts.
 *
 * <p>Not checked here: that {@code uri} matches the Request-URI (RFC 7616 section 3.4.6; the
 * caller compares it, since URI equality belongs to the message layer), {@code opaque}, qop=auth-int,
 * {@code -sess} algorithms and {@code userhash}. Thread-safe when its {@link Ha1Lookup} is.
 */
public final class DigestVerifier {
  private final NonceService nonces;
  private final NonceCounts counts;
  private final Ha1Lookup users;

  /** A verifier using our nonces, a replay tracker and the user store. */
  public DigestVerifier(NonceService nonces, NonceCounts counts, Ha1Lookup users) {
    this.nonces = Objects.requireNonNull(nonces, "nonces");
    this.counts = Objects.requireNonNull(counts, "counts");
    this.users = Objects.requireNonNull(users, "users");
  }

  /**
   * Verifies {@code credentials} for a request.
   *
   * @param method the request method, as in the request line (HA2 uses it, RFC 3261 section 22.4)
   * @param credentials the parsed Authorization / Proxy-Authorization value
   * @param realm the realm this server challenged with; credentials for another realm are rejected
   */
  public DigestResult verify(String method, AuthValue credentials, String realm) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(realm, "realm");
    if (!"Digest".equalsIgnoreCase(credentials.scheme())) {
      return reject("not Digest");
    }
    Optional<String> username = credentials.param("username");
    Optional<String> gotRealm = credentials.param("realm");
    Optional<String> nonce = credentials.param("nonce");
    Optional<String> uri = credentials.param("uri");
    Optional<String> response = credentials.param("response");
    if (username.isEmpty() || gotRealm.isEmpty() || nonce.isEmpty() || uri.isEmpty()
        || response.isEmpty()) {
      return reject("missing parameter");
    }
    Optional<DigestAlgorithm> algorithm =
        DigestAlgorithm.fromToken(credentials.param("algorithm").orElse(null));
    if (algorithm.isEmpty()) {
      return reject("unsupported algorithm");
    }
    if (!gotRealm.get().equals(realm)) {
      return reject("wrong realm");
    }
    NonceService.Status status = nonces.check(nonce.get(), realm);
    if (status == NonceService.Status.INVALID) {
      return reject("bad nonce");
    }
    Optional<Ha1> ha1 = users.find(username.get(), realm, algorithm.get());
    if (ha1.isEmpty()) {
      return reject("unknown user");
    }
    if (ha1.get().algorithm() != algorithm.get()) {
      throw new IllegalStateException("Ha1Lookup returned " + ha1.get() + " for " + algorithm.get());
    }
    // qop: "auth" (RFC 7616) or absent (RFC 2069 form, RFC 3261 section 22.4 backwards compatibility).
    Optional<String> qop = credentials.param("qop");
    long nc = 0;
    String expected;
    if (qop.isPresent()) {
      if (!qop.get().equalsIgnoreCase("auth")) {
        return reject("unsupported qop");
      }
      Optional<String> ncText = credentials.param("nc");
      Optional<String> cnonce = credentials.param("cnonce");
      if (ncText.isEmpty() || cnonce.isEmpty()) {
        return reject("missing nc or cnonce");
      }
      nc = parseNc(ncText.get());
      if (nc < 0) {
        return reject("bad nonce count");
      }
      expected = DigestResponse.withQop(ha1.get(), nonce.get(), ncText.get(), cnonce.get(),
          qop.get(), method, uri.get());
    } else {
      expected = DigestResponse.withoutQop(ha1.get(), nonce.get(), method, uri.get());
    }
    // Constant-time comparison; the hex from the client is compared lowercase.
    byte[] want = expected.getBytes(StandardCharsets.US_ASCII);
    byte[] got = response.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(want, got)) {
      return reject("wrong response");
    }
    if (status == NonceService.Status.STALE) {
      return new DigestResult.Stale();
    }
    if (qop.isPresent()) {
      // RFC 7616 section 3.4: nc lets the server detect replays; it must rise for each reuse.
      Instant expiresAt = nonces.expiresAt(nonce.get()).orElseThrow();
      switch (counts.advance(nonce.get(), nc, expiresAt)) {
        case REPLAYED:
          return reject("replayed nonce count");
        case FORGOTTEN:
          return new DigestResult.Stale(); // a fresh nonce costs the client one round trip
        case FRESH:
          break;
      }
    }
    return new DigestResult.Authenticated(username.get());
  }

  private static DigestResult reject(String reason) {
    return new DigestResult.Rejected(reason);
  }

  /** nc-value = 8LHEX (RFC 7616 section 3.4); -1 when malformed. */
  private static long parseNc(String nc) {
    if (nc.length() != 8) {
      return -1;
    }
    try {
      return Long.parseLong(nc, 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
