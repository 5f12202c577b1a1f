// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.transaction.NonInviteClientTransaction.State;
import dev.switchboard.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NonInviteClientTransactionTest {
  private final Harness h = Harness.atUac();
  private final RecordingListener listener = new RecordingListener();
  private final SipRequest options = Fixtures.request(Method.OPTIONS, "z9hG4bKopt1");

  private NonInviteClientTransaction send(Transport transport) {
    return (NonInviteClientTransaction) h.layer.sendRequest(options, transport, Fixtures.UAS, listener);
  }

  /** Virtual times, in ms, at which the peer received a request. */
  private List<Long> sendTimes(Duration until) {
    List<Long> times = new ArrayList<>();
    int seen = 0;
    while (h.timers.now().compareTo(until) < 0) {
      if (h.peerInbox.size() > seen) {
        times.add(h.timers.now().toMillis());
        seen = h.peerInbox.size();
      }
      h.timers.advance(Duration.ofMillis(1));
    }
    return times;
  }

  @Nested
  class Section17_1_2_2 {
    @Test
    void retransmitsOnTimerEDoublingUpToT2UntilTimerF() {
      // RFC 3261 §17.1.2.2
      send(Transport.UDP);
      assertThat(sendTimes(Duration.ofSeconds(40)))
          .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
    }

    @Test
    void reportsTimeoutOnTimerF() {
      // RFC 3261 §17.1.2.2
      NonInviteClientTransaction tx = send(Transport.UDP);
      h.timers.advance(Duration.ofMillis(31_999));
      assertThat(listener.outcomes).isEmpty();
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.outcome()).isCompletedWithValue(new Failure.Timeout(TimerName.F));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void retransmitsEveryT2InProceeding() {
      // RFC 3261 §17.1.2.2: "reset with a value of T2 seconds"
      NonInviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(options, 100));
      assertThat(tx.state()).isEqualTo(State.PROCEEDING);
      assertThat(listener.provisionals).hasSize(1);
      h.peerInbox.clear();
      // The armed 500 ms timer E fires, then every 4 s.
      assertThat(sendTimes(Duration.ofMillis(9_000))).containsExactly(500L, 4500L, 8500L);
    }

    @Test
    void doesNotRetransmitOverReliableTransport() {
      // RFC 3261 §17.1.2.2: timer E only for unreliable transports
      send(Transport.TCP);
      h.timers.advance(Duration.ofSeconds(40));
      assertThat(h.peerInbox).hasSize(1);
      assertThat(listener.outcomes).containsExactly(new Failure.Timeout(TimerName.F));
    }

    @Test
    void finalResponseCompletesAndReachesTu() {
      // RFC 3261 §17.1.2.2
      NonInviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(options, 200));
      assertThat(tx.state()).isEqualTo(State.COMPLETED);
      assertThat(listener.outcomes).singleElement().isInstanceOf(ClientOutcome.FinalResponse.class);
      h.timers.advance(Duration.ofSeconds(10));
      assertThat(h.peerInbox).hasSize(1);
    }

    @Test
    void absorbsRetransmittedFinalInCompleted() {
      // RFC 3261 §17.1.2.2: Completed buffers response retransmissions
      send(Transport.UDP);
      h.peerSends(Fixtures.response(options, 200));
      h.peerSends(Fixtures.response(options, 200));
      assertThat(listener.outcomes).hasSize(1);
      assertThat(h.tu.strays).isEmpty();
    }

    @Test
    void terminatesOnTimerK() {
      // RFC 3261 §17.1.2.2: timer K = T4 for unreliable transports
      NonInviteClientTransaction tx = send(Transport.UDP);
      h.peerSends(Fixtures.response(options, 200));
      h.timers.advance(Duration.ofMillis(4_999));
      assertThat(tx.state()).isEqualTo(State.COMPLETED);
      h.timers.advance(Duration.ofMillis(1));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void terminatesAtOnceOverReliableTransport() {
      // RFC 3261 §17.1.2.2: timer K zero for reliable transports
      NonInviteClientTransaction tx = send(Transport.TCP);
      h.peerSends(Fixtures.response(options, 404), Transport.TCP);
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(h.layer.activeCount()).isZero();
    }
  }

  @Nested
  class Section17_1_4 {
    @Test
    void reportsTransportError() {
      // RFC 3261 §17.1.4
      h.local.failNext(1);
      NonInviteClientTransaction tx = send(Transport.UDP);
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(listener.outcomes).singleElement().isInstanceOf(Failure.TransportError.class);
    }

    @Test
    void reportsTransportErrorOnRetransmission() {
      // RFC 3261 §17.1.4: a failed retransmission ends the transaction too
      NonInviteClientTransaction tx = send(Transport.UDP);
      h.local.failNext(1);
      h.timers.advance(Duration.ofMillis(500));
      assertThat(tx.state()).isEqualTo(State.TERMINATED);
      assertThat(listener.outcomes).singleElement().isInstanceOf(Failure.TransportError.class);
    }
  }
}
