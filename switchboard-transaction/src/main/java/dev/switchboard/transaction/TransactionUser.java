// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.transport.Inbound;

/**
 * The layer above transactions (a UA core, a proxy core): what the {@link TransactionLayer}
 * passes up. Each call runs on the stripe of the transaction concerned, after its state
 * transition, and must not block.
 */
public interface TransactionUser {
  /**
   * A new request other than ACK arrived and a server transaction was created for it. This
   * includes a CANCEL that matches no INVITE transaction, which the TU answers with 481 (section
   * 9.2).
   */
  void onRequest(ServerTransaction transaction, SipRequest request);

  /**
   * A CANCEL arrived that matches the INVITE server transaction {@code invite} (section 9.2). It
   * has its own server transaction, {@code cancel}, which the TU answers with 200; it then answers
   * the INVITE with 487 if no final response was sent. Runs on the stripe of both transactions.
   */
  void onCancel(ServerTransaction cancel, ServerTransaction invite);

  /**
   * An ACK that is not the transaction layer's own: the ACK for a 2xx, which is its own
   * transaction-less request (section 17.2.1, RFC 6026 section 8.7), or any ACK that matches no
   * server transaction.
   */
  void onAck(Inbound ack);

  /**
   * A response that matches no client transaction (section 17.1.3). A UA core drops it unless it
   * is a retransmitted 2xx; a stateful proxy forwards a stray 2xx statelessly (section 16.7).
   */
  void onStrayResponse(Inbound response);

  /**
   * A server transaction failed: its response could not be sent (section 17.2.4; the TU answers
   * 503 where it still can), or timer H ran out without an ACK (section 17.2.1). Reported at most
   * once per transaction.
   */
  void onFailure(ServerTransaction transaction, Failure failure);

  /**
   * True when the TU answers {@code request} as a stateless UAS (section 8.2.7): no server
   * transaction is made for it, and it goes to {@link #onStatelessRequest} instead, to be answered
   * with {@link TransactionLayer#respondStateless}. Fit only for requests whose retransmissions
   * may be answered again, such as OPTIONS; never INVITE (its response must be retransmitted).
   * Called on the I/O thread for each new request; must be cheap.
   */
  default boolean answersStatelessly(SipRequest request) {
    return false;
  }

  /** A request the TU chose to answer statelessly; runs on the request's stripe. */
  default void onStatelessRequest(Inbound request) {
    throw new IllegalStateException("answersStatelessly is true but onStatelessRequest is missing");
  }
}
