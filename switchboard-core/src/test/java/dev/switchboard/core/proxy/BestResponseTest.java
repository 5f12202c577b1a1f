// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Best response selection, RFC 3261 section 16.7 items 6 and 7. */
class BestResponseTest {
  private static final SipRequest INVITE = ProxyHarness.invite("sip:bob@example.com", "z9hG4bK1");

  private static SipResponse r(int code) {
    return INVITE.reply(code).build();
  }

  @Test
  void prefersA6xxOverAnyOtherClass() {
    // RFC 3261 §16.7 item 6
    assertThat(BestResponse.choose(List.of(r(302), r(486), r(603))).statusCode()).isEqualTo(603);
  }

  @Test
  void choosesFromTheLowestClass() {
    // RFC 3261 §16.7 item 6
    assertThat(BestResponse.choose(List.of(r(500), r(404), r(302))).statusCode()).isEqualTo(302);
  }

  @Test
  void prefersARealAnswerToTimeoutOrCancellationInItsClass() {
    assertThat(BestResponse.choose(List.of(r(487), r(408), r(486))).statusCode()).isEqualTo(486);
  }

  @Test
  void turns503Into500() {
    // RFC 3261 §16.7 item 6: "the proxy MUST generate a 500"
    assertThat(BestResponse.choose(List.of(r(503))).statusCode()).isEqualTo(500);
  }

  @Test
  void aggregatesTheChallengesOfEvery401And407() {
    // RFC 3261 §16.7 item 7
    SipResponse a = INVITE.reply(407).add(HeaderName.PROXY_AUTHENTICATE,
        AuthValue.parse("Digest realm=\"a\", nonce=\"1\"").value()).build();
    SipResponse b = INVITE.reply(401).add(HeaderName.WWW_AUTHENTICATE,
        AuthValue.parse("Digest realm=\"b\", nonce=\"2\"").value()).build();
    SipResponse best = BestResponse.choose(List.of(a, b));
    assertThat(best.statusCode()).isEqualTo(407);
    assertThat(best.all(HeaderName.PROXY_AUTHENTICATE)).hasSize(1);
    assertThat(best.all(HeaderName.WWW_AUTHENTICATE)).hasSize(1);
  }
}
