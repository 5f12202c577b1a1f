// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static dev.switchboard.message.uri.UriAssertions.sip;
import static dev.switchboard.message.uri.UriAssertions.sipFault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Parameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipUriParserTest {

  @Nested
  class Scheme {
    @Test
    void parsesSipScheme() {
      SipUri u = sip("sip:alice@atlanta.com");
      assertThat(u.scheme()).isEqualTo("sip");
      assertThat(u.isSecure()).isFalse();
    }

    @Test
    void parsesSipsSchemeAsSecure() {
      SipUri u = sip("sips:alice@atlanta.com");
      assertThat(u.scheme()).isEqualTo("sips");
      assertThat(u.isSecure()).isTrue();
    }

    @Test
    void readsSchemeWithoutRegardToCaseAndPrintsItLowerCase() {
      // RFC 3261 §19.1.4: components other than userinfo compare case-insensitively.
      SipUri u = sip("SIP:ALICE@AtLanTa.CoM");
      assertThat(u.scheme()).isEqualTo("sip");
      assertThat(u.toString()).isEqualTo("sip:ALICE@AtLanTa.CoM");
      assertThat(sip("SiPs:a@b.com").isSecure()).isTrue();
    }

    @Test
    void rejectsOtherSchemes() {
      assertThat(sipFault("tel:+1-201-555-0123"))
          .isEqualTo("Bad SIP URI: scheme is not sip or sips");
      assertThat(sipFault("sipx:alice@atlanta.com")).contains("scheme");
      assertThat(sipFault("sip")).contains("scheme");
      assertThat(sipFault("")).contains("scheme");
    }
  }

  @Nested
  class UserInfo {
    @Test
    void hasNoUserWithoutAt() {
      SipUri u = sip("sip:biloxi.com");
      assertThat(u.user()).isNull();
      assertThat(u.password()).isNull();
      assertThat(u.host().text()).isEqualTo("biloxi.com");
    }

    @Test
    void splitsUserAndHostAtAt() {
      SipUri u = sip("sip:alice@atlanta.com");
      assertThat(u.user()).isEqualTo("alice");
      assertThat(u.host().text()).isEqualTo("atlanta.com");
    }

    @Test
    void readsPasswordAfterColon() {
      // RFC 3261 §19.1.3 example sip:alice:secretword@atlanta.com;transport=tcp
      SipUri u = sip("sip:alice:secretword@atlanta.com;transport=tcp");
      assertThat(u.user()).isEqualTo("alice");
      assertThat(u.password()).isEqualTo("secretword");
      assertThat(u.transportParam()).contains("tcp");
    }

    @Test
    void keepsEmptyPasswordApartFromNone() {
      // password = *( unreserved / escaped / ... ) may be empty.
      SipUri u = sip("sip:alice:@atlanta.com");
      assertThat(u.password()).isEmpty();
      assertThat(u.toString()).isEqualTo("sip:alice:@atlanta.com");
      assertThat(u).isNotEqualTo(sip("sip:alice@atlanta.com"));
    }

    @Test
    void readsTelephoneSubscriberUserWithPassword() {
      // RFC 3261 §19.1.3 example.
      SipUri u = sip("sip:+1-212-555-1212:1234@gateway.com;user=phone");
      assertThat(u.user()).isEqualTo("+1-212-555-1212");
      assertThat(u.password()).isEqualTo("1234");
      assertThat(u.userParam()).contains("phone");
    }

    @Test
    void keepsSemicolonParametersInUser() {
      // RFC 3261 §19.1.3 example sip:alice;day=tuesday@atlanta.com
      SipUri u = sip("sip:alice;day=tuesday@atlanta.com");
      assertThat(u.user()).isEqualTo("alice;day=tuesday");
      assertThat(u.parameters().isEmpty()).isTrue();
    }

    @Test
    void readsUserWithEscapedAtAndSemicolon() {
      // RFC 4475 §3.1.1.9 semiuri
      SipUri u = sip("sip:user;par=u%40example.net@example.com");
      assertThat(u.user()).isEqualTo("user;par=u@example.net");
      assertThat(u.host().text()).isEqualTo("example.com");
      assertThat(u.parameters().isEmpty()).isTrue();
      assertThat(u.toString()).isEqualTo("sip:user;par=u%40example.net@example.com");
    }

    @Test
    void readsUnusualButLegalUserAndPassword() {
      // RFC 4475 §3.1.1.2 intmeth Request-URI
      SipUri u =
          sip(
              "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too."
                  + "(doesn't-it)@example.com");
      assertThat(u.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
      assertThat(u.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
      assertThat(u.host().text()).isEqualTo("example.com");
      assertThat(u.headers().isEmpty()).isTrue();
    }

    @Test
    void endsUserinfoAtFirstAt() {
      // No unescaped '@' is allowed in userinfo, so the first one ends it.
      assertThat(sipFault("sip:a@b@c.com")).contains("'@'").contains("host");
    }

    @Test
    void rejectsEmptyUser() {
      assertThat(sipFault("sip:@atlanta.com")).isEqualTo("Bad SIP URI: empty user");
      assertThat(sipFault("sip::pw@atlanta.com")).isEqualTo("Bad SIP URI: empty user");
    }

    @Test
    void rejectsColonInPassword() {
      assertThat(sipFault("sip:alice:pass:word@atlanta.com"))
          .isEqualTo("Bad SIP URI: illegal character ':' in password");
    }

    @Test
    void rejectsIllegalCharactersInUser() {
      assertThat(sipFault("sip:al\"ice@atlanta.com"))
          .isEqualTo("Bad SIP URI: illegal character '\"' in user");
      assertThat(sipFault("sip:al#ice@atlanta.com")).contains("'#' in user");
      assertThat(sipFault("sip:al\u00e9ice@atlanta.com")).contains("U+00E9 in user");
      assertThat(sipFault("sip:al\u0007ice@atlanta.com")).contains("0x07 in user");
    }
  }

  @Nested
  class Escapes {
    @Test
    void decodesEscapedUserAndPrintsItUnescaped() {
      // RFC 3261 §19.1.4: %61lice is alice.
      SipUri u = sip("sip:%61lice@atlanta.com");
      assertThat(u.user()).isEqualTo("alice");
      assertThat(u.toString()).isEqualTo("sip:alice@atlanta.com");
    }

    @Test
    void decodesEscapedColonAndAtInUser() {
      // RFC 4475 §3.1.1.3 esc01 Request-URI
      SipUri u = sip("sip:sips%3Auser%40example.com@example.net");
      assertThat(u.user()).isEqualTo("sips:user@example.com");
      assertThat(u.host().text()).isEqualTo("example.net");
      assertThat(u.isSecure()).isFalse();
      assertThat(u.toString()).isEqualTo("sip:sips%3Auser%40example.com@example.net");
    }

    @Test
    void decodesEscapedLettersInToUser() {
      // RFC 4475 §3.1.1.3 esc01 To and From
      assertThat(sip("sip:%75se%72@example.com").user()).isEqualTo("user");
      SipUri spaces = sip("sip:I%20have%20spaces@example.net");
      assertThat(spaces.user()).isEqualTo("I have spaces");
      assertThat(spaces.toString()).isEqualTo("sip:I%20have%20spaces@example.net");
    }

    @Test
    void decodesEachEscapeOnlyOnce() {
      // RFC 4475 §3.1.1.3: n%61me=v%61lue%25%34%31 is name=value%41, not valueA.
      SipUri u = sip("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31");
      assertThat(u.user()).isEqualTo("caller");
      assertThat(u.parameters().get("name")).contains("value%41");
      assertThat(u.toString()).isEqualTo("sip:caller@host5.example.net;lr;name=value%2541");
    }

    @Test
    void readsEscapedParameterNameAsTheParameter() {
      // RFC 4475 §3.1.1.3: ;%6C%72 is the lr parameter.
      assertThat(sip("sip:host5.example.net;%6C%72").lr()).isTrue();
    }

    @Test
    void keepsEscapedNulInUser() {
      // RFC 4475 §3.1.1.4 escnull: unescaping must not shorten the user.
      SipUri u = sip("sip:null-%00-null@example.com");
      assertThat(u.user()).isEqualTo("null-\u0000-null").hasSize(11);
      assertThat(u.toString()).isEqualTo("sip:null-%00-null@example.com");
    }

    @Test
    void tellsOneEscapedNulFromTwo() {
      // RFC 4475 §3.1.1.4: %00 and %00%00 are two distinct contacts.
      SipUri one = sip("sip:%00@host5.example.com");
      SipUri two = sip("sip:%00%00@host5.example.com");
      assertThat(one.user()).isEqualTo("\u0000");
      assertThat(two.user()).isEqualTo("\u0000\u0000");
      assertThat(one).isNotEqualTo(two);
      assertThat(two.toString()).isEqualTo("sip:%00%00@host5.example.com");
    }

    @Test
    void acceptsLowerCaseHexAndPrintsUpperCase() {
      SipUri u = sip("sip:a%2fb%3a@x.com");
      assertThat(u.user()).isEqualTo("a/b:");
      // '/' is allowed unescaped in a user, ':' is not.
      assertThat(u.toString()).isEqualTo("sip:a/b%3A@x.com");
    }

    @Test
    void decodesUtf8OctetsAndEscapesThemAgain() {
      SipUri u = sip("sip:ren%C3%A9@example.com");
      assertThat(u.user()).isEqualTo("ren\u00e9");
      assertThat(u.toString()).isEqualTo("sip:ren%C3%A9@example.com");
    }

    @Test
    void keepsOctetsThatAreNotUtf8ThroughARoundTrip() {
      SipUri u = sip("sip:a%FFb%C3@example.com");
      assertThat(u.toString()).isEqualTo("sip:a%FFb%C3@example.com");
      assertThat(SipUri.parse(u.toString()).value()).isEqualTo(u);
      assertThat(u).isNotEqualTo(sip("sip:a%C3%BFb@example.com"));
    }

    @Test
    void decodesPasswordParameterAndHeaderEscapes() {
      SipUri u = sip("sip:bob:p%40ss@biloxi.com;x%3Dy=a%3Bb?to=sip:bob%40biloxi.com&s=a%20b");
      assertThat(u.password()).isEqualTo("p@ss");
      assertThat(u.parameters().name(0)).isEqualTo("x=y");
      assertThat(u.parameters().value(0)).isEqualTo("a;b");
      assertThat(u.headers().get("to")).contains("sip:bob@biloxi.com");
      assertThat(u.headers().get("s")).contains("a b");
      assertThat(u.toString())
          .isEqualTo("sip:bob:p%40ss@biloxi.com;x%3Dy=a%3Bb?to=sip:bob%40biloxi.com&s=a%20b");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "sip:%G1@x.com",
          "sip:a%4@x.com",
          "sip:a%@x.com",
          "sip:a:%zz@x.com",
          "sip:x.com;a=%4",
          "sip:x.com;a%=b",
          "sip:x.com?a=%",
          "sip:x.com?a%2=b"
        })
    void rejectsMalformedEscapes(String text) {
      assertThat(sipFault(text)).startsWith("Bad SIP URI: malformed escape in ");
    }
  }

  @Nested
  class HostPart {
    @Test
    void readsHostName() {
      SipUri u = sip("sip:alice@atlanta.com");
      assertThat(u.host().kind()).isEqualTo(Host.Kind.NAME);
      assertThat(u.port()).isEqualTo(-1);
      assertThat(u.hasPort()).isFalse();
    }

    @Test
    void readsHostNameWithTrailingDot() {
      assertThat(sip("sip:alice@atlanta.com.").host().text()).isEqualTo("atlanta.com.");
    }

    @Test
    void readsIpv4Host() {
      SipUri u = sip("sip:alice@192.0.2.4");
      assertThat(u.host().kind()).isEqualTo(Host.Kind.IPV4);
      assertThat(u.host().text()).isEqualTo("192.0.2.4");
    }

    @Test
    void readsBracketedIpv6Host() {
      // RFC 5118 §4.1 ipv6-good
      SipUri u = sip("sip:[2001:db8::10]");
      assertThat(u.host().kind()).isEqualTo(Host.Kind.IPV6);
      assertThat(u.host().text()).isEqualTo("2001:db8::10");
      assertThat(u.port()).isEqualTo(-1);
      assertThat(u.toString()).isEqualTo("sip:[2001:db8::10]");
    }

    @Test
    void readsIpv6TailAsPartOfAddress() {
      // RFC 5118 §4.3 port-ambiguous: 5070 is the last group, not a port.
      SipUri u = sip("sip:[2001:db8::10:5070]");
      assertThat(u.host().text()).isEqualTo("2001:db8::10:5070");
      assertThat(u.port()).isEqualTo(-1);
    }

    @Test
    void readsPortAfterIpv6Reference() {
      // RFC 5118 §4.4 port-unambiguous
      SipUri u = sip("sip:[2001:db8::10]:5070");
      assertThat(u.host().text()).isEqualTo("2001:db8::10");
      assertThat(u.port()).isEqualTo(5070);
      assertThat(u.toString()).isEqualTo("sip:[2001:db8::10]:5070");
    }

    @Test
    void toleratesThreeColonsBeforeEmbeddedIpv4() {
      // RFC 5118 §4.10 ipv6-bug-abnf-3-colons
      SipUri three = sip("sip:user@[2001:db8:::192.0.2.1]");
      SipUri two = sip("sip:user@[2001:db8::192.0.2.1]");
      assertThat(three.host().text()).isEqualTo("2001:db8:::192.0.2.1");
      assertThat(three).isEqualTo(two);
    }

    @Test
    void readsIpv4MappedIpv6() {
      // RFC 5118 §4.9 ipv4-mapped-ipv6
      SipUri u = sip("sip:ted@[::ffff:192.0.2.2]");
      assertThat(u.host().kind()).isEqualTo(Host.Kind.IPV6);
      assertThat(u.host().text()).isEqualTo("::ffff:192.0.2.2");
    }

    @Test
    void rejectsIpv6WithoutBrackets() {
      // RFC 5118 §4.2 ipv6-bad
      assertThat(sipFault("sip:2001:db8::10"))
          .isEqualTo("Bad SIP URI: IPv6 address lacks brackets");
      assertThat(sipFault("sip:user@2001:db8::10;transport=udp"))
          .isEqualTo("Bad SIP URI: IPv6 address lacks brackets");
    }

    @Test
    void rejectsUnbalancedBrackets() {
      assertThat(sipFault("sip:[2001:db8::10")).isEqualTo("Bad SIP URI: IPv6 reference lacks ']'");
      assertThat(sipFault("sip:[2001:db8::10;lr"))
          .isEqualTo("Bad SIP URI: IPv6 reference lacks ']'");
      assertThat(sipFault("sip:2001:db8::10]")).contains("brackets");
      assertThat(sipFault("sip:example.com]")).contains("brackets");
      assertThat(sipFault("sip:[[2001:db8::10]")).contains("brackets");
    }

    @Test
    void rejectsBadIpv6InBrackets() {
      assertThat(sipFault("sip:[2001:db8::10::1]")).isEqualTo("Bad SIP URI: bad IPv6 address");
      assertThat(sipFault("sip:[example.com]")).isEqualTo("Bad SIP URI: bad IPv6 address");
      assertThat(sipFault("sip:[]")).isEqualTo("Bad SIP URI: bad IPv6 address");
      assertThat(sipFault("sip:[::1]x")).isEqualTo("Bad SIP URI: illegal character 'x' in host");
    }

    @Test
    void rejectsEmptyHost() {
      assertThat(sipFault("sip:")).isEqualTo("Bad SIP URI: empty host");
      assertThat(sipFault("sip:alice@")).isEqualTo("Bad SIP URI: empty host");
      assertThat(sipFault("sip:alice@;lr")).isEqualTo("Bad SIP URI: empty host");
      assertThat(sipFault("sip:alice@:5060")).isEqualTo("Bad SIP URI: empty host");
    }

    @Test
    void rejectsBadHostNames() {
      assertThat(sipFault("sip:alice@-atlanta.com")).contains("starts with '-'");
      assertThat(sipFault("sip:alice@atlanta-.com")).contains("ends with '-'");
      assertThat(sipFault("sip:alice@atlanta..com")).contains("empty label");
      assertThat(sipFault("sip:alice@my_host.com")).contains("'_' in host");
      assertThat(sipFault("sip:alice@example.123")).contains("numeric label");
      assertThat(sipFault("sip:alice@256.0.0.1")).isEqualTo("Bad SIP URI: bad IPv4 address");
      assertThat(sipFault("sip:alice@1.2.3")).isEqualTo("Bad SIP URI: bad IPv4 address");
    }
  }

  @Nested
  class Port {
    @Test
    void readsPort() {
      SipUri u = sip("sip:alice@atlanta.com:5070;transport=tcp");
      assertThat(u.port()).isEqualTo(5070);
      assertThat(u.hostPort()).isEqualTo(new HostPort(Host.of("atlanta.com"), 5070));
    }

    @Test
    void acceptsPortZeroAndMaximum() {
      assertThat(sip("sip:a.com:0").port()).isZero();
      assertThat(sip("sip:a.com:65535").port()).isEqualTo(65535);
    }

    @Test
    void rejectsPortAbove65535() {
      assertThat(sipFault("sip:a.com:65536")).isEqualTo("Bad SIP URI: port exceeds 65535");
      assertThat(sipFault("sip:a.com:99999999999999999999"))
          .isEqualTo("Bad SIP URI: port exceeds 65535");
    }

    @Test
    void rejectsEmptyOrNonNumericPort() {
      assertThat(sipFault("sip:a.com:")).isEqualTo("Bad SIP URI: empty port");
      assertThat(sipFault("sip:a.com:;lr")).isEqualTo("Bad SIP URI: empty port");
      assertThat(sipFault("sip:a.com:50a")).isEqualTo("Bad SIP URI: illegal character 'a' in port");
      assertThat(sipFault("sip:a.com:-1")).contains("'-' in port");
    }
  }

  @Nested
  class UriParameters {
    @Test
    void readsWellKnownParameters() {
      SipUri u =
          sip(
              "sip:alice@atlanta.com;transport=TCP;user=phone;method=INVITE;ttl=15;maddr=239.255.255.1;lr");
      assertThat(u.transportParam()).contains("TCP");
      assertThat(u.userParam()).contains("phone");
      assertThat(u.method()).contains("INVITE");
      assertThat(u.ttl()).isEqualTo(15);
      assertThat(u.maddr()).contains(Host.of("239.255.255.1"));
      assertThat(u.lr()).isTrue();
    }

    @Test
    void reportsAbsentParameters() {
      SipUri u = sip("sip:alice@atlanta.com");
      assertThat(u.transportParam()).isEmpty();
      assertThat(u.userParam()).isEmpty();
      assertThat(u.method()).isEmpty();
      assertThat(u.maddr()).isEmpty();
      assertThat(u.ttl()).isEqualTo(-1);
      assertThat(u.lr()).isFalse();
    }

    @Test
    void treatsLrWithValueAsLooseRouting() {
      // Older proxies write lr=on; lr-param is "lr" but other-param admits a value.
      assertThat(sip("sip:p.example.com;lr=on").lr()).isTrue();
    }

    @Test
    void keepsParameterOrderAndNameCase() {
      SipUri u = sip("sip:a.com;Transport=tcp;unknownparam;foo=bar");
      assertThat(u.parameters().names()).containsExactly("Transport", "unknownparam", "foo");
      assertThat(u.parameters().value(1)).isNull();
      assertThat(u.transportParam()).contains("tcp");
      assertThat(u.toString()).isEqualTo("sip:a.com;Transport=tcp;unknownparam;foo=bar");
    }

    @Test
    void acceptsParamCharacters() {
      // paramchar = param-unreserved / unreserved / escaped; param-unreserved = []/:&+$
      SipUri u = sip("sip:a.com;x=[]/:&+$-_.!~*'()");
      assertThat(u.parameters().get("x")).contains("[]/:&+$-_.!~*'()");
    }

    @Test
    void acceptsEmptyParameterValue() {
      SipUri u = sip("sip:a.com;foo=");
      assertThat(u.parameters().get("foo")).contains("");
      assertThat(u.toString()).isEqualTo("sip:a.com;foo=");
    }

    @Test
    void readsVeryLongParameters() {
      // RFC 4475 §3.1.1.7 longreq
      String value = "verylong".repeat(200) + "value";
      String name = "longparamname".repeat(100);
      String host = "amazinglylongcallername".repeat(10) + ".example.net";
      SipUri u =
          sip(
              "sip:user@"
                  + host
                  + ":6000;unknownparam1="
                  + value
                  + ";"
                  + name
                  + "=shortvalue;"
                  + "very"
                  + "long".repeat(50)
                  + "ParameterNameWithNoValue");
      assertThat(u.host().text()).isEqualTo(host);
      assertThat(u.parameters().get("unknownparam1")).contains(value);
      assertThat(u.parameters().get(name)).contains("shortvalue");
      assertThat(u.parameters().size()).isEqualTo(3);
    }

    @Test
    void rejectsDuplicateParameter() {
      assertThat(sipFault("sip:a.com;transport=udp;Transport=tcp"))
          .isEqualTo("Bad SIP URI: duplicate parameter Transport");
    }

    @Test
    void rejectsEmptyParameterName() {
      assertThat(sipFault("sip:a.com;;lr")).isEqualTo("Bad SIP URI: empty parameter name");
      assertThat(sipFault("sip:a.com;")).isEqualTo("Bad SIP URI: empty parameter name");
      assertThat(sipFault("sip:a.com;=x")).isEqualTo("Bad SIP URI: empty parameter name");
    }

    @Test
    void rejectsIllegalCharacterInParameter() {
      assertThat(sipFault("sip:a.com;x=a=b"))
          .isEqualTo("Bad SIP URI: illegal character '=' in parameter");
      assertThat(sipFault("sip:a.com;x=\"q\"")).contains("'\"' in parameter");
      assertThat(sipFault("sip:a.com;x|y"))
          .isEqualTo("Bad SIP URI: illegal character '|' in parameter");
    }

    @Test
    void rejectsBadTtl() {
      // RFC 3261 §25.1 ttl = 1*3DIGIT ; 0 to 255
      assertThat(sipFault("sip:a.com;ttl=256")).isEqualTo("Bad SIP URI: ttl is not 0 to 255");
      assertThat(sipFault("sip:a.com;ttl=0015")).isEqualTo("Bad SIP URI: ttl is not 0 to 255");
      assertThat(sipFault("sip:a.com;ttl=x")).isEqualTo("Bad SIP URI: ttl is not 0 to 255");
      assertThat(sip("sip:a.com;ttl=0").ttl()).isZero();
      assertThat(sip("sip:a.com;ttl=255").ttl()).isEqualTo(255);
    }

    @Test
    void rejectsMaddrThatIsNotAHost() {
      assertThat(sipFault("sip:a.com;maddr=a_b")).isEqualTo("Bad SIP URI: maddr is not a host");
      assertThat(sip("sip:a.com;maddr=[2001:db8::1]").maddr()).contains(Host.of("2001:db8::1"));
    }

    @Test
    void rejectsWellKnownParameterWithoutValue() {
      assertThat(sipFault("sip:a.com;transport"))
          .isEqualTo("Bad SIP URI: transport parameter lacks a value");
      assertThat(sipFault("sip:a.com;method="))
          .isEqualTo("Bad SIP URI: method parameter lacks a value");
    }
  }

  @Nested
  class Headers {
    @Test
    void readsHeadersInOrder() {
      // RFC 3261 §19.1.3 example
      SipUri u = sip("sips:alice@atlanta.com?subject=project%20x&priority=urgent");
      assertThat(u.headers().names()).containsExactly("subject", "priority");
      assertThat(u.headers().get("Subject")).contains("project x");
      assertThat(u.headers().get("priority")).contains("urgent");
      assertThat(u.toString())
          .isEqualTo("sips:alice@atlanta.com?subject=project%20x&priority=urgent");
    }

    @Test
    void readsHeadersAfterParameters() {
      SipUri u = sip("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com");
      assertThat(u.method()).contains("REGISTER");
      assertThat(u.headers().get("to")).contains("sip:bob@biloxi.com");
    }

    @Test
    void readsEscapedRouteHeader() {
      // RFC 4475 §3.3.14 regescrt Contact URI
      SipUri u = sip("sip:user@example.com?Route=%3Csip:sip.example.com%3E");
      assertThat(u.headers().get("route")).contains("<sip:sip.example.com>");
      assertThat(u.toString()).isEqualTo("sip:user@example.com?Route=%3Csip:sip.example.com%3E");
    }

    @Test
    void keepsRepeatedHeaders() {
      SipUri u = sip("sip:a.com?Route=a&Route=b&body=");
      assertThat(u.headers().size()).isEqualTo(3);
      assertThat(u.headers().value(1)).isEqualTo("b");
      assertThat(u.headers().get("body")).contains("");
    }

    @Test
    void rejectsHeaderWithoutEquals() {
      assertThat(sipFault("sip:a.com?subject")).isEqualTo("Bad SIP URI: header lacks '='");
      assertThat(sipFault("sip:a.com?a=b&c")).isEqualTo("Bad SIP URI: header lacks '='");
    }

    @Test
    void rejectsEmptyHeaderName() {
      assertThat(sipFault("sip:a.com?")).isEqualTo("Bad SIP URI: empty header name");
      assertThat(sipFault("sip:a.com?=x")).isEqualTo("Bad SIP URI: empty header name");
      assertThat(sipFault("sip:a.com?a=b&")).isEqualTo("Bad SIP URI: empty header name");
      assertThat(sipFault("sip:a.com?a=b&&c=d")).isEqualTo("Bad SIP URI: empty header name");
    }

    @Test
    void rejectsIllegalCharacterInHeader() {
      assertThat(sipFault("sip:a.com?a=b;c"))
          .isEqualTo("Bad SIP URI: illegal character ';' in header");
      assertThat(sipFault("sip:a.com?a=<b>"))
          .isEqualTo("Bad SIP URI: illegal character '<' in header");
    }
  }

  @Nested
  class Rejections {
    @Test
    void rejectsWhitespaceBeforeParameter() {
      // RFC 4475 §3.1.2.8 lwsruri
      assertThat(sipFault("sip:user@example.com; lr"))
          .isEqualTo("Bad SIP URI: whitespace in parameter");
    }

    @Test
    void rejectsAngleBrackets() {
      // RFC 4475 §3.1.2.7 ltgtruri: the brackets are not part of the URI.
      assertThat(sipFault("<sip:user@example.com>")).contains("scheme");
      assertThat(sipFault("sip:user@example.com>"))
          .isEqualTo("Bad SIP URI: illegal character '>' in host");
      assertThat(sipFault("sip:<user>@example.com"))
          .isEqualTo("Bad SIP URI: illegal character '<' in user");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          " sip:a@b.com",
          "sip: a@b.com",
          "sip:a @b.com",
          "sip:a@ b.com",
          "sip:a@b.com ",
          "sip:a@b .com",
          "sip:a@b.com :5060",
          "sip:a@b.com: 5060",
          "sip:a@b.com;transport =tcp",
          "sip:a@b.com;transport= tcp",
          "sip:a@b.com?h= v",
          "sip:a:p w@b.com",
          "sip:a@b.com\t",
          "sip:a@b.com\r\n",
          "sip:a@[::1 ]"
        })
    void rejectsWhitespaceAnywhere(String text) {
      String reason = sipFault(text);
      assertThat(reason).startsWith("Bad SIP URI: ").doesNotContain("\r").doesNotContain("\n");
      assertThat(reason).containsAnyOf("whitespace", "scheme", "bad IPv6 address");
    }
  }

  @Nested
  class RoundTrip {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "sip:alice@atlanta.com",
          "sips:alice@atlanta.com",
          "sip:biloxi.com",
          "sip:alice:secretword@atlanta.com;transport=tcp",
          "sips:alice@atlanta.com?subject=project%20x&priority=urgent",
          "sip:+1-212-555-1212:1234@gateway.com;user=phone",
          "sips:1212@gateway.com",
          "sip:alice@192.0.2.4",
          "sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com",
          "sip:alice;day=tuesday@atlanta.com",
          "sip:user;par=u%40example.net@example.com",
          "sip:sips%3Auser%40example.com@example.net",
          "sip:null-%00-null@example.com",
          "sip:%00%00@host5.example.com",
          "sip:[2001:db8::10]",
          "sip:[2001:db8::10]:5070",
          "sip:[2001:db8::10:5070]",
          "sip:user@[2001:db8:::192.0.2.1]",
          "sip:ted@[::ffff:192.0.2.2]",
          "sip:vivekg@chair-dnrc.example.com;unknownparam",
          "sip:p1.example.com;lr",
          "sip:a.com:0;ttl=0;maddr=239.255.255.1;lr=on?Route=%3Csip:b.com%3E&x=",
          "sip:ren%C3%A9@example.com",
          "sip:a%FF@example.com",
          "sip:caller@host5.example.net;lr;name=value%2541",
          "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too."
              + "(doesn't-it)@example.com",
          "sip:example.com."
        })
    void printsParsedUriUnchanged(String text) {
      SipUri u = sip(text);
      assertThat(u.toString()).isEqualTo(text);
      assertThat(sip(u.toString())).isEqualTo(u);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SIP:%61lice@AtLanTa.CoM;Transport=TCP",
          "sip:%7e%2D%5f@x.com",
          "sip:x.com;n%61me=v%61lue%25%34%31",
          "sip:x.com?%73ubject=%70roject",
          "sip:a.com:0005060"
        })
    void reparsesNormalisedFormToEqualUri(String text) {
      SipUri u = sip(text);
      SipUri again = sip(u.toString());
      assertThat(again).isEqualTo(u);
      assertThat(again.toString()).isEqualTo(u.toString());
    }

    @Test
    void appendsToExistingBuilder() {
      StringBuilder sb = new StringBuilder("<");
      sip("sip:a@b.com;lr").appendTo(sb);
      assertThat(sb.append('>').toString()).isEqualTo("<sip:a@b.com;lr>");
    }

    @Test
    void returnsParametersAsParametersType() {
      assertThat(sip("sip:a.com;lr;x=1").parameters())
          .isEqualTo(Parameters.of("lr", null, "x", "1"));
    }
  }
}
