// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static dev.switchboard.transport.Fixtures.bytes;
import static dev.switchboard.transport.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several listeners in one transport, on native epoll and on NIO. */
class ListenersTest {
  @ParameterizedTest(name = "preferNative={0}")
  @ValueSource(booleans = {true, false})
  void receivesOnEveryListener(boolean preferNative) throws Exception {
    Fixtures.Inbox inbox = new Fixtures.Inbox();
    try (NettyTransport t =
            NettyTransport.builder()
                .listen(ListenPoint.parse("udp:127.0.0.1:0").value(), ListenPoint.parse("tcp:127.0.0.1:0").value())
                .handler(inbox)
                .preferNative(preferNative)
                .build()
                .start();
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Socket tcp = new Socket()) {
      assertThat(t.listening()).extracting(ListenPoint::transport).containsExactly(Transport.UDP, Transport.TCP);
      assertThat(t.listening()).allSatisfy(p -> assertThat(p.address().getPort()).isPositive());

      Fixtures.send(udp, options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKu", "viaudp"), t.listening().get(0).address());
      Inbound first = inbox.take();
      tcp.connect(t.listening().get(1).address(), 5000);
      tcp.getOutputStream().write(bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKt", "viatcp")));
      Inbound second = inbox.take();

      assertThat(first.flow().transport()).isEqualTo(Transport.UDP);
      assertThat(first.message().callId().orElseThrow().value()).isEqualTo("viaudp");
      assertThat(second.flow().transport()).isEqualTo(Transport.TCP);
      assertThat(second.message().callId().orElseThrow().value()).isEqualTo("viatcp");
    }
  }
}
