// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * A URI as SIP carries it in the Request-URI and in name-addr headers (RFC 3261 §19.1, §25.1 {@code
 * Request-URI = SIP-URI / SIPS-URI / absoluteURI}).
 *
 * <p>{@code sip} and {@code sips} parse to {@link SipUri}, {@code tel} to {@link TelUri}, and any
 * other syntactically valid scheme to the opaque {@link AbsoluteUri}: a parser must accept URIs of
 * schemes it does not know (RFC 4475 §3.3.2 to §3.3.4); refusing them is a decision for the
 * element, with {@code 416}. Every implementation is immutable; {@code toString()} is the wire
 * form.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

  /**
   * Parses a URI of any scheme. Faults start with {@code "Bad SIP URI: "}, {@code "Bad tel URI: "}
   * or {@code "Bad URI: "}.
   */
  @SuppressWarnings("unchecked") // ParseResult is immutable, so reading it as a supertype is safe
  static ParseResult<Uri> parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = Schemes.end(text);
    if (colon == Schemes.NO_COLON) {
      return ParseResult.malformed("Bad URI: missing scheme");
    }
    if (colon == Schemes.BAD_CHAR) {
      return ParseResult.malformed("Bad URI: bad scheme");
    }
    ParseResult<? extends Uri> r;
    if (Schemes.is(text, colon, "sip") || Schemes.is(text, colon, "sips")) {
      r = SipUri.parse(text);
    } else if (Schemes.is(text, colon, "tel")) {
      r = TelUri.parse(text);
    } else {
      r = AbsoluteUri.parse(text);
    }
    return (ParseResult<Uri>) r;
  }

  /** The scheme, lower case: {@code sip}, {@code sips}, {@code tel}, ... */
  String scheme();

  /** Appends the wire form. */
  void appendTo(StringBuilder sb);
}
