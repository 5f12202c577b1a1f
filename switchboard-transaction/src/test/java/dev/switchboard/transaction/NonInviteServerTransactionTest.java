// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.transaction.NonInviteServerTransaction.State;
import dev.switchboard.transport.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NonInviteServerTransactionTest {
  private final Harness h = Harness.atUas();
  private final SipRequest bye = Fixtures.request(Method.BYE, "z9hG4bKbye1");

  private NonInviteServerTransaction receive() {
    h.peerSends(bye);
    return (NonInviteServerTransaction) h.tu.lastRequest();
  }

  @Nested
  class Section17_2_2 {
    @Test
    void passesRequestToTuInTrying() {
      // RFC 3261 §17.2.2
      NonInviteServerTransaction tx = receive();
      assertThat(tx.state()).isEqualTo(State.TRYING);
      assertThat(h.tu.requests).hasSize(1);
    }

    @Test
    void absorbsRetransmissionInTrying() {
      // RFC 3261 §17.2.2: "any retransmissions of the request ... discarded"
      receive();
      h.peerSends(bye);
      assertThat(h.tu.requests).hasSize(1);
      assertThat(h.peerInbox).isEmpty();
    }

    @Test
    void absorbsRetransmittedRequestAndResendsLastResponse() {
      // RFC 3261 §17.2.2
      NonInviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(bye, 100));
      assertThat(tx.state()).isEqualTo(State.PROCEEDING);
      h.peerSends(bye);
      assertThat(h.peerStatuses()).containsExactly(100, 100);
      tx.respond(Fixtures.response(bye, 200));
      assertThat(tx.state()).isEqualTo(State.COMPLETED);
      h.peerSends(bye);
      assertThat(h.peerStatuses()).containsExactly(100, 100, 200, 200);
      assertThat(h.tu.requests).hasSize(1);
    }

    @Test
    void terminatesOnTimerJ() {
      // RFC 3261 §17.2.2: timer J = 64*T1 for unreliable transports
      NonInviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(bye, 200));
      h.timers.advance(Duration.ofMillis(31_999));
      assertThat(tx.state()).isEqualTo(State.COMPLETED);
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
      assertThat(h.peerStatuses()).containsExactly(200);
    }

    @Test
    void terminatesAtOnceOverReliableTransport() {
      // RFC 3261 §17.2.2: timer J zero for reliable transports
      SipRequest tcpBye = Fixtures.request(Method.BYE, "z9hG4bKtcp", Transport.TCP, "c-tcp");
      h.peerSends(tcpBye, Transport.TCP);
      NonInviteServerTransaction tx = (NonInviteServerTransaction) h.tu.lastRequest();
      tx.respond(Fixtures.response(tcpBye, 200));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void refusesSecondFinalResponse() {
      // RFC 3261 §17.2.2: one final response per transaction
      NonInviteServerTransaction tx = receive();
      tx.respond(Fixtures.response(bye, 200));
      assertThatThrownBy(() -> tx.respond(Fixtures.response(bye, 200)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class Section17_2_4 {
    @Test
    void reportsTransportError() {
      // RFC 3261 §17.2.4
      NonInviteServerTransaction tx = receive();
      h.local.failNext(1);
      tx.respond(Fixtures.response(bye, 200));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.tu.failures).singleElement()
          .satisfies(f -> assertThat(f.failure()).isInstanceOf(Failure.TransportError.class));
    }

    @Test
    void reportsTransportErrorAfterReliableCompletion() {
      // RFC 3261 §17.2.4: with timer J zero the failure arrives after Terminated, and still counts
      SipRequest tcpBye = Fixtures.request(Method.BYE, "z9hG4bKtcp", Transport.TCP, "c-tcp");
      h.peerSends(tcpBye, Transport.TCP);
      ServerTransaction tx = h.tu.lastRequest();
      h.local.failNext(1);
      tx.respond(Fixtures.response(tcpBye, 200));
      assertThat(h.tu.failures).hasSize(1);
    }
  }
}
