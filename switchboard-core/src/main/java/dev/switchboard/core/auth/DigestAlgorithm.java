// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The digest hash functions we accept (RFC 7616 section 3.4.2, RFC 8760 section 2.1).
 *
 * <p>The {@code -sess} variants and SHA-512-256 are not supported: no SIP client we test with sends
 * them. Thread-safe.
 */
public enum DigestAlgorithm {
  /** MD5, the RFC 3261 default; kept for old clients (RFC 8760 section 2.4). */
  MD5("MD5", "MD5"),
  /** SHA-256, offered first (RFC 8760 section 2.4). */
  SHA_256("SHA-256", "SHA-256");

  private static final HexFormat HEX = HexFormat.of();

  private final String token;
  private final String jcaName;

  DigestAlgorithm(String token, String jcaName) {
    this.token = token;
    this.jcaName = jcaName;
  }

  /** The {@code algorithm=} token, e.g. {@code SHA-256}. */
  public String token() {
    return token;
  }

  /** H(data): the lowercase hex hash of the UTF-8 bytes of {@code data} (RFC 7616 section 3.4.2). */
  public String hex(String data) {
    return HEX.formatHex(digest().digest(data.getBytes(StandardCharsets.UTF_8)));
  }

  private MessageDigest digest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5 and SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException(jcaName + " missing from this JVM", e);
    }
  }

  /**
   * The algorithm named by an {@code algorithm=} token, compared without case; {@code null} (the
   * parameter is absent) means MD5 (RFC 3261 section 20.27, RFC 7616 section 3.3). Empty for an
   * unsupported token.
   */
  public static Optional<DigestAlgorithm> fromToken(String token) {
    if (token == null) {
      return Optional.of(MD5);
    }
    for (DigestAlgorithm a : values()) {
      if (a.token.equalsIgnoreCase(token)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
