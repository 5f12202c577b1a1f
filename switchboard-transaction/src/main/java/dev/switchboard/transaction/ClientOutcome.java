// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipResponse;
import dev.switchboard.transport.Inbound;
import java.util.Objects;

/**
 * How a client transaction ended, as reported to its TU exactly once: a final response, or a
 * {@link Failure} (timeout or transport error, sections 17.1.1.2, 17.1.2.2 and 17.1.4).
 */
public sealed interface ClientOutcome permits ClientOutcome.FinalResponse, Failure {
  /**
   * A final response (200-699) arrived. For INVITE, the first 2xx; later 2xx responses go to
   * {@link ClientTransactionListener#onAdditional2xx} (RFC 6026).
   *
   * @param inbound the response as it arrived
   */
  record FinalResponse(Inbound inbound) implements ClientOutcome {
    public FinalResponse {
      Objects.requireNonNull(inbound, "inbound");
      if (!(inbound.message() instanceof SipResponse r) || !r.isFinal()) {
        throw new IllegalArgumentException("not a final response: " + inbound.message().startLine());
      }
    }

    /** The response. */
    public SipResponse response() {
      return (SipResponse) inbound.message();
    }
  }
}
