// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.transport.Inbound;

/**
 * A request received by the layer and offered to the TU, which answers through {@link #respond}.
 * The transaction absorbs retransmissions of the request, retransmits its final response where the
 * RFC says so and absorbs the ACK of a non-2xx final response. Thread-safe.
 */
public interface ServerTransaction {
  /** The request that created the transaction. */
  SipRequest request();

  /** How the request arrived; responses go back by section 18.2.2 from it. */
  Inbound inbound();

  /**
   * Sends a response, from any thread; the send happens on the transaction's stripe. Sending
   * fails later, asynchronously, through {@link TransactionUser#onFailure}. A response given after
   * the transaction terminated (after such a failure, or timer H) is discarded.
   *
   * @throws IllegalStateException when a final response was already given, except that an INVITE
   *     answered with 2xx takes further 2xx responses (the TU retransmits its 2xx through the
   *     Accepted state, RFC 6026 section 7.1)
   */
  void respond(SipResponse response);
}
