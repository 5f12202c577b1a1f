// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The INVITE client transaction of RFC 3261 section 17.1.1 (figure 5), with the Accepted state
 * RFC 6026 section 7.2 adds so that retransmitted 2xx responses reach the TU:
 *
 * <pre>{@code
 *                                |INVITE from TU
 *              Timer A fires     |INVITE sent       Timer B fires
 *              Reset A,          V                  or Transport Err.
 *              INVITE sent +-----------+            inform TU
 *                +---------|           |----------------------------+
 *                |         |  Calling  |                            |
 *                +-------->|           |-----------+                |
 *   300-699                +-----------+ 2xx       |                |
 *   ACK sent                  |  |       2xx to TU |                |
 *   resp. to TU               |  |1xx              |                |
 *   +-------------------------+  |1xx to TU        |                |
 *   |                            |                 |                |
 *   |  1xx                       V                 |                |
 *   |  1xx to TU           +-----------+           |                |
 *   |  +-------------------|           |           |                |
 *   |  |                   |Proceeding |---------->|                |
 *   |  +------------------>|           | 2xx       |                |
 *   |                      +-----------+ 2xx to TU |                |
 *   |       300-699              |                 |                |
 *   |       ACK sent,            |                 V                |
 *   |       resp. to TU          |          +-----------+           |
 *   |                            |          |           |---+ 2xx   |
 *   |  300-699                   V          | Accepted  |   | 2xx to TU
 *   |  ACK sent            +-----------+    |           |<--+       |
 *   |  +-------------------|           |    +-----------+           |
 *   |  |                   | Completed |          |                 |
 *   |  +------------------>|           |          | Timer M fires   |
 *   |                      +-----------+          | -               |
 *   |                        ^   |                |                 |
 *   |                        |   | Timer D fires  |                 |
 *   +------------------------+   | or Transport   |                 |
 *                                | Err. -         |                 |
 *                                V                |                 |
 *                          +-----------+          |                 |
 *                          |           |<---------+                 |
 *                          | Terminated|                            |
 *                          |           |<---------------------------+
 *                          +-----------+
 * }</pre>
 *
 * <p>The outcome is reported once: the first final response, or the failure. A transport error in
 * Completed ends the transaction without another report. Confined to its stripe.
 */
final class InviteClientTransaction extends BaseClientTransaction {
  /** The states of figure 5 and RFC 6026 figure 3. */
  enum State {
    CALLING,
    PROCEEDING,
    COMPLETED,
    ACCEPTED,
    TERMINATED
  }

  // Confined to the stripe.
  private State state = State.CALLING;
  // Confined to the stripe: the current timer A interval, doubled on each expiry.
  private Duration intervalA;
  // Confined to the stripe: the ACK for the non-2xx final response, resent on its retransmissions.
  private SipRequest ack;

  InviteClientTransaction(
      TransactionContext ctx,
      Executor stripe,
      Consumer<Transaction> onTerminated,
      SipRequest request,
      String branch,
      Transport transport,
      InetSocketAddress remote,
      ClientTransactionListener listener) {
    super(ctx, stripe, onTerminated, request, branch, transport, remote, listener);
  }

  State state() {
    return state;
  }

  @Override
  void handle(Event event) {
    switch (state) {
      case CALLING -> calling(event);
      case PROCEEDING -> proceeding(event);
      case COMPLETED -> completed(event);
      case ACCEPTED -> accepted(event);
      case TERMINATED -> {
        // Late responses, expiries and send results have nothing left to act on.
      }
    }
  }

  private void calling(Event event) {
    if (event instanceof Event.Start) {
      send(request);
      // Section 17.1.1.2: timer A only for unreliable transports; timer B always.
      if (!reliable) {
        intervalA = duration(TimerName.A);
        arm(TimerName.A, intervalA);
      }
      arm(TimerName.B, duration(TimerName.B));
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.A) {
      send(request);
      intervalA = intervalA.multipliedBy(2);
      arm(TimerName.A, intervalA);
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.B) {
      fail(new Failure.Timeout(TimerName.B));
    } else if (event instanceof Event.SendFailed f) {
      fail(new Failure.TransportError(f.cause()));
    } else if (event instanceof Event.ResponseIn r) {
      SipResponse response = r.response();
      if (response.isProvisional()) {
        // "the client transaction SHOULD NOT retransmit the request any longer" (17.1.1.2).
        state = State.PROCEEDING;
        disarm(TimerName.A);
        disarm(TimerName.B);
        provisional(r.inbound());
      } else {
        finalResponse(r);
      }
    }
  }

  private void proceeding(Event event) {
    if (event instanceof Event.ResponseIn r) {
      if (r.response().isProvisional()) {
        provisional(r.inbound());
      } else {
        finalResponse(r);
      }
    } else if (event instanceof Event.SendFailed f) {
      fail(new Failure.TransportError(f.cause()));
    }
  }

  private void completed(Event event) {
    if (event instanceof Event.ResponseIn r && r.response().statusCode() >= 300) {
      // "retransmissions of the final response ... MUST cause the ACK to be re-passed to the
      // transport layer ... but the newly received response MUST NOT be passed up to the TU."
      send(ack);
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.D) {
      terminate();
    } else if (event instanceof Event.SendFailed) {
      terminate();
    }
  }

  private void accepted(Event event) {
    if (event instanceof Event.ResponseIn r && r.response().isSuccess()) {
      additional2xx(r.inbound());
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.M) {
      terminate();
    }
  }

  private void finalResponse(Event.ResponseIn r) {
    disarm(TimerName.A);
    disarm(TimerName.B);
    if (r.response().isSuccess()) {
      // RFC 6026 section 7.2: Accepted, not Terminated, so that 2xx retransmissions still match.
      state = State.ACCEPTED;
      arm(TimerName.M, duration(TimerName.M));
    } else {
      state = State.COMPLETED;
      ack = ackFor(request, r.response());
      send(ack);
      Duration d = duration(TimerName.D);
      if (d.isZero()) {
        terminate();
      } else {
        arm(TimerName.D, d);
      }
    }
    report(new ClientOutcome.FinalResponse(r.inbound()));
  }

  private void fail(Failure failure) {
    terminate();
    report(failure);
  }

  private void terminate() {
    state = State.TERMINATED;
    release();
  }

  /**
   * The ACK for a non-2xx final response, section 17.1.1.3: the Request-URI, Call-ID, From and
   * CSeq number of the INVITE with method ACK; the To of the response, which carries its tag; the
   * top Via of the INVITE only; and its Route header fields, so that the ACK follows the INVITE
   * hop by hop. Max-Forwards is the INVITE's (70 if it had none, section 8.1.1.6).
   */
  static SipRequest ackFor(SipRequest invite, SipResponse response) {
    SipRequest.Builder b = SipRequest.builder(Method.ACK, invite.requestUri());
    b.add(HeaderName.VIA, invite.topVia().orElseThrow());
    b.add(HeaderName.MAX_FORWARDS, invite.first(HeaderName.MAX_FORWARDS).orElse(new MaxForwards(70)));
    for (String route : invite.headerLines(HeaderName.ROUTE)) {
      b.add(HeaderName.ROUTE.name(), route);
    }
    b.add(HeaderName.FROM, invite.from().orElseThrow());
    b.add(HeaderName.TO, response.to().orElseThrow());
    b.add(HeaderName.CALL_ID, invite.callId().orElseThrow());
    b.add(HeaderName.CSEQ, new CSeq(invite.cseq().orElseThrow().sequence(), Method.ACK));
    return b.build();
  }
}
