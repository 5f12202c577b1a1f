// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authorization, WWW-Authenticate and friends: RFC 3261 §20.7, §20.44, §20.6, §22.4. */
class AuthValueTest {
  // RFC 3261 §20.44 example
  private static final String CHALLENGE =
      "Digest realm=\"atlanta.com\", domain=\"sip:boxesbybob.com\", qop=\"auth\", "
          + "nonce=\"f84f1cec41e6cbe5aea9c8e88d359\", opaque=\"\", stale=FALSE, algorithm=MD5";

  @Test
  void parsesAChallenge() {
    AuthValue a = AuthValue.parse(CHALLENGE).value();
    assertThat(a.scheme()).isEqualTo("Digest");
    assertThat(a.param("realm")).contains("atlanta.com");
    assertThat(a.param("opaque")).contains("");
    assertThat(a.param("stale")).contains("FALSE");
    assertThat(a.param("ALGORITHM")).contains("MD5");
    assertThat(a.parameters().names()).containsExactly("realm", "domain", "qop", "nonce", "opaque", "stale", "algorithm");
    assertThat(a.toString()).isEqualTo(CHALLENGE);
  }

  // RFC 3261 §20.7 example, folded as it is printed there.
  @Test
  void parsesFoldedCredentialsInAMessage() {
    SipMessage m =
        MediaTypeTest.parse(
            "Authorization: Digest username=\"Alice\", realm=\"atlanta.com\",\r\n"
                + " nonce=\"84a4cc6f3082121f32b42a2187831a9e\",\r\n"
                + " response=\"7587245234b3434cc3412213e5f113a5432\"\r\n");
    AuthValue a = m.first(HeaderName.AUTHORIZATION).orElseThrow();
    assertThat(a.param("username")).contains("Alice");
    assertThat(a.param("response")).contains("7587245234b3434cc3412213e5f113a5432");
    assertThat(m.all(HeaderName.AUTHORIZATION)).hasSize(1);
  }

  @Test
  void keepsCommasAndEscapesInsideQuotedValues() {
    AuthValue a = AuthValue.parse("Digest realm=\"a\\\"b, c\", nc=00000001").value();
    assertThat(a.param("realm")).contains("a\"b, c");
    assertThat(a.param("nc")).contains("00000001");
  }

  // RFC 4475 §3.3.? (regaut01): an unknown scheme parses like any other.
  @Test
  void acceptsAnUnknownSchemeAndASchemeAlone() {
    assertThat(AuthValue.parse("NoOneKnowsThisScheme opaque-data=here").value().scheme()).isEqualTo("NoOneKnowsThisScheme");
    assertThat(AuthValue.parse("Digest").value().parameters().isEmpty()).isTrue();
  }

  // RFC 3261 §20.6 example
  @Test
  void parsesAuthenticationInfoWithoutScheme() {
    AuthValue a = AuthValue.parseInfo("nextnonce=\"47364c23432d2e131a5fb210812c\"").value();
    assertThat(a.scheme()).isNull();
    assertThat(a.param("nextnonce")).contains("47364c23432d2e131a5fb210812c");
    assertThat(a.toString()).isEqualTo("nextnonce=\"47364c23432d2e131a5fb210812c\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "Digest realm", "Digest realm=", "Digest realm=\"unterminated", "Digest realm=\"x\" junk", "Digest realm=\"x\",", "Digest ,realm=x"})
  void rejectsMalformedCredentials(String text) {
    ParseResult<AuthValue> r = AuthValue.parse(text);
    assertThat(r.isParsed()).as(text).isFalse();
  }

  @Test
  void namesTheHeaderInAFault() {
    SipMessage m = MediaTypeTest.parse("WWW-Authenticate: Digest realm\r\n");
    assertThat(m.validateAll().orElseThrow().reason()).startsWith("Bad WWW-Authenticate");
  }
}
