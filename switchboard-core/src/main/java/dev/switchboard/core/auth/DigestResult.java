// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.util.Objects;

/** What {@link DigestVerifier#verify} decided about one set of credentials. */
public sealed interface DigestResult {

  /** The response was right and the nonce fresh and not replayed. */
  record Authenticated(String username) implements DigestResult {
    /** Checks the username is present. */
    public Authenticated {
      Objects.requireNonNull(username, "username");
    }
  }

  /**
   * The response was right but the nonce has expired: challenge again with {@code stale=true} so
   * the client retries without asking its user (RFC 7616 section 3.3). Not a failure for
   * {@link Lockout}.
   */
  record Stale() implements DigestResult {}

  /**
   * The credentials do not authenticate; challenge again (stale absent) and count a failure.
   *
   * @param reason a short phrase for logs; never sent to the client
   */
  record Rejected(String reason) implements DigestResult {
    /** Checks the reason is present. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
