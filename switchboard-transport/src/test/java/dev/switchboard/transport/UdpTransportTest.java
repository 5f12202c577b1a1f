// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static dev.switchboard.transport.Fixtures.options;
import static dev.switchboard.transport.Fixtures.parse;
import static dev.switchboard.transport.Fixtures.receive;
import static dev.switchboard.transport.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** UDP over real sockets on the loopback interface. */
class UdpTransportTest {
  private final Fixtures.Inbox inbox = new Fixtures.Inbox();
  private NettyTransport transport;
  private DatagramSocket client;

  @AfterEach
  void tearDown() {
    if (transport != null) {
      transport.close();
    }
    if (client != null) {
      client.close();
    }
  }

  private InetSocketAddress start(String listen, DatagramFilter filter) throws Exception {
    transport =
        NettyTransport.builder()
            .listen(ListenPoint.parse(listen).value())
            .handler(inbox)
            .datagramFilter(filter)
            .build()
            .start();
    return transport.listening().get(0).address();
  }

  private InetSocketAddress start() throws Exception {
    client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    return start("udp:127.0.0.1:0", DatagramFilter.PASS_ALL);
  }

  @Nested
  class Section18_2_1 {
    @Test
    void addsReceivedAndFillsRportOnTheTopVia() throws Exception {
      // RFC 3261 §18.2.1, RFC 3581 §4
      InetSocketAddress server = start();
      send(client, options("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;rport", "c1"), server);

      Inbound in = inbox.take();
      Via via = in.message().topVia().orElseThrow();
      assertThat(via.received()).hasValue("127.0.0.1");
      assertThat(via.rport()).hasValue(client.getLocalPort());
      assertThat(in.flow().transport()).isEqualTo(Transport.UDP);
      assertThat(in.flow().remote()).isEqualTo(client.getLocalSocketAddress());
      assertThat(in.flow().local()).isEqualTo(server);
      assertThat(transport.stats().received()).isEqualTo(1);
    }

    @Test
    void addsNoReceivedWhenSentByIsTheSourceAddress() throws Exception {
      // RFC 3261 §18.2.1: received only when the sent-by host differs from the source.
      InetSocketAddress server = start();
      send(client, options("SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=z9hG4bK2", "c2"), server);

      Via via = inbox.take().message().topVia().orElseThrow();
      assertThat(via.received()).isEmpty();
      assertThat(via.hasRport()).isFalse();
    }

    @Test
    void keepsTheOtherViasInOrder() throws Exception {
      InetSocketAddress server = start();
      String text =
          options("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK3, SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK4", "c3")
              .replace("Max-Forwards", "Via: SIP/2.0/UDP 192.0.2.3;branch=z9hG4bK5\r\nMax-Forwards");
      send(client, text, server);

      var vias = inbox.take().message().all(dev.switchboard.message.header.HeaderName.VIA);
      assertThat(vias).extracting(v -> v.branch().orElseThrow()).containsExactly("z9hG4bK3", "z9hG4bK4", "z9hG4bK5");
      assertThat(vias.get(0).received()).hasValue("127.0.0.1");
    }
  }

  @Nested
  class Section18_2_2 {
    @Test
    void routesTheResponseToReceivedAndRport() throws Exception {
      // RFC 3581 §4: the response goes to the source address and port, from the listener.
      InetSocketAddress server = start();
      send(client, options("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK6;rport", "c6"), server);
      Inbound in = inbox.take();

      SipResponse ok = Fixtures.response(in, 200, "OK");
      Flow flow = transport.sendResponse(ok, in).get();

      assertThat(parse(receive(client))).isEqualTo(ok);
      assertThat(flow.remote()).isEqualTo(client.getLocalSocketAddress());
      assertThat(flow.local()).isEqualTo(server);
    }

    @Test
    void routesTheResponseToReceivedAndSentByPortWithoutRport() throws Exception {
      // RFC 3261 §18.2.2: received address, sent-by port.
      InetSocketAddress server = start();
      try (DatagramSocket other = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
        send(client, options("SIP/2.0/UDP 192.0.2.1:" + other.getLocalPort() + ";branch=z9hG4bK7", "c7"), server);
        Inbound in = inbox.take();

        transport.sendResponse(Fixtures.response(in, 486, "Busy Here"), in).get();

        assertThat(new String(receive(other), StandardCharsets.UTF_8)).startsWith("SIP/2.0 486 Busy Here");
      }
    }
  }

  @Nested
  class MalformedInput {
    @Test
    void answersAMalformedRequestWith400NamingTheFault() throws Exception {
      // RFC 3261 §8.2.6.1: the response copies Via, From, To, Call-ID and CSeq.
      InetSocketAddress server = start();
      String text =
          options("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK8;rport", "c8")
              .replace("Max-Forwards: 70", "Max-Forwards: seventy");
      send(client, text, server);

      SipResponse r = (SipResponse) parse(receive(client));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.reasonPhrase()).contains("Max-Forwards");
      assertThat(r.topVia().orElseThrow().rport()).hasValue(client.getLocalPort());
      assertThat(r.callId().orElseThrow().value()).isEqualTo("c8");
      assertThat(r.to().orElseThrow().tag()).isPresent();
      assertThat(transport.stats().malformedAnswered()).isEqualTo(1);
      assertThat(inbox.isEmpty()).isTrue();
    }

