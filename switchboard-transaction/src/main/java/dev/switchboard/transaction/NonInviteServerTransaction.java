// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipResponse;
import dev.switchboard.transport.Inbound;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The non-INVITE server transaction of RFC 3261 section 17.2.2 (figure 8):
 *
 * <pre>{@code
 *                                   |Request received
 *                                   |pass to TU
 *                                   V
 *                             +-----------+
 *                             |           |
 *                             | Trying    |-------------+
 *                             |           |             |
 *                             +-----------+             |200-699 from TU
 *                                   |                   |send response
 *                                   |1xx from TU        |
 *                                   |send response      |
 *                                   |                   |
 *                Request            V      1xx from TU  |
 *                send response+-----------+send response|
 *                    +--------|           |--------+    |
 *                    |        | Proceeding|        |    |
 *                    +------->|           |<-------+    |
 *             +<--------------|           |             |
 *             |Trnsprt Err    +-----------+             |
 *             |Inform TU            |                   |
 *             |                     |                   |
 *             |                     |200-699 from TU    |
 *             |                     |send response      |
 *             |  Request            V                   |
 *             |  send response+-----------+             |
 *             |      +--------|           |             |
 *             |      |        | Completed |<------------+
 *             |      +------->|           |
 *             +<--------------|           |
 *             |Trnsprt Err    +-----------+
 *             |Inform TU            |
 *             |                     |Timer J fires
 *             |                     |-
 *             |                     |
 *             |                     V
 *             |               +-----------+
 *             +-------------->|           |
 *                             | Terminated|
 *                             |           |
 *                             +-----------+
 * }</pre>
 *
 * <p>A CANCEL gets one of these too; when it matched an INVITE transaction, Start offers it to the
 * TU through {@link TransactionUser#onCancel} (section 9.2). Confined to its stripe.
 */
final class NonInviteServerTransaction extends BaseServerTransaction {
  /** The states of figure 8. */
  enum State {
    TRYING,
    PROCEEDING,
    COMPLETED,
    TERMINATED
  }

  // The INVITE transaction a CANCEL matched; empty for every other request. Immutable.
  private final Optional<ServerTransaction> cancelled;
  // Confined to the stripe.
  private State state = State.TRYING;

  NonInviteServerTransaction(
      TransactionContext ctx,
      Executor stripe,
      Consumer<Transaction> onTerminated,
      Inbound inbound,
      Optional<ServerTransaction> cancelled) {
    super(ctx, stripe, onTerminated, inbound, false);
    this.cancelled = cancelled;
  }

  State state() {
    return state;
  }

  @Override
  void handle(Event event) {
    switch (state) {
      case TRYING -> trying(event);
      case PROCEEDING -> proceeding(event);
      case COMPLETED -> completed(event);
      case TERMINATED -> terminated(event);
    }
  }

  private void trying(Event event) {
    if (event instanceof Event.Start) {
      if (cancelled.isPresent()) {
        ctx.user().onCancel(this, cancelled.get());
      } else {
        ctx.user().onRequest(this, request);
      }
    } else if (event instanceof Event.TuResponse r) {
      // A retransmission in Trying is absorbed: there is nothing to answer it with yet.
      respondFromTu(r.response());
    }
  }

  private void proceeding(Event event) {
    if (event instanceof Event.RequestIn) {
      resendLast();
    } else if (event instanceof Event.TuResponse r) {
      respondFromTu(r.response());
    } else if (event instanceof Event.SendFailed f) {
      terminate();
      reportFailure(new Failure.TransportError(f.cause()));
    }
  }

  private void completed(Event event) {
    if (event instanceof Event.RequestIn) {
      resendLast();
    } else if (event instanceof Event.TimerFired t && t.timer() == TimerName.J) {
      terminate();
    } else if (event instanceof Event.SendFailed f) {
      terminate();
      reportFailure(new Failure.TransportError(f.cause()));
    }
  }

  private void terminated(Event event) {
    // With timer J zero (reliable transport) the final response's send result arrives after
    // the transaction ended; the TU must still hear that it failed (section 17.2.4).
    if (event instanceof Event.SendFailed f) {
      reportFailure(new Failure.TransportError(f.cause()));
    }
  }

  private void respondFromTu(SipResponse response) {
    send(response);
    if (response.isProvisional()) {
      state = State.PROCEEDING;
      return;
    }
    state = State.COMPLETED;
    Duration j = duration(TimerName.J);
    if (j.isZero()) {
      terminate();
    } else {
      arm(TimerName.J, j);
    }
  }

  private void terminate() {
    state = State.TERMINATED;
    release();
  }
}
