// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.parse.ParseResult;

/** Small helpers shared by the URI tests. */
final class UriAssertions {
  private UriAssertions() {}

  /** Parses a SIP URI that must be valid. */
  static SipUri sip(String text) {
    ParseResult<SipUri> r = SipUri.parse(text);
    assertThat(r.isParsed()).as("parse %s: %s", text, r).isTrue();
    return r.value();
  }

  /** The fault reason for a SIP URI that must be rejected. */
  static String sipFault(String text) {
    return fault(SipUri.parse(text), text);
  }

  /** The fault reason of a result that must be malformed. */
  static String fault(ParseResult<?> r, String text) {
    assertThat(r).as("parse %s", text).isInstanceOf(ParseResult.Malformed.class);
    ParseResult.Malformed<?> m = (ParseResult.Malformed<?>) r;
    assertThat(m.statusCode()).isEqualTo(400);
    return m.reason();
  }
}
