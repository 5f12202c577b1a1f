// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;

/** The CANCEL for a request this proxy sent, built by RFC 3261 section 9.1. */
final class CancelRequest {
  private CancelRequest() {}

  /**
   * "The Request-URI, Call-ID, To, the numeric part of CSeq, and From header fields in the CANCEL
   * request MUST be identical to those in the request being cancelled, including tags. A CANCEL
   * constructed by a client MUST have only a single Via header field value matching the top Via
   * value in the request being cancelled." Route is copied too, so the CANCEL follows the INVITE.
   */
  static SipRequest of(SipRequest request) {
    SipRequest.Builder b = SipRequest.builder(Method.CANCEL, request.requestUri());
    b.add(HeaderName.VIA, request.topVia().orElseThrow());
    b.add(HeaderName.MAX_FORWARDS, MaxForwards.DEFAULT);
    for (String route : request.headerLines(HeaderName.ROUTE)) {
      b.add(HeaderName.ROUTE.name(), route);
    }
    b.add(HeaderName.FROM, request.from().orElseThrow());
    b.add(HeaderName.TO, request.to().orElseThrow());
    b.add(HeaderName.CALL_ID, request.callId().orElseThrow());
    b.add(HeaderName.CSEQ, new CSeq(request.cseq().orElseThrow().sequence(), Method.CANCEL));
    return b.build();
  }
}
