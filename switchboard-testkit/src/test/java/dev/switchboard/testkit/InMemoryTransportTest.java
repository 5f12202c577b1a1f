// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.Flow;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.Transport;
import dev.switchboard.transport.TransportException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {
  private static final InetSocketAddress A = new InetSocketAddress("10.0.0.1", 5060);
  private static final InetSocketAddress B = new InetSocketAddress("10.0.0.2", 5060);

  private final SipRequest options =
      SipRequest.builder(Method.OPTIONS, SipUri.of("bob", "b.example", -1))
          .add(HeaderName.VIA, Via.of("UDP", Host.of("10.0.0.1"), 5060, "z9hG4bK1"))
          .add(HeaderName.MAX_FORWARDS, new MaxForwards(70))
          .add(HeaderName.FROM, Address.of(SipUri.of("alice", "a.example", -1)).withTag("1"))
          .add(HeaderName.TO, Address.of(SipUri.of("bob", "b.example", -1)))
          .add(HeaderName.CALL_ID, new CallId("c1"))
          .add(HeaderName.CSEQ, new CSeq(1, Method.OPTIONS))
          .build();

  @Test
  void deliversSynchronouslyWithTheFlowSeenByTheReceiver() {
    InMemoryNetwork net = InMemoryNetwork.synchronous();
    InMemoryTransport a = net.attach(A);
    List<Inbound> atB = new ArrayList<>();
    net.attach(B).onInbound(atB::add);
    assertThat(a.send(options, Transport.UDP, B)).isCompletedWithValue(new Flow(Transport.UDP, A, B));
    assertThat(atB).singleElement().satisfies(in -> {
      assertThat(in.message()).isEqualTo(options);
      assertThat(in.flow()).isEqualTo(new Flow(Transport.UDP, B, A));
    });
    assertThat(a.sent()).containsExactly(options);
  }

  @Test
  void queuedNetworkHoldsMessagesUntilDelivered() {
    InMemoryNetwork net = InMemoryNetwork.queued();
    InMemoryTransport a = net.attach(A);
    List<Inbound> atB = new ArrayList<>();
    net.attach(B).onInbound(atB::add);
    a.send(options, Transport.UDP, B);
    a.send(options, Transport.UDP, B);
    assertThat(atB).isEmpty();
    assertThat(net.pending()).isEqualTo(2);
    assertThat(net.deliverNext()).isTrue();
    assertThat(atB).hasSize(1);
    assertThat(net.deliverAll()).isEqualTo(1);
    assertThat(atB).hasSize(2);
  }

  @Test
  void dropsTheNextMessagesButRecordsThem() {
    InMemoryNetwork net = InMemoryNetwork.synchronous();
    InMemoryTransport a = net.attach(A);
    List<Inbound> atB = new ArrayList<>();
    net.attach(B).onInbound(atB::add);
    a.dropNext(2);
    for (int i = 0; i < 3; i++) {
      a.send(options, Transport.UDP, B);
    }
    assertThat(atB).hasSize(1);
    assertThat(a.sent()).hasSize(3);
    assertThat(a.droppedCount()).isEqualTo(2);
  }

  @Test
  void losesUdpToNowhereButRefusesTcp() {
    InMemoryTransport a = InMemoryNetwork.synchronous().attach(A);
    assertThat(a.send(options, Transport.UDP, B)).isCompleted();
    assertThat(a.send(options, Transport.TCP, B)).isCompletedExceptionally();
  }

  @Test
  void failsTheNextSendsOnRequest() {
    InMemoryNetwork net = InMemoryNetwork.synchronous();
    InMemoryTransport a = net.attach(A);
    net.attach(B);
    a.failNext(1);
    assertThat(a.send(options, Transport.UDP, B)).failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(TransportException.class);
    assertThat(a.send(options, Transport.UDP, B)).isCompleted();
  }
}
