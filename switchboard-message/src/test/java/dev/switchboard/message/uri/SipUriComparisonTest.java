// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static dev.switchboard.message.uri.UriAssertions.sip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RFC 3261 §19.1.4, every example of the RFC, then the rules one at a time. */
class SipUriComparisonTest {

  private static void assertEquivalent(String a, String b) {
    SipUri x = sip(a);
    SipUri y = sip(b);
    assertThat(x).as("%s = %s", a, b).isEqualTo(y);
    assertThat(y).as("%s = %s", b, a).isEqualTo(x);
    assertThat(x.hashCode()).as("hash of %s and %s", a, b).isEqualTo(y.hashCode());
  }

  private static void assertNotEquivalent(String a, String b) {
    SipUri x = sip(a);
    SipUri y = sip(b);
    assertThat(x).as("%s != %s", a, b).isNotEqualTo(y);
    assertThat(y).as("%s != %s", b, a).isNotEqualTo(x);
  }

  @Nested
  class RfcEquivalentExamples {
    @Test
    void equatesEscapedUserAndHostCaseAndParameterCase() {
      // RFC 3261 §19.1.4
      assertEquivalent(
          "sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp");
    }

    @Test
    void ignoresUnknownParameterPresentInOnlyOne() {
      // RFC 3261 §19.1.4
      assertEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5");
    }

    @Test
    void ignoresOtherUnknownParameterPresentInOnlyOne() {
      // RFC 3261 §19.1.4
      assertEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com;security=on");
    }

    @Test
    void ignoresDifferentUnknownParametersEachInOnlyOne() {
      // RFC 3261 §19.1.4: the three carol URIs are listed as all equivalent.
      assertEquivalent("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on");
    }

    @Test
    void ignoresParameterOrder() {
      // RFC 3261 §19.1.4
      assertEquivalent(
          "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
          "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com");
    }

    @Test
    void ignoresHeaderOrder() {
      // RFC 3261 §19.1.4
      assertEquivalent(
          "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
          "sip:alice@atlanta.com?priority=urgent&subject=project%20x");
    }
  }

  @Nested
  class RfcNotEquivalentExamples {
    @Test
    void comparesUserPartCaseSensitively() {
      // RFC 3261 §19.1.4: different usernames
      assertNotEquivalent(
          "SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP");
    }

    @Test
    void tellsOmittedPortFromExplicit5060() {
      // RFC 3261 §19.1.4: can resolve to different ports
      assertNotEquivalent("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060");
    }

    @Test
    void tellsOmittedTransportFromExplicitUdp() {
      // RFC 3261 §19.1.4: can resolve to different transports
      assertNotEquivalent("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp");
    }

    @Test
    void tellsOmittedPortAndTransportFromExplicitOnes() {
      // RFC 3261 §19.1.4: can resolve to different port and transports
      assertNotEquivalent("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp");
    }

    @Test
    void neverIgnoresHeaderComponent() {
      // RFC 3261 §19.1.4: different header component
      assertNotEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting");
    }

    @Test
    void tellsHostNameFromItsAddress() {
      // RFC 3261 §19.1.4: even though that's what phone21.boxesbybob.com resolves to
      assertNotEquivalent("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4");
    }
  }

  @Nested
  class NonTransitivity {
    @Test
    void equatesUriWithoutSecurityToSecurityOn() {
      // RFC 3261 §19.1.4
      assertEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com;security=on");
    }

    @Test
    void equatesUriWithoutSecurityToSecurityOff() {
      // RFC 3261 §19.1.4
      assertEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com;security=off");
    }

    @Test
    void tellsSecurityOnFromSecurityOff() {
      // RFC 3261 §19.1.4: equality is not transitive.
      assertNotEquivalent(
          "sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off");
    }
  }

  @Nested
  class Rules {
    @Test
    void neverEquatesSipAndSips() {
      assertNotEquivalent("sip:alice@atlanta.com", "sips:alice@atlanta.com");
    }

    @Test
    void tellsUriWithUserFromUriWithout() {
      assertNotEquivalent("sip:alice@atlanta.com", "sip:atlanta.com");
    }

