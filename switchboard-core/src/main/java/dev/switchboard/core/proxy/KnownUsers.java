// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

/**
 * Whether a user exists in a served domain; tells 404 (no such user) from 480 (known but not
 * registered) in section 16.5. {@code UserDirectory::exists} in the server.
 */
@FunctionalInterface
public interface KnownUsers {
  /** True when {@code user} is a user of served {@code domain}. */
  boolean exists(String user, String domain);
}
