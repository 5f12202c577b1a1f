// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers whose values are a token with parameters (RFC 3261 §20; RFC 3262, 3326, 4028, 6665). */
class TokenHeadersTest {
  @Test
  void parsesABareToken() {
    Token t = Token.parse(" 100rel ").value();
    assertThat(t).isEqualTo(Token.of("100rel"));
    assertThat(t.toString()).isEqualTo("100rel");
  }

  // RFC 3326 §2 example
  @Test
  void parsesReasonWithQuotedText() {
    Token t = Token.parse("SIP ;cause=200 ;text=\"Call completed elsewhere\"").value();
    assertThat(t.value()).isEqualTo("SIP");
    assertThat(t.parameters().get("cause")).contains("200");
    assertThat(t.parameters().unquoted("text")).contains("Call completed elsewhere");
    assertThat(t.toString()).isEqualTo("SIP;cause=200;text=\"Call completed elsewhere\"");
    assertThat(Token.parse(t.toString()).value()).isEqualTo(t);
  }

  @Test
  void parsesEventSessionExpiresAndDisposition() {
    assertThat(Token.parse("presence;id=1").value().parameters().get("id")).contains("1");
    assertThat(Token.parse("4000;refresher=uac").value().value()).isEqualTo("4000");
    assertThat(Token.parse("session;handling=optional").value().parameters().get("handling")).contains("optional");
    assertThat(Token.parse("active;expires=3600").value().parameters().get("expires")).contains("3600");
    assertThat(Token.parse("en;q=0.7").value().parameters().get("q")).contains("0.7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "a b", ";x", "a;", "a;=b", "a;b=", "a,b", "\"quoted\""})
  void rejectsAMalformedValue(String text) {
    ParseResult<Token> r = Token.parse(text);
    assertThat(r.isParsed()).as(text).isFalse();
  }

  @Test
  void readsListHeadersAcrossLinesAndCommas() {
    SipMessage m =
        MediaTypeTest.parse(
            "Supported: 100rel, timer\r\nk: path\r\nAllow: INVITE, ACK, OPTIONS, CANCEL, BYE\r\n"
                + "Require: 100rel\r\nAccept-Language: da, en-gb;q=0.8, en;q=0.7\r\n");
    assertThat(m.all(HeaderName.SUPPORTED)).extracting(Token::value).containsExactly("100rel", "timer", "path");
    assertThat(m.all(HeaderName.ALLOW)).hasSize(5);
    assertThat(m.all(HeaderName.ACCEPT_LANGUAGE).get(1).parameters().get("q")).contains("0.8");
    assertThat(m.validateAll()).isEmpty();
  }

  // RFC 3261 §20.5, §20.37: "Allow" and "Supported" may be empty.
  @Test
  void acceptsAnEmptyAllowOrSupported() {
    SipMessage m = MediaTypeTest.parse("Allow:\r\nSupported:\r\n");
    assertThat(m.validateAll()).isEmpty();
    assertThat(m.all(HeaderName.ALLOW)).isEmpty();
    assertThat(m.first(HeaderName.SUPPORTED)).isEmpty();
  }

  // RFC 3261 §20.32: Require = "Require" HCOLON option-tag *(COMMA option-tag).
  @Test
  void rejectsAnEmptyRequire() {
    SipMessage m = MediaTypeTest.parse("Require:\r\n");
    assertThat(m.validateAll().orElseThrow().reason()).isEqualTo("Bad Require: empty value");
  }

  @Test
  void namesTheHeaderInAFault() {
    SipMessage m = MediaTypeTest.parse("Supported: 100rel, a b\r\n");
    assertThat(m.validateAll().orElseThrow().reason()).startsWith("Bad Supported: ");
    SipMessage e = MediaTypeTest.parse("Supported: 100rel,,timer\r\n");
    assertThat(e.validateAll().orElseThrow().reason()).isEqualTo("Bad Supported: empty value in list");
  }
}
