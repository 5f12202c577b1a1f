// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18.2.1 and RFC 3581 §4, without sockets. */
class ViaStampTest {
  private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.7", 40000);

  private static Via via(String text) {
    return Via.parse(text).value();
  }

  @Test
  void comparesHostsAsAddressesNotStrings() {
    // RFC 3261 §18.2.1: received only when the address differs.
    InetSocketAddress v6 = new InetSocketAddress("2001:db8::1", 5060);
    Via same = via("SIP/2.0/UDP [2001:DB8:0:0:0:0:0:1];branch=z9hG4bK1");

    assertThat(ViaStamp.stamp(same, v6)).isSameAs(same);
  }

  @Test
  void addsReceivedForAHostName() {
    Via v = ViaStamp.stamp(via("SIP/2.0/UDP pc33.example.test;branch=z9hG4bK1"), SOURCE);

    assertThat(v.received()).hasValue("192.0.2.7");
    assertThat(v.hasRport()).isFalse();
  }

  @Test
  void fillsRportAndAddsReceivedEvenForTheSameAddress() {
    // RFC 3581 §4: received MUST be added along with rport.
    Via v = ViaStamp.stamp(via("SIP/2.0/UDP 192.0.2.7:5060;rport;branch=z9hG4bK1"), SOURCE);

    assertThat(v.rport()).hasValue(40000);
    assertThat(v.received()).hasValue("192.0.2.7");
    assertThat(v.toString()).isEqualTo("SIP/2.0/UDP 192.0.2.7:5060;rport=40000;branch=z9hG4bK1;received=192.0.2.7");
  }

  @Test
  void rewritesOnlyTheTopValueOfACommaList() {
    SipRequest r =
        Fixtures.request(
            Fixtures.options("SIP/2.0/UDP a.test;branch=z9hG4bK1, SIP/2.0/UDP b.test;branch=z9hG4bK2", "c"));

    SipRequest stamped = ViaStamp.apply(r, SOURCE);

    assertThat(stamped.headerLines(HeaderName.VIA))
        .containsExactly("SIP/2.0/UDP a.test;branch=z9hG4bK1;received=192.0.2.7", "SIP/2.0/UDP b.test;branch=z9hG4bK2");
    assertThat(stamped.headers().get(0).name()).isEqualTo(HeaderName.VIA);
  }

  @Test
  void keepsASingleViaWhereItStands() {
    SipRequest r =
        Fixtures.request(
            Fixtures.options("SIP/2.0/UDP a.test;branch=z9hG4bK1", "c").replace("Via:", "User-Agent: x\r\nVia:"));

    SipRequest stamped = ViaStamp.apply(r, SOURCE);

    assertThat(stamped.headers().get(1).toString()).isEqualTo("Via: SIP/2.0/UDP a.test;branch=z9hG4bK1;received=192.0.2.7");
  }

  @Test
  void leavesTheRequestAloneWhenNothingChanges() {
    SipRequest r = Fixtures.request(Fixtures.options("SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK1", "c"));

    assertThat(ViaStamp.apply(r, SOURCE)).isSameAs(r);
  }
}
