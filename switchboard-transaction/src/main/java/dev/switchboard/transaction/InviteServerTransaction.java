// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.transport.Inbound;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The INVITE server transaction of RFC 3261 section 17.2.1 (figure 7), with the Accepted state RFC
 * 6026 section 7.1 adds so that the TU's 2xx retransmissions and the ACK for the 2xx pass through:
 *
 * <pre>{@code
 *                                |INVITE
 *                                |pass INV to TU
 *             INVITE             V send 100 if TU won't in 200 ms
 *             send response+------------+
 *                 +--------|            |--------+ 101-199 from TU
 *                 |        | Proceeding |        | send response
 *                 +------->|            |<-------+
 *                          +------------+
 *                            |    |    |  Transport Err.
 *                            |    |    |  Inform TU
 *                            |    |    +-------------------------------+
 *            300-699 from TU |    | 2xx from TU                        |
 *            send response   |    | send response                      |
 *                 +----------+    +----------------+                   |
 *                 |                                |                   |
 *  INVITE         V          Timer G fires         V                   |
 *  send response+-----------+send response  +------------+ 2xx from TU |
 *      +--------|           |--------+      |            |---+ send    |
 *      |        | Completed |        |      |  Accepted  |   | response|
 *      +------->|           |<-------+      |            |<--+         |
 *               +-----------+               |            |---+ INVITE -|
 *                 |     |                   |            |   | ACK to TU
 *                 |     | Timer H fires,    |            |<--+ Transport
 *                 |     | Transport Err.    +------------+   Err. Inform
 *            ACK  |     | Inform TU               |             TU     |
 *            -    V     |                         | Timer L fires      |
 *         +-----------+ |                         | -                  |
 *         |           |-+-+ ACK -                 |                    |
 *         | Confirmed | | |                       |                    |
 *         |           |<+-+                       |                    |
 *         +-----------+ |                         |                    |
 *               |       |                         |                    |
 *               | Timer I fires                   |                    |
 *               | -     |                         |                    |
 *               V       V                         V                    |
 *         +-------------------------------------------+                |
 *         |                 Terminated                |<---------------+
 *         +-------------------------------------------+
 * }</pre>
 *
 * <p>Timer G runs on unreliable transports only, from T1 doubling to T2. Retransmitted INVITEs are
 * answered with the last response in Proceeding and Completed and absorbed after that. For an RFC
 * 2543 INVITE the ACK must carry the To tag of the final response (section 17.2.3); one that does
 * not is not this transaction's and goes to the TU. Confined to its stripe.
 */
final class InviteServerTransaction extends BaseServerTransaction {
  private static final Event.TryingDue TRYING_DUE = new Event.TryingDue();

  /** The states of figure 7 and RFC 6026 figure 5. */
  enum State {
    PROCEEDING,
    COMPLETED,
    CONFIRMED,
    ACCEPTED,
    TERMINATED
  }

  // Confined to the stripe.
  private State state = State.PROCEEDING;
  // Confined to the stripe: the current timer G interval.
  private Duration intervalG;

  InviteServerTransaction(
      TransactionContext ctx, Executor stripe, Consumer<Transaction> onTerminated, Inbound inbound) {
    super(ctx, stripe, onTerminated, inbound, true);
  }

  State state() {
    return state;
  }

  @Override
  void handle(Event event) {
    switch (state) {
      case PROCEEDING -> proceeding(event);
      case COMPLETED -> completed(event);
      case CONFIRMED -> confirmed(event);
      case ACCEPTED -> accepted(event);
      case TERMINATED -> terminated(event);
    }
  }

