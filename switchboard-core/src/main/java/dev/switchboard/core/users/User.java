// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.users;

import java.util.Objects;

/**
 * One account in the user store: a SIP user name in a domain. The domain is also the digest realm.
 *
 * @param username the user part of the address of record, e.g. {@code alice}
 * @param domain the domain and realm, e.g. {@code example.com}
 */
public record User(String username, String domain) {

  /** Checks that both parts are present. */
  public User {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(domain, "domain");
  }

  /** {@code alice@example.com}. */
  @Override
  public String toString() {
    return username + "@" + domain;
  }
}
