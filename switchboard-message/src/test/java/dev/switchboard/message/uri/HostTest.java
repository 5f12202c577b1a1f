// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static dev.switchboard.message.uri.UriAssertions.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.parse.ParseResult;
import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostTest {

  private static Host host(String text) {
    ParseResult<Host> r = Host.parse(text);
    assertThat(r.isParsed()).as("parse %s: %s", text, r).isTrue();
    return r.value();
  }

  private static String hostFault(String text) {
    return fault(Host.parse(text), text);
  }

  @Nested
  class Parsing {
    @Test
    void readsHostName() {
      Host h = host("Atlanta.example.COM");
      assertThat(h.kind()).isEqualTo(Host.Kind.NAME);
      assertThat(h.text()).isEqualTo("Atlanta.example.COM");
      assertThat(h.toString()).isEqualTo("Atlanta.example.COM");
      assertThat(h.isIpAddress()).isFalse();
    }

    @Test
    void readsSingleLabelAndTrailingDot() {
      // RFC 3261 §25.1 hostname = *( domainlabel "." ) toplabel [ "." ]
      assertThat(host("localhost").kind()).isEqualTo(Host.Kind.NAME);
      assertThat(host("example.com.").text()).isEqualTo("example.com.");
      assertThat(host("1and1.com").kind()).isEqualTo(Host.Kind.NAME);
      assertThat(host("a-b--c.x-y").kind()).isEqualTo(Host.Kind.NAME);
    }

    @Test
    void readsIpv4Address() {
      Host h = host("192.0.2.1");
      assertThat(h.kind()).isEqualTo(Host.Kind.IPV4);
      assertThat(h.isIpAddress()).isTrue();
      assertThat(host("255.255.255.255").kind()).isEqualTo(Host.Kind.IPV4);
    }

    @Test
    void readsIpv6ReferenceWithoutKeepingBrackets() {
      Host h = host("[2001:db8::10]");
      assertThat(h.kind()).isEqualTo(Host.Kind.IPV6);
      assertThat(h.text()).isEqualTo("2001:db8::10");
      assertThat(h.toString()).isEqualTo("[2001:db8::10]");
    }

    @Test
    void readsBareIpv6AddressAsViaReceivedHasIt() {
      // RFC 5118 §4.5: received=2001:db8::9:255 with or without brackets.
      Host bare = host("2001:db8::9:255");
      Host bracketed = host("[2001:db8::9:255]");
      assertThat(bare.kind()).isEqualTo(Host.Kind.IPV6);
      assertThat(bare).isEqualTo(bracketed);
      assertThat(bare.toString()).isEqualTo("[2001:db8::9:255]");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "::",
          "::1",
          "1::",
          "2001:db8::10",
          "2001:db8:0:0:0:0:0:10",
          "1:2:3:4:5:6:7::",
          "::2:3:4:5:6:7:8",
          "::ffff:192.0.2.10",
          "::192.0.2.10",
          ":::192.0.2.10",
          "2001:db8::192.0.2.1",
          "2001:db8:::192.0.2.1",
          "1:2:3:4:5:6:192.0.2.1",
          "FE80::ABCD:EF01",
          "2001:db8::10:5070"
        })
    void acceptsIpv6Forms(String text) {
      assertThat(host("[" + text + "]").kind()).isEqualTo(Host.Kind.IPV6);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          ":",
          ":1",
          "1:",
          "1::2::3",
          "1:2:3:4:5:6:7:8:9",
          "1:2:3:4:5:6:7",
          "1:2:3:4:5:6:7:8::",
          "12345::",
          "g::1",
          "1:::2",
          "1:::",
          "::1:::192.0.2.1",
          "1:2:3:4:5:6:7:192.0.2.1",
          "::256.0.0.1",
          "::1.2.3",
          "::192.0.2.1:1",
          "fe80::1%eth0"
        })
    void rejectsBadIpv6(String text) {
      assertThat(hostFault("[" + text + "]")).isEqualTo("Bad host: bad IPv6 address");
    }

    @Test
    void rejectsEmptyHost() {
      assertThat(hostFault("")).isEqualTo("Bad host: empty host");
    }

    @Test
    void rejectsBadIpv4() {
      assertThat(hostFault("256.1.1.1")).isEqualTo("Bad host: bad IPv4 address");
      assertThat(hostFault("1.2.3")).isEqualTo("Bad host: bad IPv4 address");
      assertThat(hostFault("1.2.3.4.")).isEqualTo("Bad host: bad IPv4 address");
      assertThat(hostFault("1.2.3.4.5")).isEqualTo("Bad host: bad IPv4 address");
      assertThat(hostFault("1..3.4")).isEqualTo("Bad host: bad IPv4 address");
      assertThat(hostFault("1234.1.1.1")).isEqualTo("Bad host: bad IPv4 address");
    }

    @Test
    void rejectsBadHostNames() {
      assertThat(hostFault(".")).isEqualTo("Bad host: empty label in host name");
      assertThat(hostFault(".example.com")).isEqualTo("Bad host: empty label in host name");
      assertThat(hostFault("example..com")).isEqualTo("Bad host: empty label in host name");
      assertThat(hostFault("example.com..")).isEqualTo("Bad host: empty label in host name");
      assertThat(hostFault("-example.com")).isEqualTo("Bad host: host name label starts with '-'");
      assertThat(hostFault("example-.com")).isEqualTo("Bad host: host name label ends with '-'");
      assertThat(hostFault("example.com-")).isEqualTo("Bad host: host name label ends with '-'");
      assertThat(hostFault("example.4com"))
          .isEqualTo("Bad host: host name ends in a numeric label");
      assertThat(hostFault("under_score.com")).isEqualTo("Bad host: illegal character '_' in host");
      assertThat(hostFault("exa mple.com")).isEqualTo("Bad host: whitespace in host");
    }

    @Test
    void rejectsUnbalancedBrackets() {
      assertThat(hostFault("[2001:db8::1")).isEqualTo("Bad host: IPv6 reference lacks ']'");
      assertThat(hostFault("2001:db8::1]")).isEqualTo("Bad host: unbalanced brackets in host");
      assertThat(hostFault("[[2001:db8::1]")).isEqualTo("Bad host: unbalanced brackets in host");
      assertThat(hostFault("example.com]")).isEqualTo("Bad host: unbalanced brackets in host");
    }

    @Test
    void parsesRangeOfLargerText() {
      String via = "SIP/2.0/UDP [2001:db8::9:1]:5060;branch=z9hG4bK";
      ParseResult<Host> r = Host.parse(via, 12, 27);
      assertThat(r.value()).isEqualTo(Host.of("2001:db8::9:1"));
      assertThat(Host.parse("xx example.com yy", 3, 14).value().text()).isEqualTo("example.com");
    }

    @Test
    void buildsTrustedHostOrThrows() {
      assertThat(Host.of("example.com").text()).isEqualTo("example.com");
      assertThatThrownBy(() -> Host.of("exa mple.com"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("whitespace");
    }
  }

  @Nested
  class Matching {
    @Test
    void matchesNamesWithoutRegardToCase() {
      // RFC 3261 §19.1.4
      assertThat(host("AtLanTa.CoM").matches(host("atlanta.com"))).isTrue();
      assertThat(host("AtLanTa.CoM"))
          .isEqualTo(host("atlanta.com"))
          .hasSameHashCodeAs(host("atlanta.com"));
      assertThat(host("atlanta.com").matches(host("atlanta.org"))).isFalse();
    }

    @Test
    void matchesIpv4ByValue() {
      assertThat(host("192.0.2.4").matches(host("192.000.002.004"))).isTrue();
      assertThat(host("192.0.2.4")).hasSameHashCodeAs(host("192.000.002.004"));
      assertThat(host("192.0.2.4").matches(host("192.0.2.5"))).isFalse();
    }

    @Test
    void matchesIpv6ByValue() {
      Host a = host("[2001:DB8::1]");
      Host b = host("[2001:0db8:0000:0000:0000:0000:0000:0001]");
      assertThat(a.matches(b)).isTrue();
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(host("[::ffff:192.0.2.10]")).isEqualTo(host("[::FFFF:c000:020a]"));
      assertThat(host("[2001:db8::10:5070]")).isNotEqualTo(host("[2001:db8::10]"));
    }

    @Test
    void neverMatchesNameWithAddress() {
      // RFC 3261 §19.1.4: an IP address from a DNS lookup does not match the name.
      assertThat(host("localhost").matches(host("127.0.0.1"))).isFalse();
    }

    @Test
    void neverMatchesIpv4WithIpv4MappedIpv6() {
      assertThat(host("192.0.2.10").matches(host("[::ffff:192.0.2.10]"))).isFalse();
    }
  }

  @Nested
  class Addresses {
    @Test
    void givesInetAddressOfLiteralsWithoutDns() throws Exception {
      assertThat(host("192.0.2.1").inetAddress())
          .contains(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}));
      byte[] v6 = new byte[16];
      v6[0] = 0x20;
      v6[1] = 0x01;
      v6[2] = 0x0d;
      v6[3] = (byte) 0xb8;
      v6[12] = (byte) 192;
      v6[14] = 2;
      v6[15] = 1;
      assertThat(host("[2001:db8::192.0.2.1]").inetAddress())
          .contains(InetAddress.getByAddress(v6));
      assertThat(host("[2001:db8:::192.0.2.1]").inetAddress())
          .contains(InetAddress.getByAddress(v6));
    }

    @Test
    void givesNoInetAddressForName() {
      assertThat(host("example.com").inetAddress()).isEmpty();
    }

    @Test
    void placesGroupsAroundTheGap() throws Exception {
      byte[] expected = new byte[16];
      expected[0] = 0x00;
      expected[1] = 0x01;
      expected[13] = 0x02;
      expected[14] = 0x00;
      expected[15] = 0x03;
      assertThat(host("[1::2:3]").inetAddress()).contains(InetAddress.getByAddress(expected));
    }
  }

  @Nested
  class HostPorts {
    @Test
    void printsHostAndPort() {
      assertThat(new HostPort(host("[2001:db8::1]"), 5070).toString())
          .isEqualTo("[2001:db8::1]:5070");
      assertThat(new HostPort(host("example.com"), -1).toString()).isEqualTo("example.com");
    }

    @Test
    void givesPortOrFallback() {
      assertThat(new HostPort(host("a.com"), -1).portOr(5060)).isEqualTo(5060);
      assertThat(new HostPort(host("a.com"), 0).portOr(5060)).isZero();
      assertThat(new HostPort(host("a.com"), 0).hasPort()).isTrue();
    }

    @Test
    void refusesPortOutOfRange() {
      assertThatThrownBy(() -> new HostPort(host("a.com"), 65536))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new HostPort(host("a.com"), -2))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