    @Test
    void comparesPasswordCaseSensitivelyAndTellsAbsentFromPresent() {
      assertNotEquivalent("sip:alice:pw@atlanta.com", "sip:alice:PW@atlanta.com");
      assertNotEquivalent("sip:alice:pw@atlanta.com", "sip:alice@atlanta.com");
      assertEquivalent("sip:alice:p%77@atlanta.com", "sip:alice:pw@atlanta.com");
    }

    @Test
    void comparesTelephoneSubscriberUserCaseSensitively() {
      assertNotEquivalent("sip:+1-212-555-1212;isub=A@gw.com", "sip:+1-212-555-1212;isub=a@gw.com");
    }

    @Test
    void equatesEscapedAndLiteralCharacters() {
      // "Characters other than those in the reserved set are equivalent to their %HH encoding."
      assertEquivalent("sip:%7Ebob@biloxi.com", "sip:~bob@biloxi.com");
      assertEquivalent("sip:biloxi.com;%6C%72", "sip:biloxi.com;lr");
    }

    @Test
    void comparesHostWithoutRegardToCase() {
      assertEquivalent("sip:bob@BILOXI.com", "sip:bob@biloxi.COM");
    }

    @Test
    void comparesIpAddressesByValue() {
      assertEquivalent("sip:bob@[2001:DB8::1]", "sip:bob@[2001:db8:0:0:0:0:0:1]");
      assertEquivalent("sip:bob@192.0.2.4", "sip:bob@192.000.002.004");
    }

    @Test
    void comparesPortsByValue() {
      assertEquivalent("sip:bob@biloxi.com:5060", "sip:bob@biloxi.com:05060");
      assertNotEquivalent("sip:bob@biloxi.com:5060", "sip:bob@biloxi.com:5061");
    }

    @Test
    void requiresUserTtlMethodMaddrAndTransportInBothOrNeither() {
      for (String p :
          new String[] {
            "user=phone", "ttl=1", "method=INVITE", "maddr=10.0.0.1", "transport=udp"
          }) {
        assertNotEquivalent("sip:bob@biloxi.com", "sip:bob@biloxi.com;" + p);
      }
    }

    @Test
    void requiresParametersInBothToMatchWithoutRegardToCase() {
      assertEquivalent("sip:bob@biloxi.com;method=invite", "sip:bob@biloxi.com;METHOD=INVITE");
      assertEquivalent(
          "sip:bob@biloxi.com;maddr=Example.COM", "sip:bob@biloxi.com;maddr=example.com");
      assertNotEquivalent("sip:bob@biloxi.com;transport=tcp", "sip:bob@biloxi.com;transport=udp");
      assertNotEquivalent("sip:bob@biloxi.com;foo=1", "sip:bob@biloxi.com;foo=2");
    }

    @Test
    void tellsFlagParameterFromValuedOne() {
      assertNotEquivalent("sip:p.biloxi.com;lr", "sip:p.biloxi.com;lr=on");
    }

    @Test
    void ignoresLrPresentInOnlyOne() {
      assertEquivalent("sip:p.biloxi.com;lr", "sip:p.biloxi.com");
    }

    @Test
    void comparesHeaderNamesWithoutRegardToCaseAndValuesExactly() {
      assertEquivalent("sip:carol@chicago.com?Subject=next", "sip:carol@chicago.com?subject=next");
      assertEquivalent(
          "sip:carol@chicago.com?subject=next%2Dmeeting",
          "sip:carol@chicago.com?subject=next-meeting");
      assertNotEquivalent(
          "sip:carol@chicago.com?subject=Next", "sip:carol@chicago.com?subject=next");
    }

    @Test
    void comparesRepeatedHeadersAsAMultiset() {
      assertEquivalent("sip:a.com?Route=x&Route=y", "sip:a.com?Route=y&Route=x");
      assertNotEquivalent("sip:a.com?Route=x&Route=x", "sip:a.com?Route=x&Route=y");
    }

    @Test
    void isNotEqualToOtherUriTypes() {
      assertThat(sip("sip:a.com"))
          .isNotEqualTo(Uri.parse("x-sip:a.com").value())
          .isNotEqualTo(null);
    }
  }
}
