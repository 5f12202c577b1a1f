// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * A request sent through {@link TransactionLayer#sendRequest}: the layer retransmits it, matches
 * its responses and reports how it ended. Thread-safe.
 */
public interface ClientTransaction {
  /** The branch of the request's top Via, which identifies the transaction (section 17.1.3). */
  String branch();

  /** The request as sent. */
  SipRequest request();

  /** The transport the request is sent over; the non-2xx ACK and a CANCEL use the same. */
  Transport transport();

  /** The address the request is sent to; the non-2xx ACK and a CANCEL go there too. */
  InetSocketAddress remote();

  /**
   * Completes once with the final response or the failure, on the transaction's stripe, after
   * {@link ClientTransactionListener#onOutcome}. Dependents added without an executor run on
   * that stripe and must not block. Each call returns a new future, so a caller cannot complete
   * the transaction's own.
   */
  CompletableFuture<ClientOutcome> outcome();
}
