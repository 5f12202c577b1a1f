// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.Uri;

/**
 * What a request is matched to its server transaction by (section 17.2.3). A request whose top Via
 * branch carries the magic cookie is matched by branch, sent-by and method; any other is from an
 * RFC 2543 element and is matched by the fields that identified a transaction there.
 */
sealed interface ServerKey {
  /** The stripe key: the branch, or the Call-ID for RFC 2543 requests. */
  String stripe();

  /**
   * The key of {@code request} as the transaction for {@code method} would have it. Pass the
   * request's own method to find its transaction, INVITE to find the INVITE an ACK or CANCEL
   * belongs to.
   */
  static ServerKey of(SipRequest request, Via topVia, Method method) {
    if (topVia.isRfc3261Branch()) {
      return new Rfc3261(topVia.branch().orElseThrow(), topVia.host(), topVia.port(), method);
    }
    return Rfc2543.of(request, topVia, method, toTag(request));
  }

  private static String toTag(SipRequest request) {
    return request.to().flatMap(Address::tag).orElse("");
  }

  /**
   * Section 17.2.3, first half: "the branch parameter in the request is equal to the one in the
   * top Via header field of the request that created the transaction, the sent-by value in the top
   * Via of the request is equal to the one in the request that created the transaction, and the
   * method of the request matches the one that created the transaction, except for ACK, where the
   * method of the request that created the transaction is INVITE."
   *
   * @param branch the branch, starting with the magic cookie
   * @param host the sent-by host, compared as section 19.1.4 compares hosts
   * @param port the sent-by port, -1 when absent
   * @param method the method of the request that created the transaction
   */
  record Rfc3261(String branch, Host host, int port, Method method) implements ServerKey {
    @Override
    public String stripe() {
      return branch;
    }
  }

  /**
   * Section 17.2.3, second half, for requests without the magic cookie: the Request-URI, To tag,
   * From tag, Call-ID, CSeq and top Via of the request that created the transaction. An ACK
   * matches its INVITE by CSeq number, with the To tag of the response rather than the request
   * (looked up by {@link TransactionLayer} and checked by {@link InviteServerTransaction}).
   *
   * @param requestUri the Request-URI
   * @param toTag the To tag, empty when absent
   * @param fromTag the From tag, empty when absent
   * @param callId the Call-ID
   * @param sequence the CSeq number
   * @param method the method of the request that created the transaction
   * @param topVia the whole top Via
   */
  record Rfc2543(
      Uri requestUri, String toTag, String fromTag, String callId, long sequence, Method method, Via topVia)
      implements ServerKey {
    static Rfc2543 of(SipRequest request, Via topVia, Method method, String toTag) {
      return new Rfc2543(
          request.requestUri(),
          toTag,
          request.from().flatMap(Address::tag).orElse(""),
          request.callId().orElseThrow().value(),
          request.cseq().orElseThrow().sequence(),
          method,
          topVia);
    }

    /** This key with another To tag: an ACK's To tag is the response's, absent from the INVITE. */
    Rfc2543 withToTag(String tag) {
      return new Rfc2543(requestUri, tag, fromTag, callId, sequence, method, topVia);
    }

    @Override
    public String stripe() {
      return callId;
    }
  }
}
