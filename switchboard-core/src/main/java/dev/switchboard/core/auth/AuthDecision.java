// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.message.SipResponse;
import java.util.Objects;

/** What {@link DigestAuthenticator#authenticate} decided for one request. */
public sealed interface AuthDecision {

  /** The request carries valid credentials of {@code username} in {@code realm}. */
  record Authenticated(String username, String realm) implements AuthDecision {
    /** Checks both are present. */
    public Authenticated {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(realm, "realm");
    }
  }

  /**
   * The request must be answered with {@code response} and not processed: a 401/407 challenge, a
   * 403 with Retry-After for a locked user or address, or a 400 for unusable credentials. The
   * caller adds its To tag and Server header and sends it.
   */
  record Refused(SipResponse.Builder response) implements AuthDecision {
    /** Checks the response is present. */
    public Refused {
      Objects.requireNonNull(response, "response");
    }
  }
}
