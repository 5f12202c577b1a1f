// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.header.Via;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18.2.2 and RFC 3581 §4 destinations, without sockets. */
class ResponseRouterTest {
  private static InetSocketAddress route(String via, Transport t) {
    return ResponseRouter.destination(Via.parse(via).value(), t);
  }

  @Test
  void unreliableUsesMaddrWithTheSentByPort() {
    assertThat(route("SIP/2.0/UDP 192.0.2.1:5070;maddr=239.255.255.1;received=192.0.2.9;branch=z9hG4bK1", Transport.UDP))
        .isEqualTo(new InetSocketAddress("239.255.255.1", 5070));
  }

  @Test
  void unreliableUsesReceivedAndRport() {
    assertThat(route("SIP/2.0/UDP 192.0.2.1:5070;rport=40000;received=192.0.2.9;branch=z9hG4bK1", Transport.UDP))
        .isEqualTo(new InetSocketAddress("192.0.2.9", 40000));
  }

  @Test
  void unreliableUsesReceivedAndTheSentByPortWithoutRport() {
    assertThat(route("SIP/2.0/UDP 192.0.2.1:5070;received=192.0.2.9;branch=z9hG4bK1", Transport.UDP))
        .isEqualTo(new InetSocketAddress("192.0.2.9", 5070));
  }

  @Test
  void unreliableFallsBackToTheSentByAndDefaultPort() {
    assertThat(route("SIP/2.0/UDP [2001:db8::5];branch=z9hG4bK1", Transport.UDP))
        .isEqualTo(new InetSocketAddress("2001:db8::5", 5060));
  }

  @Test
  void reliableUsesReceivedWithTheSentByPortOrTheDefault() {
    // RFC 3261 §18.2.2: once the connection is gone, received (or sent-by) and the sent-by port.
    assertThat(route("SIP/2.0/TLS 192.0.2.1;rport=40000;received=192.0.2.9;branch=z9hG4bK1", Transport.TLS))
        .isEqualTo(new InetSocketAddress("192.0.2.9", 5061));
  }

  @Test
  void leavesAHostNameUnresolved() {
    InetSocketAddress a = route("SIP/2.0/UDP pc33.example.test:5066;branch=z9hG4bK1", Transport.UDP);

    assertThat(a.isUnresolved()).isTrue();
    assertThat(a.getHostString()).isEqualTo("pc33.example.test");
    assertThat(a.getPort()).isEqualTo(5066);
  }
}
