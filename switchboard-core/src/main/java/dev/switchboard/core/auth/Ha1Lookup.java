// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.util.Optional;

/**
 * Finds a user's stored HA1. Implemented by the user store; must be thread-safe if the verifier is
 * shared between threads.
 */
@FunctionalInterface
public interface Ha1Lookup {

  /** The HA1 of {@code username} in {@code realm} for {@code algorithm}; empty for an unknown user. */
  Optional<Ha1> find(String username, String realm, DigestAlgorithm algorithm);
}
