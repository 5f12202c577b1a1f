// SPDX-License-Identifier: Apache-2.0
/**
 * URIs of the SIP message layer: {@link dev.switchboard.message.uri.SipUri} (RFC 3261 §19.1),
 * {@link dev.switchboard.message.uri.TelUri} (RFC 3966) and, for every other scheme, the opaque
 * {@link dev.switchboard.message.uri.AbsoluteUri}.
 *
 * <p>All types are immutable and safe to share between threads. Parsing never throws on bad input:
 * it returns a {@link dev.switchboard.message.parse.ParseResult} whose fault reason is fit to be
 * the phrase of a {@code 400} response. Parsers are hand-written single passes over the text,
 * without regular expressions, because a Request-URI is parsed for every request.
 */
package dev.switchboard.message.uri;
