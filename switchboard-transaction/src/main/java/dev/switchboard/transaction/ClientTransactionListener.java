// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.transport.Inbound;

/**
 * What a client transaction passes to its TU. Called on the transaction's stripe after the state
 * transition; implementations must not block. Every method does nothing unless overridden.
 */
public interface ClientTransactionListener {
  /** A provisional (1xx) response arrived in Calling, Trying or Proceeding. */
  default void onProvisional(ClientTransaction transaction, Inbound response) {}

  /** The transaction ended: called exactly once, before {@link ClientTransaction#outcome()}. */
  default void onOutcome(ClientTransaction transaction, ClientOutcome outcome) {}

  /**
   * RFC 6026 section 7.2: in the Accepted state every further 2xx to the INVITE (a retransmission,
   * or the answer of another fork) goes to the TU, which acknowledges it.
   */
  default void onAdditional2xx(ClientTransaction transaction, Inbound response) {}
}
