// SPDX-License-Identifier: Apache-2.0
/**
 * Digest authentication for the registrar and proxy (RFC 3261 section 22, RFC 7616, RFC 8760): a
 * pure library with no sockets and no storage.
 *
 * <p>{@link dev.switchboard.core.auth.Challenge} builds WWW-Authenticate / Proxy-Authenticate
 * values around nonces from {@link dev.switchboard.core.auth.NonceService};
 * {@link dev.switchboard.core.auth.DigestVerifier} checks Authorization / Proxy-Authorization
 * against stored {@link dev.switchboard.core.auth.Ha1} hashes; {@link
 * dev.switchboard.core.auth.Lockout} slows password guessing. Time always comes from an injected
 * {@link java.time.Clock}.
 */
package dev.switchboard.core.auth;
