// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipResponse;
import dev.switchboard.transport.Inbound;

/**
 * What drives a state machine: everything reaches a transaction as one of these, on its stripe.
 * Timer events double as the identity of the armed timer (see {@link Transaction#arm}).
 */
sealed interface Event {
  /** The first event: a client sends its request, a server offers its request to the TU. */
  Start START = new Start();

  /** See {@link #START}. */
  record Start() implements Event {}

  /** A retransmission of the request that created a server transaction. */
  record RequestIn(Inbound inbound) implements Event {}

  /** An ACK matched to an INVITE server transaction. */
  record AckIn(Inbound inbound) implements Event {}

  /** A response matched to a client transaction. */
  record ResponseIn(Inbound inbound) implements Event {
    SipResponse response() {
      return (SipResponse) inbound.message();
    }
  }

  /** The TU's response for a server transaction. */
  record TuResponse(SipResponse response) implements Event {}

  /** A lettered timer ran out. */
  record TimerFired(TimerName timer) implements Event {}

  /** The TU has not answered an INVITE within the Trying delay (section 17.2.1). */
  record TryingDue() implements Event {}

  /** The transport reported that a send failed. */
  record SendFailed(Throwable cause) implements Event {}
}
