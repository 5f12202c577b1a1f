// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

/**
 * The typed value of one header field (one element of a comma-separated list).
 *
 * <p>Every implementation is an immutable record whose {@code toString()} is its wire form, so a
 * value parsed and written again reads the same. Header names and their value types are tied
 * together in {@link HeaderName}.
 */
public sealed interface HeaderValue
    permits Address,
        AuthValue,
        CSeq,
        CallId,
        ContentLength,
        Expires,
        MaxForwards,
        MediaType,
        RAck,
        RSeq,
        RetryAfter,
        SipDate,
        Text,
        Timestamp,
        Token,
        Via,
        Warning {}
