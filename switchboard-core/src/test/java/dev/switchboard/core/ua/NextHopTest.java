// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Next-hop selection from a URI: the RFC 3263 steps a UA without SRV needs. */
class NextHopTest {
  static NextHop resolve(String uri) {
    return NextHop.resolve(SipUri.parse(uri).value(), Runnable::run).join();
  }

  @Test
  void udpAndDefaultPortUnlessTheUriSaysOtherwise() {
    assertThat(resolve("sip:bob@127.0.0.1"))
        .isEqualTo(new NextHop(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060)));
    assertThat(resolve("sip:bob@127.0.0.1:5070;transport=TCP"))
        .isEqualTo(new NextHop(Transport.TCP, new InetSocketAddress("127.0.0.1", 5070)));
  }

  @Test
  void sipsMeansTlsOnPort5061() {
    assertThat(resolve("sips:bob@127.0.0.1"))
        .isEqualTo(new NextHop(Transport.TLS, new InetSocketAddress("127.0.0.1", 5061)));
  }

  @Test
  void maddrOverridesTheHost() {
    assertThat(resolve("sip:bob@example.invalid;maddr=127.0.0.2").address().getAddress().getHostAddress())
        .isEqualTo("127.0.0.2");
  }
}
