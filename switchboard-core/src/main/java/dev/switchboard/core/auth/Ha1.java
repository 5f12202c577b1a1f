// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stored credential: HA1 = H(username ":" realm ":" password) for one algorithm (RFC 7616
 * section 3.4.2). The user store keeps only these hashes, never passwords.
 *
 * @param algorithm the hash function {@code hex} was made with
 * @param hex the lowercase hex HA1
 */
public record Ha1(DigestAlgorithm algorithm, String hex) {

  /** Checks that both parts are present. */
  public Ha1 {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
  }

  /** HA1 for one algorithm. */
  public static Ha1 compute(DigestAlgorithm algorithm, String username, String realm, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(password, "password");
    return new Ha1(algorithm, algorithm.hex(username + ":" + realm + ":" + password));
  }

  /** HA1 for every supported algorithm, as a user store would save them when a password is set. */
  public static Map<DigestAlgorithm, Ha1> computeAll(String username, String realm, String password) {
    Map<DigestAlgorithm, Ha1> all = new EnumMap<>(DigestAlgorithm.class);
    for (DigestAlgorithm a : DigestAlgorithm.values()) {
      all.put(a, compute(a, username, realm, password));
    }
    return Map.copyOf(all);
  }

  /** Hides the hash: an HA1 is password-equivalent for its realm. */
  @Override
  public String toString() {
    return "Ha1[" + algorithm.token() + "]";
  }
}
