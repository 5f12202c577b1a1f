// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.transaction.InviteServerTransaction.State;
import dev.switchboard.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InviteServerTransactionTest {
  private final Harness h = Harness.atUas();
  private final SipRequest invite = Fixtures.request(Method.INVITE, "z9hG4bKinv1");

  private InviteServerTransaction receive() {
    h.peerSends(invite);
    return (InviteServerTransaction) h.tu.lastRequest();
  }

  private SipRequest ackFor(SipResponse response) {
    return InviteClientTransaction.ackFor(invite, response);
  }

  @Nested
  class Section17_2_1 {
    @Test
    void passesInviteToTuInProceeding() {
      // RFC 3261 §17.2.1
      InviteServerTransaction tx = receive();
      assertThat(tx.state()).isEqualTo(State.PROCEEDING);
      assertThat(tx.request()).isEqualTo(invite);
      assertThat(h.tu.requests).hasSize(1);
    }

    @Test
    void sendsTryingAfter200msWithoutTuAnswer() {
      // RFC 3261 §17.2.1: 100 unless the TU answers within 200 ms
      receive();
      h.timers.advance(Duration.ofMillis(199));
      assertThat(h.peerInbox).isEmpty();
      h.timers.advance(Duration.ofMillis(1));
      assertThat(h.peerStatuses()).containsExactly(100);
      SipResponse trying = h.peerResponses().get(0);
      assertThat(trying.to()).isEqualTo(invite.to());
      assertThat(trying.all(HeaderName.VIA)).isEqualTo(invite.all(HeaderName.VIA));
    }

    @Test
    void sendsNoTryingWhenTuAnswersInTime() {
      // RFC 3261 §17.2.1
      InviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(invite, 180));
      h.timers.advance(Duration.ofSeconds(1));
      assertThat(h.peerStatuses()).containsExactly(180);
    }

    @Test
    void sendsTryingAtOnceWithZeroDelay() {
      // RFC 3261 §17.2.1: the delay is configurable
      TransactionLayer eager =
          TransactionLayer.builder(h.local, h.tu, h.timers, h.stripes).tryingDelay(Duration.ZERO).build();
      h.local.onInbound(eager);
      h.peerSends(invite);
      assertThat(h.peerStatuses()).containsExactly(100);
    }

    @Test
    void absorbsRetransmittedRequestAndResendsLastResponse() {
      // RFC 3261 §17.2.1
      InviteServerTransaction tx = receive();
      h.peerSends(invite);
      assertThat(h.peerInbox).isEmpty();
      tx.respond(Fixtures.response(invite, 180));
      h.peerSends(invite);
      assertThat(h.peerStatuses()).containsExactly(180, 180);
      tx.respond(Fixtures.response(invite, 486));
      h.peerSends(invite);
      assertThat(h.peerStatuses()).containsExactly(180, 180, 486, 486);
      assertThat(h.tu.requests).hasSize(1);
    }

    @Test
    void retransmitsNon2xxOnTimerGDoublingUpToT2() {
      // RFC 3261 §17.2.1
      InviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(invite, 486));
      List<Long> times = new ArrayList<>();
      int seen = 0;
      while (h.timers.now().toMillis() < 20_000) {
        if (h.peerInbox.size() > seen) {
          times.add(h.timers.now().toMillis());
          seen = h.peerInbox.size();
        }
        h.timers.advance(Duration.ofMillis(1));
      }
      assertThat(times).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11_500L, 15_500L, 19_500L);
    }

    @Test
    void absorbsAckForNon2xxAndConfirms() {
      // RFC 3261 §17.2.1: Completed -> Confirmed on ACK, which does not reach the TU
      InviteServerTransaction tx = receive();
      SipResponse busy = Fixtures.response(invite, 486);
      tx.respond(busy);
      h.peerSends(ackFor(busy));
      assertThat(tx.state()).isEqualTo(State.CONFIRMED);
      assertThat(h.tu.acks).isEmpty();
      // Timer G stopped; a retransmitted ACK within timer I is absorbed as well.
      h.timers.advance(Duration.ofSeconds(4));
      assertThat(h.peerStatuses()).containsExactly(486);
      h.peerSends(ackFor(busy));
      assertThat(h.tu.acks).isEmpty();
    }

    @Test
    void terminatesOnTimerI() {
      // RFC 3261 §17.2.1: timer I = T4 for unreliable transports
      InviteServerTransaction tx = receive();
      SipResponse busy = Fixtures.response(invite, 486);
      tx.respond(busy);
      h.peerSends(ackFor(busy));
      h.timers.advance(Duration.ofMillis(4_999));
      assertThat(tx.state()).isEqualTo(State.CONFIRMED);
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void terminatesOnAckOverReliableTransport() {
      // RFC 3261 §17.2.1: no timer G and timer I zero over reliable transports
      SipRequest tcpInvite = Fixtures.request(Method.INVITE, "z9hG4bKtcp", Transport.TCP, "c-tcp");
      h.peerSends(tcpInvite, Transport.TCP);
      InviteServerTransaction tx = (InviteServerTransaction) h.tu.lastRequest();
      SipResponse busy = Fixtures.response(tcpInvite, 486);
      tx.respond(busy);
      h.timers.advance(Duration.ofSeconds(5));
      assertThat(h.peerStatuses()).containsExactly(486);
      h.peerSends(InviteClientTransaction.ackFor(tcpInvite, busy), Transport.TCP);
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
    }

    @Test
    void reportsTimeoutOnTimerH() {
      // RFC 3261 §17.2.1: "MUST indicate to the TU that a transaction failure has occurred"
      InviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(invite, 486));
      h.timers.advance(Duration.ofMillis(31_999));
      assertThat(h.tu.failures).isEmpty();
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.tu.failures).containsExactly(
          new RecordingTransactionUser.FailureReport(tx, new Failure.Timeout(TimerName.H)));
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void refusesSecondFinalResponse() {
      // RFC 3261 §17.2.1: one final response per transaction
      InviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(invite, 486));
      assertThatThrownBy(() -> tx.respond(Fixtures.response(invite, 200)))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> tx.respond(Fixtures.response(invite, 180)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class Rfc6026 {
    @Test
    void twoXxMovesToAccepted() {
      // RFC 6026 §7.1
      InviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(invite, 200));
      assertThat(tx.state()).isEqualTo(State.ACCEPTED);
      h.peerSends(invite);
      assertThat(h.peerStatuses()).containsExactly(200);
    }

    @Test
    void acceptedStatePassesTu2xxRetransmissions() {
      // RFC 6026 §7.1: "2xx from TU / send response"
      InviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(invite, 200));
      tx.respond(Fixtures.response(invite, 200));
      assertThat(h.peerStatuses()).containsExactly(200, 200);
      assertThatThrownBy(() -> tx.respond(Fixtures.response(invite, 486)))
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ackFor2xxGoesToTu() {
      // RFC 6026 §7.1: the ACK for a 2xx is for the TU
      InviteServerTransaction tx = receive();
      SipResponse ok = Fixtures.response(invite, 200);
      tx.respond(ok);
      // An ACK for 2xx carries a new branch (section 13.2.2.4) and so matches no transaction.
      SipRequest ack = ackFor(ok).toBuilder()
          .set(HeaderName.VIA, invite.topVia().orElseThrow().withParameter("branch", "z9hG4bKack2xx"))
          .build();
      h.peerSends(ack);
      // One that reuses the INVITE's branch matches it and is passed up from Accepted.
      h.peerSends(ackFor(ok));
      assertThat(h.tu.acks).hasSize(2);
      assertThat(tx.state()).isEqualTo(State.ACCEPTED);
    }

    @Test
    void terminatesOnTimerL() {
      // RFC 6026 §7.1: timer L = 64*T1
      InviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(invite, 200));
      h.timers.advance(Duration.ofMillis(31_999));
      assertThat(tx.state()).isEqualTo(State.ACCEPTED);
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void reportsTransportErrorInAcceptedAndStays() {
      // RFC 6026 §7.1: Accepted informs the TU of a transport error and stays
      InviteServerTransaction tx = receive();
      h.local.failNext(1);
      tx.respond(Fixtures.response(invite, 200));
      assertThat(tx.state()).isEqualTo(State.ACCEPTED);
      assertThat(h.tu.failures).singleElement()
          .satisfies(f -> assertThat(f.failure()).isInstanceOf(Failure.TransportError.class));
    }
  }

  @Nested
  class Section17_2_4 {
    @Test
    void reportsTransportError() {
      // RFC 3261 §17.2.4: inform the TU, which may answer 503
      InviteServerTransaction tx = receive();
      h.local.failNext(1);
      tx.respond(Fixtures.response(invite, 180));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.tu.failures).singleElement()
          .satisfies(f -> assertThat(f.failure()).isInstanceOf(Failure.TransportError.class));
      assertThat(h.layer.activeCount()).isZero();
    }
  }
}
