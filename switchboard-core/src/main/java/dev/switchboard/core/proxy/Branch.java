// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.transaction.ClientTransaction;
import dev.switchboard.transaction.TimerService;

/**
 * One branch of a {@link ResponseContext}: a copy of the request for one target and, once sent,
 * its client transaction. Confined to the context's executor.
 *
 * <pre>
 *   RESOLVING --hop found, sent--&gt; CALLING --1xx--&gt; PROCEEDING
 *       |                            |                  |
 *       +------ final, failure, Timer C, no hop --------+--&gt; COMPLETED
 * </pre>
 */
final class Branch {
  /** Where a branch stands. */
  enum State {
    RESOLVING,
    CALLING,
    PROCEEDING,
    COMPLETED
  }

  final RequestForwarder.Outgoing outgoing;
  State state = State.RESOLVING;
  ClientTransaction transaction;
  /** A CANCEL is owed: sent as soon as the branch has a provisional response (section 9.1). */
  boolean cancelWanted;
  boolean cancelSent;
  TimerService.Handle timerC;
  /** Counts Timer C restarts, so an expiry armed before a restart is recognised as stale. */
  int timerCGeneration;

  Branch(RequestForwarder.Outgoing outgoing) {
    this.outgoing = outgoing;
  }

  boolean isPending() {
    return state != State.COMPLETED;
  }

  void disarmTimerC() {
    if (timerC != null) {
      timerC.cancel();
      timerC = null;
    }
    timerCGeneration++;
  }
}
