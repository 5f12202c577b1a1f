// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;

/**
 * The CANCEL for an INVITE (RFC 3261 section 9.1): the INVITE's Request-URI, Call-ID, To, From
 * and CSeq number, its Route headers, and a single Via equal to its top Via, so that it reaches
 * the same server transaction. Stateless.
 */
final class CancelRequest {
  private CancelRequest() {}

  /** The CANCEL for {@code invite} as sent (with its Via). */
  static SipRequest.Builder of(SipRequest invite) {
    SipRequest.Builder b =
        SipRequest.builder(Method.CANCEL, invite.requestUri())
            .add(HeaderName.VIA, invite.topVia().orElseThrow())
            .add(HeaderName.MAX_FORWARDS, MaxForwards.DEFAULT)
            .add(HeaderName.FROM, invite.from().orElseThrow())
            .add(HeaderName.TO, invite.to().orElseThrow())
            .add(HeaderName.CALL_ID, invite.callId().orElseThrow())
            .add(HeaderName.CSEQ, new CSeq(invite.cseq().orElseThrow().sequence(), Method.CANCEL));
    invite.all(HeaderName.ROUTE).forEach(r -> b.add(HeaderName.ROUTE, r));
    return b;
  }
}
