// SPDX-License-Identifier: Apache-2.0
/**
 * The user agent (RFC 3261 sections 8, 12, 13, 14 and 15; RFC 3428 MESSAGE): a {@link
 * dev.switchboard.core.ua.UserAgent} that registers, places and answers calls, sends and receives
 * MESSAGE and queries OPTIONS, on the transaction layer.
 *
 * <p>Session descriptions are opaque here: a call asks a {@link
 * dev.switchboard.core.ua.SessionNegotiator} for its offers and answers, so the media layer plugs
 * in without this package knowing SDP.
 *
 * <p>Everything is asynchronous: operations return {@link java.util.concurrent.CompletableFuture}s,
 * incoming calls and messages go to a {@link dev.switchboard.core.ua.UaListener}. Futures and
 * listener events complete on the user agent's own event thread, never on a transport or
 * transaction thread, so application code may block there briefly without stalling SIP.
 */
package dev.switchboard.core.ua;
