// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.MediaType;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18.1.1: large requests leave UDP for TCP. */
class ChooseTransportTest {
  private final SipTransport transport = NettyTransport.builder()
      .listen(ListenPoint.parse("udp:127.0.0.1:0").value())
      .handler(i -> {})
      .build();

  private static SipRequest withBody(int octets) {
    return Fixtures.request(Fixtures.options("SIP/2.0/UDP a.test;branch=z9hG4bK1", "c"))
        .toBuilder()
        .body(MediaType.parse("text/plain").value(), "x".repeat(octets))
        .build();
  }

  @Test
  void keepsUdpUpTo1300OctetsAndSwitchesToTcpAbove() {
    int n = 0;
    while (withBody(n + 1).encode().length <= SipTransport.UDP_SIZE_LIMIT) {
      n++;
    }

    assertThat(transport.chooseTransport(withBody(n), Transport.UDP)).isEqualTo(Transport.UDP);
    assertThat(transport.chooseTransport(withBody(n + 1), Transport.UDP)).isEqualTo(Transport.TCP);
  }

  @Test
  void leavesOtherTransportsAlone() {
    assertThat(transport.chooseTransport(withBody(1400), Transport.TLS)).isEqualTo(Transport.TLS);
    assertThat(transport.chooseTransport(withBody(0), Transport.TCP)).isEqualTo(Transport.TCP);
  }
}
