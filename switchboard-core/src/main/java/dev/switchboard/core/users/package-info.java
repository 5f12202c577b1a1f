// SPDX-License-Identifier: Apache-2.0
/**
 * The user store: SIP accounts in an embedded H2 database in the data folder, kept as HA1 hashes
 * only (RFC 7616 section 3.4.2), never as passwords. {@link dev.switchboard.core.users.UserStore}
 * is what the {@code switchboard user} command writes and what the registrar reads through {@link
 * dev.switchboard.core.auth.Ha1Lookup}.
 */
package dev.switchboard.core.users;
