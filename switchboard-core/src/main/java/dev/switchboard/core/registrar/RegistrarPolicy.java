// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.registrar;

import java.time.Duration;
import java.util.Objects;

/**
 * The registrar's limits (RFC 3261 section 10.3 step 7).
 *
 * @param minExpires the shortest registration accepted; shorter ones get 423 with Min-Expires
 * @param maxExpires the longest registration granted; longer requests are cut to it
 * @param defaultExpires what a contact gets when neither it nor the request says
 * @param thirdParty whether an authenticated user may register addresses of record other than its
 *     own (section 10.2: third-party registration); off by default, which answers 403
 */
public record RegistrarPolicy(
    Duration minExpires, Duration maxExpires, Duration defaultExpires, boolean thirdParty) {

  /** 60 s minimum, 1 day maximum, 3600 s by default, no third-party registration. */
  public static final RegistrarPolicy DEFAULT =
      new RegistrarPolicy(
          Duration.ofSeconds(60), Duration.ofDays(1), Duration.ofSeconds(3600), false);

  /**
   * Checks that minExpires &lt;= defaultExpires &lt;= maxExpires, all whole seconds, at least 1 s.
   */
  public RegistrarPolicy {
    Objects.requireNonNull(minExpires, "minExpires");
    Objects.requireNonNull(maxExpires, "maxExpires");
    Objects.requireNonNull(defaultExpires, "defaultExpires");
    if (minExpires.getSeconds() < 1) {
      throw new IllegalArgumentException("minimum expiry must be at least 1 s: " + minExpires);
    }
    if (defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
      throw new IllegalArgumentException(
          "default expiry " + defaultExpires.getSeconds() + " s must lie between the minimum "
              + minExpires.getSeconds() + " s and the maximum " + maxExpires.getSeconds() + " s");
    }
  }
}