    @Test
    void answersAnotherSipVersionWith505() throws Exception {
      // RFC 3261 §21.5.7: 505 Version Not Supported.
      InetSocketAddress server = start();
      String text =
          options("SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=z9hG4bK9", "c9")
              .replace("sip:bob@127.0.0.1 SIP/2.0", "sip:bob@127.0.0.1 SIP/7.0");
      send(client, text, server);

      SipResponse r = (SipResponse) parse(receive(client));
      assertThat(r.statusCode()).isEqualTo(505);
    }

    @Test
    void dropsAndCountsGarbageAndMalformedResponses() throws Exception {
      InetSocketAddress server = start();
      send(client, "\u0001\u0002 not SIP at all", server);
      send(client, "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKa\r\nCSeq: x\r\n\r\n", server);
      // Datagrams on one listener are handled in order: once this one is in, the others were.
      send(client, options("SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=z9hG4bKb", "cb"), server);
      inbox.take();

      assertThat(transport.stats().malformedDropped()).isEqualTo(2);
      assertThat(transport.stats().malformedAnswered()).isZero();
      client.setSoTimeout(200);
      assertThatThrownBy(() -> client.receive(new java.net.DatagramPacket(new byte[1500], 1500)))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Nested
  class Sending {
    @Test
    void sendsARequestToAnAddress() throws Exception {
      InetSocketAddress server = start();
      var request = Fixtures.request(options("SIP/2.0/UDP 127.0.0.1:" + server.getPort() + ";branch=z9hG4bKc", "cc"));

      Flow flow = transport.send(request, Transport.UDP, (InetSocketAddress) client.getLocalSocketAddress()).get();

      assertThat(parse(receive(client))).isEqualTo(request);
      assertThat(flow.local()).isEqualTo(server);
      assertThat(transport.stats().sent()).isEqualTo(1);
    }

    @Test
    void failsWithoutAListenerOfTheDestinationsFamily() throws Exception {
      start();
      var request = Fixtures.request(options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKd", "cd"));

      assertThat(transport.send(request, Transport.UDP, new InetSocketAddress("::1", 5060)))
          .failsWithin(java.time.Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(TransportException.class)
          .withMessageContaining("no UDP listener for IPv6");
      assertThat(transport.stats().sendFailures()).isEqualTo(1);
    }
  }

  @Nested
  class Filter {
    @Test
    void dropsTheFirstInboundDatagrams() throws Exception {
      client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
      InetSocketAddress server = start("udp:127.0.0.1:0", DatagramFilter.dropFirst(DatagramFilter.Direction.INBOUND, 2));
      for (int i = 1; i <= 3; i++) {
        send(client, options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKf" + i, "f" + i), server);
      }

      assertThat(inbox.take().message().callId().orElseThrow().value()).isEqualTo("f3");
      assertThat(transport.stats().filtered()).isEqualTo(2);
    }

    @Test
    void dropsTheFirstOutboundDatagrams() throws Exception {
      client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
      start("udp:127.0.0.1:0", DatagramFilter.dropFirst(DatagramFilter.Direction.OUTBOUND, 1));
      InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
      transport.send(Fixtures.request(options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKg1", "g1")), Transport.UDP, to).get();
      transport.send(Fixtures.request(options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKg2", "g2")), Transport.UDP, to).get();

      assertThat(parse(receive(client)).callId().orElseThrow().value()).isEqualTo("g2");
    }
  }

  @Test
  void worksOverIpv6Loopback() throws Exception {
    try {
      client = new DatagramSocket(new InetSocketAddress("::1", 0));
    } catch (SocketException e) {
      Assumptions.abort("::1 is not available here: " + e.getMessage());
    }
    InetSocketAddress server = start("udp:[::1]:0", DatagramFilter.PASS_ALL);
    send(client, options("SIP/2.0/UDP [2001:db8::1]:5070;branch=z9hG4bKh;rport", "h"), server);

    Inbound in = inbox.take();
    Via via = in.message().topVia().orElseThrow();
    assertThat(Host.parse(via.received().orElseThrow()).value()).isEqualTo(Host.of("[::1]"));
    assertThat(via.rport()).hasValue(client.getLocalPort());
    transport.sendResponse(Fixtures.response(in, 200, "OK"), in).get();
    assertThat(new String(receive(client), StandardCharsets.UTF_8)).startsWith("SIP/2.0 200 OK");
  }

  @Test
  void reportsAPortInUseInOneLine() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      String point = "udp:127.0.0.1:" + taken.getLocalPort();

      assertThatThrownBy(() -> start(point, DatagramFilter.PASS_ALL))
          .isInstanceOf(TransportException.class)
          .hasMessage(point + ": address already in use");
      assertThat(transport).isNull();
    }
  }
}
