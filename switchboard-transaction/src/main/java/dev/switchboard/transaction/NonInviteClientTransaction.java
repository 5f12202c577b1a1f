// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The non-INVITE client transaction of RFC 3261 section 17.1.2 (figure 6):
 *
 * <pre>{@code
 *                                |Request from TU
 *                                |send request
 *            Timer E             V
 *            send request  +-----------+
 *                +---------|           |-------------------+
 *                |         |  Trying   |  Timer F          |
 *                +-------->|           |  or Transport Err.|
 *                          +-----------+  inform TU        |
 *             200-699         |  |                         |
 *             resp. to TU     |  |1xx                      |
 *             +---------------+  |resp. to TU              |
 *             |                  |                         |
 *             |   Timer E        V       Timer F           |
 *             |   send req +-----------+ or Transport Err. |
 *             |  +---------|           | inform TU         |
 *             |  |         |Proceeding |------------------>|
 *             |  +-------->|           |-----+             |
 *             |            +-----------+     |1xx          |
 *             |              |      ^        |resp to TU   |
 *             | 200-699      |      +--------+             |
 *             | resp. to TU  |                             |
 *             |              |                             |
 *             |              V                             |
 *             |            +-----------+                   |
 *             |            |           |                   |
 *             |            | Completed |                   |
 *             |            |           |                   |
 *             |            +-----------+                   |
 *             |              ^   |                         |
 *             |              |   | Timer K                 |
 *             +--------------+   | -                       |
 *                                |                         |
 *                                V                         |
 *                          +-----------+                   |
 *                          |           |                   |
 *                          | Terminated|<------------------+
 *                          |           |
 *                          +-----------+
 * }</pre>
 *
 * <p>Timer E starts at T1 and doubles up to T2 in Trying; in Proceeding it is reset to T2
 * (section 17.1.2.2). Only unreliable transports retransmit. Confined to its stripe.
 */
final class NonInviteClientTransaction extends BaseClientTransaction {
  /** The states of figure 6. */
  enum State {
    TRYING,
    PROCEEDING,
    COMPLETED,
    TERMINATED
  }

  // Confined to the stripe.
  private State state = State.TRYING;
  // Confined to the stripe: the current timer E interval.
  private Duration intervalE;

  NonInviteClientTransaction(
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
      case TRYING, PROCEEDING -> active(event);
      case COMPLETED -> completed(event);
      case TERMINATED -> {
        // Late responses, expiries and send results have nothing left to act on.
      }
    }
  }

  /** Trying and Proceeding differ only in the timer E interval and in the 1xx transition. */
  private void active(Event event) {
    if (event instanceof Event.Start) {
      send(request);
      if (!reliable) {
        intervalE = duration(TimerName.E);
        arm(TimerName.E, intervalE);
      }
      arm(TimerName.F, duration(TimerName.F));
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.E) {
      send(request);
      // "If Timer E fires while in the Proceeding state, ... reset with a value of T2 seconds."
      intervalE = state == State.PROCEEDING ? ctx.config().t2() : ctx.config().backoff(intervalE);
      arm(TimerName.E, intervalE);
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.F) {
      fail(new Failure.Timeout(TimerName.F));
    } else if (event instanceof Event.SendFailed f) {
      fail(new Failure.TransportError(f.cause()));
    } else if (event instanceof Event.ResponseIn r) {
      if (r.response().isProvisional()) {
        state = State.PROCEEDING;
        provisional(r.inbound());
      } else {
        complete(r);
      }
    }
  }

  private void completed(Event event) {
    // Retransmitted final responses are absorbed: only timer K matters here.
    if (event instanceof Event.TimerFired t && t.timer() == TimerName.K) {
      terminate();
    }
  }

  private void complete(Event.ResponseIn r) {
    state = State.COMPLETED;
    disarm(TimerName.E);
    disarm(TimerName.F);
    Duration k = duration(TimerName.K);
    if (k.isZero()) {
      terminate();
    } else {
      arm(TimerName.K, k);
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
}
