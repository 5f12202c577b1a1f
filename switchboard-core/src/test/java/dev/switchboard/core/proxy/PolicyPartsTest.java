// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.Transport;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The configurable parts of the proxy: trusted peers, host table, routing table, next hops. */
class PolicyPartsTest {
  private static SipUri uri(String s) {
    return SipUri.parse(s).value();
  }

  @Test
  void trustedPeersMatchAddressesAndBlocks() throws Exception {
    TrustedPeers t = TrustedPeers.parse(List.of("192.0.2.7", "198.51.100.0/24"));
    assertThat(t.contains(InetAddress.getByName("192.0.2.7"))).isTrue();
    assertThat(t.contains(InetAddress.getByName("192.0.2.8"))).isFalse();
    assertThat(t.contains(InetAddress.getByName("198.51.100.200"))).isTrue();
    assertThatThrownBy(() -> TrustedPeers.parse(List.of("example.com")))
        .hasMessageContaining("not an IP address");
  }

  @Test
  void routesMatchUserPrefixDomainOrAnything() {
    RoutingTable t = new RoutingTable(List.of(
        RouteRule.parse("user:+44", "sip:gw.example.net;transport=tcp"),
        RouteRule.parse("domain:partner.example", "sip:127.0.0.1:5090"),
        RouteRule.parse("any", "sip:fallback@gw2.example.net")));
    assertThat(t.match(uri("sip:+4420@example.com")).orElseThrow().apply(uri("sip:+4420@example.com")).toString())
        .isEqualTo("sip:+4420@gw.example.net;transport=tcp");
    assertThat(t.match(uri("sip:x@Partner.Example")).orElseThrow().kind()).isEqualTo(RouteRule.Kind.DOMAIN);
    assertThat(t.match(uri("sip:x@other.example")).orElseThrow().apply(uri("sip:x@other.example")).user())
        .isEqualTo("fallback");
    assertThatThrownBy(() -> RouteRule.parse("prefix:1", "sip:a")).hasMessageContaining("user:PREFIX");
  }

  @Test
  void resolvesLiteralsAndTheStaticTableWithoutDns() throws Exception {
    // RFC 3263 §4: literal addresses and configured hosts need no lookup
    Executor noDns = r -> {
      throw new AssertionError("DNS must not be asked");
    };
    HopResolver r = new HopResolver(StaticHosts.parse(Map.of("gw.example.net", "tcp:192.0.2.30:5070")), noDns);
    assertThat(r.resolve(uri("sip:bob@192.0.2.1")).get()).hasToString("udp:192.0.2.1:5060");
    assertThat(r.resolve(uri("sip:bob@192.0.2.1:5080;transport=tcp")).get()).hasToString("tcp:192.0.2.1:5080");
    assertThat(r.resolve(uri("sips:bob@192.0.2.1")).get()).hasToString("tls:192.0.2.1:5061");
    assertThat(r.resolve(uri("sip:bob@GW.example.net")).get()).hasToString("tcp:192.0.2.30:5070");
  }

  @Test
  void isThisMeComparesHostAndPort() {
    // INTEROP-NOTES item 1
    LocalAddresses local =
        new LocalAddresses(List.of(new ListenPoint(Transport.UDP, ProxyHarness.PROXY)), List.of("example.com"));
    assertThat(local.isMe(uri("sip:127.0.0.1:5060;lr"))).isTrue();
    assertThat(local.isMe(uri("sip:127.0.0.1;lr"))).isTrue();
    assertThat(local.isMe(uri("sip:127.0.0.1:5072"))).isFalse();
    assertThat(local.isMe(uri("sip:example.com;lr"))).isTrue();
    assertThat(local.isMe(uri("sip:example.com:5072"))).isFalse();
  }

  @Test
  void wildcardListenerIsEveryLocalAddressAndAdvertisesARealOne() {
    LocalAddresses local = new LocalAddresses(
        List.of(new ListenPoint(Transport.UDP, new java.net.InetSocketAddress("0.0.0.0", 5060))), List.of());
    assertThat(local.isMe(uri("sip:127.0.0.1:5060"))).isTrue();
    assertThat(local.isMe(uri("sip:127.0.0.1:5061"))).isFalse();
    String via = local.via(Transport.UDP, "z9hG4bKx").sentBy();
    assertThat(via).doesNotStartWith("0.0.0.0").doesNotStartWith("127.0.1.1").endsWith(":5060");
  }

  @Test
  void ipv6ListenerWritesBracketedViaAndRecordRoute() {
    LocalAddresses local = new LocalAddresses(
        List.of(new ListenPoint(Transport.TCP, new java.net.InetSocketAddress("::1", 5060))), List.of());
    assertThat(local.via(Transport.TCP, "z9hG4bKx").sentBy()).isEqualTo("[::1]:5060");
    assertThat(local.recordRoute(Transport.TCP).toString()).isEqualTo("<sip:[::1]:5060;transport=tcp;lr>");
    assertThat(local.isMe(uri("sip:[::1]:5060;lr"))).isTrue();
  }
}