  private void proceeding(Event event) {
    if (event instanceof Event.Start) {
      // Section 17.2.1: a 100 unless the TU answers within 200 ms; a zero delay sends it at once.
      Duration delay = ctx.tryingDelay();
      if (delay.isZero()) {
        send(Responses.trying(request));
      } else {
        arm(TRYING_DUE, delay);
      }
      ctx.user().onRequest(this, request);
    } else if (event instanceof Event.TryingDue) {
      // Any TU response disarms this timer, so the TU has sent nothing yet.
      send(Responses.trying(request));
    } else if (event instanceof Event.RequestIn) {
      resendLast();
    } else if (event instanceof Event.TuResponse r) {
      disarm(TRYING_DUE);
      respondFromTu(r.response());
    } else if (event instanceof Event.SendFailed f) {
      terminate();
      reportFailure(new Failure.TransportError(f.cause()));
    }
  }

  private void respondFromTu(SipResponse response) {
    send(response);
    if (response.isProvisional()) {
      return;
    }
    if (response.isSuccess()) {
      state = State.ACCEPTED;
      arm(TimerName.L, duration(TimerName.L));
      return;
    }
    state = State.COMPLETED;
    if (!reliable) {
      intervalG = duration(TimerName.G);
      arm(TimerName.G, intervalG);
    }
    arm(TimerName.H, duration(TimerName.H));
  }

  private void completed(Event event) {
    if (event instanceof Event.RequestIn) {
      resendLast();
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.G) {
      resendLast();
      intervalG = ctx.config().backoff(intervalG);
      arm(TimerName.G, intervalG);
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.H) {
      // "it implies that the ACK was never received ... MUST indicate to the TU that a
      // transaction failure has occurred."
      terminate();
      reportFailure(new Failure.Timeout(TimerName.H));
    } else if (event instanceof Event.AckIn a) {
      if (!acknowledgesOurResponse(a.inbound())) {
        ctx.user().onAck(a.inbound());
        return;
      }
      state = State.CONFIRMED;
      disarm(TimerName.G);
      disarm(TimerName.H);
      Duration i = duration(TimerName.I);
      if (i.isZero()) {
        terminate();
      } else {
        arm(TimerName.I, i);
      }
    } else if (event instanceof Event.SendFailed f) {
      terminate();
      reportFailure(new Failure.TransportError(f.cause()));
    }
  }

  private void confirmed(Event event) {
    // Further ACKs and INVITEs are absorbed (section 17.2.1); only timer I matters.
    if (event instanceof Event.TimerFired t && t.timer() == TimerName.I) {
      terminate();
    }
  }

  private void accepted(Event event) {
    if (event instanceof Event.TuResponse r) {
      // RFC 6026 section 7.1: the TU's 2xx retransmissions are sent through this state.
      send(r.response());
    } else if (event instanceof Event.AckIn a) {
      // The ACK for a 2xx is for the TU (RFC 6026 section 7.1).
      ctx.user().onAck(a.inbound());
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.L) {
      terminate();
    } else if (event instanceof Event.SendFailed f) {
      // RFC 6026: inform the TU but stay, the TU may still retransmit its 2xx elsewhere.
      reportFailure(new Failure.TransportError(f.cause()));
    }
  }

  private void terminated(Event event) {
    if (event instanceof Event.AckIn a) {
      // Matched just before the transaction left the table: treat it as matching none.
      ctx.user().onAck(a.inbound());
    } else if (event instanceof Event.SendFailed f) {
      reportFailure(new Failure.TransportError(f.cause()));
    }
  }

  /**
   * An RFC 3261 ACK was matched by branch. An RFC 2543 ACK was matched without the To tag, which
   * must then be the one this transaction's final response carried (section 17.2.3).
   */
  private boolean acknowledgesOurResponse(Inbound ack) {
    if (request.topVia().orElseThrow().isRfc3261Branch()) {
      return true;
    }
    String ackTag = ack.message().to().flatMap(Address::tag).orElse("");
    String ourTag = lastResponse.to().flatMap(Address::tag).orElse("");
    return Objects.equals(ackTag, ourTag);
  }

  private void terminate() {
    state = State.TERMINATED;
    release();
  }
}
