// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.testkit.InMemoryNetwork;
import dev.switchboard.testkit.InMemoryTransport;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of transactions of all four kinds between two layers, with lost UDP messages, end with
 * both tables empty once the timers have run out.
 */
class SoakTest {
  private static final int CALLS = 4_000;

  private final InMemoryNetwork network = InMemoryNetwork.synchronous();
  private final FakeTimers timers = new FakeTimers();
  private final SameThreadStripes stripes = new SameThreadStripes();
  private final InMemoryTransport uacWire = network.attach(Fixtures.UAC);
  private final InMemoryTransport uasWire = network.attach(Fixtures.UAS);
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger acked = new AtomicInteger();
  private final AtomicInteger outcomes = new AtomicInteger();
  private final AtomicInteger serverFailures = new AtomicInteger();
  private final TransactionLayer uas =
      TransactionLayer.builder(uasWire, new Uas(), timers, stripes).build();
  private final TransactionLayer uac =
      TransactionLayer.builder(uacWire, new Uac(), timers, stripes).build();

  @Test
  void tableEmptyAfterSoak() {
    uacWire.onInbound(uac);
    uasWire.onInbound(uas);
    int cancels = 0;
    for (int i = 0; i < CALLS; i++) {
      Transport transport = i % 5 == 0 ? Transport.TCP : Transport.UDP;
      // Only UDP loses messages; over TCP an INVITE server transaction would wait in Proceeding
      // for an answer the TU never gets asked to repeat.
      if (i % 7 == 0 && !transport.isReliable()) {
        uacWire.dropNext(1);
      }
      String branch = Branches.newBranch();
      SipRequest request;
      switch (i % 4) {
        case 0 -> request = withSubject(Fixtures.request(Method.INVITE, branch, transport, "c" + i), "200");
        case 1 -> request = withSubject(Fixtures.request(Method.INVITE, branch, transport, "c" + i), "486");
        case 2 -> {
          request = withSubject(Fixtures.request(Method.INVITE, branch, transport, "c" + i), "cancel");
          cancels++;
        }
        default -> request = Fixtures.request(Method.OPTIONS, branch, transport, "c" + i);
      }
      uac.sendRequest(request, transport, Fixtures.UAS, new Caller());
      timers.advance(Duration.ofMillis(10));
    }
    assertThat(uac.activeCount() + uas.activeCount()).isPositive();

    timers.advance(Duration.ofMinutes(5));

    assertThat(uac.activeCount()).isZero();
    assertThat(uas.activeCount()).isZero();
    assertThat(timers.pending()).isZero();
    assertThat(outcomes).hasValue(CALLS + cancels);
    assertThat(answered).hasValue(CALLS + cancels);
    assertThat(acked).hasValue(CALLS / 4);
    assertThat(serverFailures).hasValue(0);
  }

  private static SipRequest withSubject(SipRequest r, String subject) {
    return r.toBuilder().add("Subject", subject).build();
  }

  /** The UAC's TU: acknowledges 2xx itself and cancels the INVITEs marked for it on ringing. */
  private final class Caller implements ClientTransactionListener {
    @Override
    public void onProvisional(ClientTransaction tx, Inbound response) {
      if (tx.request().headerLines(HeaderName.SUBJECT).contains("cancel")) {
        uac.sendRequest(Fixtures.cancel(tx.request()), tx.transport(), tx.remote(), new Caller());
      }
    }

    @Override
    public void onOutcome(ClientTransaction tx, ClientOutcome outcome) {
      outcomes.incrementAndGet();
      if (outcome instanceof ClientOutcome.FinalResponse f && f.response().isSuccess()
          && tx.request().method().equals(Method.INVITE)) {
        // Section 13.2.2.4: the ACK for 2xx is the TU's, with a new branch.
        SipRequest ack = InviteClientTransaction.ackFor(tx.request(), f.response()).toBuilder()
            .set(HeaderName.VIA, tx.request().topVia().orElseThrow().withParameter("branch", Branches.newBranch()))
            .build();
        uac.sendStateless(ack, tx.transport(), tx.remote());
      }
    }
  }

  /** The UAS's TU: answers by the Subject, loses some of its responses, and honours CANCEL. */
  private final class Uas implements TransactionUser {
    private int seen;

    @Override
    public void onRequest(ServerTransaction tx, SipRequest request) {
      if (seen++ % 11 == 0 && !tx.inbound().flow().transport().isReliable()) {
        uasWire.dropNext(1);
      }
      answered.incrementAndGet();
      if (!request.method().equals(Method.INVITE)) {
        tx.respond(Fixtures.response(request, 200));
        return;
      }
      tx.respond(Fixtures.response(request, 180));
      String subject = request.headerLines(HeaderName.SUBJECT).get(0);
      if (!subject.equals("cancel")) {
        tx.respond(Fixtures.response(request, Integer.parseInt(subject)));
      }
    }

    @Override
    public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
      answered.incrementAndGet();
      cancel.respond(Fixtures.response(cancel.request(), 200));
      invite.respond(Fixtures.response(invite.request(), 487));
    }

    @Override
    public void onAck(Inbound ack) {
      acked.incrementAndGet();
    }

    @Override
    public void onStrayResponse(Inbound response) {}

    @Override
    public void onFailure(ServerTransaction transaction, Failure failure) {
      serverFailures.incrementAndGet();
    }
  }

  /** The UAC layer's own TU sees nothing in this test but stray 2xx retransmissions. */
  private static final class Uac implements TransactionUser {
    @Override
    public void onRequest(ServerTransaction tx, SipRequest request) {
      throw new AssertionError("UAC got a request");
    }

    @Override
    public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
      throw new AssertionError("UAC got a CANCEL");
    }

    @Override
    public void onAck(Inbound ack) {
      throw new AssertionError("UAC got an ACK");
    }

    @Override
    public void onStrayResponse(Inbound response) {}

    @Override
    public void onFailure(ServerTransaction transaction, Failure failure) {
      throw new AssertionError("UAC has no server transactions");
    }
  }
}
