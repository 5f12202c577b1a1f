// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.Via;
import java.util.Optional;

/**
 * What a response is matched to its client transaction by (section 17.1.3): the branch of the
 * top Via, and the CSeq method, because a CANCEL carries the branch of the INVITE it cancels.
 *
 * @param branch the branch of the request's top Via
 * @param method the request method
 */
record ClientKey(String branch, Method method) {
  /** The key a response names; empty when it has no top Via branch or no CSeq. */
  static Optional<ClientKey> of(SipResponse response) {
    Optional<Via> via = response.topVia();
    Optional<CSeq> cseq = response.cseq();
    if (via.isEmpty() || via.get().branch().isEmpty() || cseq.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClientKey(via.get().branch().get(), cseq.get().method()));
  }
}
