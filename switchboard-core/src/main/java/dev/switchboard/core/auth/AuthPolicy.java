// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link DigestAuthenticator} challenges and when it locks out.
 *
 * @param algorithms the algorithms offered, most preferred first (RFC 8760 section 2.4: SHA-256
 *     before MD5); never empty
 * @param nonceLifetime how long a nonce stays fresh before it is answered with {@code stale=true}
 * @param maxFailures failed attempts within {@code failureWindow} that lock a user or an address
 * @param failureWindow the window those failures must fall in
 * @param coolDown how long a locked user or address gets 403 with Retry-After
 */
public record AuthPolicy(
    List<DigestAlgorithm> algorithms,
    Duration nonceLifetime,
    int maxFailures,
    Duration failureWindow,
    Duration coolDown) {

  /** The defaults of the issue: SHA-256 and MD5, 5 minute nonces, 5 failures a minute lock for 5 minutes. */
  public static final AuthPolicy DEFAULT =
      new AuthPolicy(
          Challenge.OFFERED,
          NonceService.DEFAULT_LIFETIME,
          Lockout.DEFAULT_MAX_FAILURES,
          Lockout.DEFAULT_WINDOW,
          Lockout.DEFAULT_COOL_DOWN);

  /** Checks every field. */
  public AuthPolicy {
    algorithms = List.copyOf(algorithms);
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one digest algorithm must be offered");
    }
    if (algorithms.stream().distinct().count() != algorithms.size()) {
      throw new IllegalArgumentException("an algorithm is listed twice: " + algorithms);
    }
    requirePositive(nonceLifetime, "nonceLifetime");
    requirePositive(failureWindow, "failureWindow");
    requirePositive(coolDown, "coolDown");
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
