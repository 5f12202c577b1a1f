// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3261 §20.42, §18.2.1; RFC 3581 (rport); RFC 5118 §4.5 (IPv6 received). */
class ViaTest {
  static Via ok(String text) {
    ParseResult<Via> r = Via.parse(text);
    assertThat(r.isParsed()).as(text + " -> " + r).isTrue();
    return r.value();
  }

  static String fault(String text) {
    ParseResult<Via> r = Via.parse(text);
    assertThat(r).as(text).isInstanceOf(ParseResult.Malformed.class);
    return ((ParseResult.Malformed<Via>) r).reason();
  }

  // RFC 3261 §24.2 F1
  @Test
  void parsesTheRfcExample() {
    Via v = ok("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8");
    assertThat(v.protocol()).isEqualTo("SIP/2.0");
    assertThat(v.transport()).isEqualTo("UDP");
    assertThat(v.host().text()).isEqualTo("pc33.atlanta.com");
    assertThat(v.port()).isEqualTo(-1);
    assertThat(v.branch()).contains("z9hG4bKnashds8");
    assertThat(v.isRfc3261Branch()).isTrue();
    assertThat(v.sentBy()).isEqualTo("pc33.atlanta.com");
    assertThat(v.toString()).isEqualTo("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8");
  }

  @Test
  void parsesAPortAndSeveralParameters() {
    Via v = ok("SIP/2.0/TCP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101;ttl=16;maddr=224.2.0.1");
    assertThat(v.port()).isEqualTo(5060);
    assertThat(v.sentBy()).isEqualTo("client.atlanta.example.com:5060");
    assertThat(v.received()).contains("192.0.2.101");
    assertThat(v.maddr()).contains("224.2.0.1");
    assertThat(v.parameters().get("ttl")).contains("16");
    assertThat(v.parameters().names()).containsExactly("branch", "received", "ttl", "maddr");
  }

  @Test
  void upperCasesTheTransport() {
    assertThat(ok("SIP/2.0/tls proxy.example.com").transport()).isEqualTo("TLS");
    assertThat(ok("SIP/2.0/sctp proxy.example.com").transport()).isEqualTo("SCTP");
  }

  // SLASH = SWS "/" SWS, and LWS before sent-by (RFC 4475 §3.1.1.1 wsinv).
  @Test
  void allowsWhiteSpaceAroundSlashesAndParameters() {
    Via v = ok("SIP  /  2.0  / UDP   192.0.2.2 : 5060 ; branch = z9hG4bK390skdjuw ; rport");
    assertThat(v.protocol()).isEqualTo("SIP/2.0");
    assertThat(v.host().kind()).isEqualTo(Host.Kind.IPV4);
    assertThat(v.port()).isEqualTo(5060);
    assertThat(v.branch()).contains("z9hG4bK390skdjuw");
    assertThat(v.hasRport()).isTrue();
  }

  // RFC 5118 §4.5: received may carry an IPv6 address with or without brackets.
  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::9:255", "[2001:db8::9:255]"})
  void acceptsAnIpv6ReceivedWithOrWithoutBrackets(String received) {
    Via v = ok("SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111;received=" + received);
    assertThat(v.host().kind()).isEqualTo(Host.Kind.IPV6);
    assertThat(v.port()).isEqualTo(6050);
    assertThat(v.received()).contains(received);
    assertThat(v.sentBy()).isEqualTo("[2001:db8::9:1]:6050");
  }

  // RFC 3581: rport is a flag in a request and carries the port in the response.
  @Test
  void readsRportAsFlagOrValue() {
    Via flag = ok("SIP/2.0/UDP 192.0.2.1;rport;branch=z9hG4bK1");
    assertThat(flag.hasRport()).isTrue();
    assertThat(flag.rport()).isEmpty();
    Via value = ok("SIP/2.0/UDP 192.0.2.1;rport=5061;branch=z9hG4bK1");
    assertThat(value.rport()).hasValue(5061);
    assertThat(ok("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1").hasRport()).isFalse();
  }

  @Test
  void recognisesTheMagicCookie() {
    assertThat(ok("SIP/2.0/UDP h.example.com;branch=z9hG4bK").isRfc3261Branch()).isTrue();
    assertThat(ok("SIP/2.0/UDP h.example.com;branch=1234").isRfc3261Branch()).isFalse();
    assertThat(ok("SIP/2.0/UDP h.example.com").isRfc3261Branch()).isFalse();
  }

  @Test
  void keepsAQuotedExtensionParameter() {
    Via v = ok("SIP/2.0/UDP h.example.com;branch=z9hG4bK1;x-note=\"a; b\"");
    assertThat(v.parameters().get("x-note")).contains("\"a; b\"");
    assertThat(v.parameters().unquoted("x-note")).contains("a; b");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SIP/2.0|expected SIP/2.0/transport",
        "SIP|expected SIP/2.0/transport",
        "SIP/2.0/|missing transport",
        "SIP/2.0/UDPh.example.com|no space before sent-by",
        "'SIP/2.0/UDP '|bad sent-by host",
        "SIP/2.0/UDP ;branch=z9hG4bK1|bad sent-by host",
        "SIP/2.0/UDP h.example.com:|bad port",
        "SIP/2.0/UDP h.example.com:65536|bad port",
        "SIP/2.0/UDP h.example.com:port|bad port",
        "SIP/2.0/UDP h.example.com;;branch=z9hG4bK1|bad parameter",
        "SIP/2.0/UDP h.example.com;branch=|bad parameter",
        "SIP/2.0/UDP h.example.com extra|unexpected text",
        "SIP/2.0/UDP h.example.com;branch|branch has no value",
        "SIP/2.0/UDP h.example.com;ttl=256|ttl must be 0 to 255",
        "SIP/2.0/UDP h.example.com;rport=x|bad rport",
        "SIP/2.0/UDP h.example.com;received=300.1.1.1|bad received address",
        "SIP/2.0/UDP h.example.com;received|received has no value",
        "SIP/2.0/UDP [2001:db8::1|bad sent-by host",
        "SIP/2.0/UDP h_x.example.com|unexpected text",
      })
  void namesWhatIsWrong(String text, String why) {
    String reason = fault(text);
    assertThat(reason).startsWith("Bad Via").contains(why);
  }

  @Test
  void buildsAVia() {
    Via v = Via.of("udp", Host.of("pc33.atlanta.com"), 5060, "z9hG4bK776asdhds");
    assertThat(v.toString()).isEqualTo("SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bK776asdhds");
    Via r = v.withParameter("received", "192.0.2.1").withParameter("rport", "5070");
    assertThat(r.toString()).isEqualTo("SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5070");
    assertThat(r.rport()).hasValue(5070);
    assertThat(Via.of("TCP", Host.of("::1"), -1, "z9hG4bK1").toString()).isEqualTo("SIP/2.0/TCP [::1];branch=z9hG4bK1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8",
        "SIP/2.0/TLS [2001:db8::1]:5061;branch=z9hG4bK1;received=2001:db8::2;rport=5061",
        "SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKasudf;x=\"q\"",
      })
  void parsesItsOwnOutputToAnEqualValue(String text) {
    Via v = ok(text);
    assertThat(ok(v.toString())).isEqualTo(v);
    assertThat(v.toString()).isEqualTo(text);
  }
}
