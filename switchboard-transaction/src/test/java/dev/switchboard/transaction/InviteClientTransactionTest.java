// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.transaction.InviteClientTransaction.State;
import dev.switchboard.transport.Transport;
import dev.switchboard.transport.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InviteClientTransactionTest {
  private final Harness h = Harness.atUac();
  private final RecordingListener listener = new RecordingListener();
  private final SipRequest invite = Fixtures.request(Method.INVITE, "z9hG4bKinv1");

  private InviteClientTransaction send(Transport transport) {
    return (InviteClientTransaction) h.layer.sendRequest(invite, transport, Fixtures.UAS, listener);
  }

  private long invitesSent() {
    return h.peerRequests().stream().filter(r -> r.method().equals(Method.INVITE)).count();
  }

  @Nested
  class Section17_1_1_2 {
    @Test
    void retransmitsInviteOnTimerAUntilTimerB() {
      // RFC 3261 §17.1.1.2
      InviteClientTransaction tx = send(Transport.UDP);
      assertThat(invitesSent()).isEqualTo(1);
      h.timers.advance(Duration.ofMillis(499));
      assertThat(invitesSent()).isEqualTo(1);
      h.timers.advance(Duration.ofMillis(1));
      assertThat(invitesSent()).isEqualTo(2);
      h.timers.advance(Duration.ofMillis(1000));
      assertThat(invitesSent()).isEqualTo(3);
      h.timers.advance(Duration.ofMillis(2000));
      assertThat(invitesSent()).isEqualTo(4);
      // 7.5 s, 15.5 s, 31.5 s; timer B at 32 s stops it.
      h.timers.advance(Duration.ofMillis(28_500));
      assertThat(invitesSent()).isEqualTo(7);
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
    }

    @Test
    void reportsTimeoutOnTimerB() {
      // RFC 3261 §17.1.1.2
      InviteClientTransaction tx = send(Transport.UDP);
      h.timers.advance(Duration.ofMillis(31_999));
      assertThat(listener.outcomes).isEmpty();
      h.timers.advance(Duration.ofMillis(1));
      assertThat(listener.outcomes).containsExactly(new Failure.Timeout(TimerName.B));
      assertThat(tx.outcome()).isCompletedWithValue(new Failure.Timeout(TimerName.B));
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void doesNotRetransmitOverReliableTransport() {
      // RFC 3261 §17.1.1.2: "If an unreliable transport is being used ... start timer A"
      send(Transport.TCP);
      h.timers.advance(Duration.ofSeconds(31));
      assertThat(invitesSent()).isEqualTo(1);
      h.timers.advance(Duration.ofSeconds(1));
      assertThat(listener.outcomes).containsExactly(new Failure.Timeout(TimerName.B));
    }

    @Test
    void provisionalMovesToProceedingStopsRetransmissionAndReachesTu() {
      // RFC 3261 §17.1.1.2
      InviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(invite, 180));
      assertThat(tx.state()).isEqualTo(State.PROCEEDING);
      assertThat(listener.provisionals).hasSize(1);
      h.timers.advance(Duration.ofMinutes(5));
      assertThat(invitesSent()).isEqualTo(1);
      assertThat(tx.state()).isEqualTo(State.PROCEEDING);
      assertThat(listener.outcomes).isEmpty();
      h.peerSends(Fixtures.response(invite, 183));
      assertThat(listener.provisionals).hasSize(2);
    }
  }

  @Nested
  class Section17_1_1_3 {
    @Test
    void buildsAckForNon2xxPerSection17_1_1_3() {
      // RFC 3261 §17.1.1.3
      SipRequest routed =
          invite.toBuilder()
              .add("Route", "<sip:p1.example;lr>")
              .add("Route", "<sip:p2.example;lr>")
              .add("Via", "SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKlower")
              .add("Subject", "not copied")
              .build();
      h.layer.sendRequest(routed, Transport.UDP, Fixtures.UAS, listener);
      SipResponse busy = Fixtures.response(routed, 486);
      h.peerSends(busy);

      SipRequest ack = h.peerRequests().get(1);
      assertThat(ack.method()).isEqualTo(Method.ACK);
      assertThat(ack.requestUri()).isEqualTo(routed.requestUri());
      assertThat(ack.callId()).isEqualTo(routed.callId());
      assertThat(ack.from()).isEqualTo(routed.from());
      assertThat(ack.to()).isEqualTo(busy.to());
      assertThat(ack.to().orElseThrow().tag()).contains("b1");
      assertThat(ack.cseq()).contains(new CSeq(1, Method.ACK));
      assertThat(ack.all(HeaderName.VIA)).containsExactly(routed.topVia().orElseThrow());
      assertThat(ack.headerLines(HeaderName.ROUTE)).containsExactly("<sip:p1.example;lr>", "<sip:p2.example;lr>");
      assertThat(ack.has(HeaderName.SUBJECT)).isFalse();
      assertThat(ack.bodyLength()).isZero();
    }

    @Test
    void non2xxGoesToCompletedAndReachesTuOnce() {
      // RFC 3261 §17.1.1.2
      InviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(invite, 486));
      assertThat(tx.state()).isEqualTo(State.COMPLETED);
      assertThat(listener.outcomes).singleElement().isInstanceOf(ClientOutcome.FinalResponse.class);
      assertThat(((ClientOutcome.FinalResponse) listener.outcomes.get(0)).response().statusCode()).isEqualTo(486);
    }

    @Test
    void resendsAckForRetransmittedFinalWithoutTellingTu() {
      // RFC 3261 §17.1.1.2: "MUST cause the ACK to be re-passed ... MUST NOT be passed up"
      send(Transport.UDP);
      h.peerSends(Fixtures.response(invite, 486));
      h.peerSends(Fixtures.response(invite, 486));
      h.peerSends(Fixtures.response(invite, 486));
      assertThat(h.peerRequests()).extracting(SipRequest::method)
          .containsExactly(Method.INVITE, Method.ACK, Method.ACK, Method.ACK);
      assertThat(listener.outcomes).hasSize(1);
    }

    @Test
    void terminatesOnTimerD() {
      // RFC 3261 §17.1.1.2: timer D at least 32 s for unreliable transports
      InviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(invite, 486));
      h.timers.advance(Duration.ofMillis(31_999));
      assertThat(tx.state()).isEqualTo(State.COMPLETED);
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void terminatesAtOnceOverReliableTransport() {
      // RFC 3261 §17.1.1.2: timer D zero for reliable transports
      InviteClientTransaction tx = send(Transport.TCP);
      h.peerSends(Fixtures.response(invite, 603), Transport.TCP);
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.peerRequests()).extracting(SipRequest::method).containsExactly(Method.INVITE, Method.ACK);
      assertThat(h.layer.activeCount()).isZero();
    }
  }

  @Nested
  class Rfc6026 {
    @Test
    void twoXxMovesToAcceptedAndReachesTuWithoutAck() {
      // RFC 6026 §7.2: the TU, not the transaction, acknowledges a 2xx
      InviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(invite, 200));
      assertThat(tx.state()).isEqualTo(State.ACCEPTED);
      assertThat(tx.outcome()).isCompletedWithValueMatching(
          o -> o instanceof ClientOutcome.FinalResponse f && f.response().statusCode() == 200);
      assertThat(h.peerRequests()).extracting(SipRequest::method).containsExactly(Method.INVITE);
    }

    @Test
    void acceptedStatePassesRetransmitted2xxToTu() {
      // RFC 6026 §7.2
      send(Transport.UDP);
      h.peerSends(Fixtures.response(invite, 200));
      h.peerSends(Fixtures.response(invite, 200));
      h.peerSends(Fixtures.response(invite, 200));
      assertThat(listener.outcomes).hasSize(1);
      assertThat(listener.additional2xx).hasSize(2);
      assertThat(h.tu.strays).isEmpty();
    }

    @Test
    void terminatesOnTimerM() {
      // RFC 6026 §7.2: timer M = 64*T1
      InviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(invite, 200));
      h.timers.advance(Duration.ofMillis(31_999));
      assertThat(tx.state()).isEqualTo(State.ACCEPTED);
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      h.peerSends(Fixtures.response(invite, 200));
      assertThat(h.tu.strays).hasSize(1);
    }
  }

  @Nested
  class Section17_1_4 {
    @Test
    void reportsTransportError() {
      // RFC 3261 §17.1.4
      h.local.failNext(1);
      InviteClientTransaction tx = send(Transport.UDP);
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(listener.outcomes).singleElement()
          .isInstanceOfSatisfying(Failure.TransportError.class, e -> assertThat(e.cause()).isInstanceOf(TransportException.class));
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void reportsRefusedConnection() {
      // RFC 3261 §17.1.4: nothing listens at the destination over TCP
      h.peer.close();
      send(Transport.TCP);
      assertThat(listener.outcomes).singleElement().isInstanceOf(Failure.TransportError.class);
    }
  }
}
