// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;

/** Requests and responses between a UAC at 10.0.0.1 and a UAS at 10.0.0.2. */
final class Fixtures {
  static final InetSocketAddress UAC = new InetSocketAddress("10.0.0.1", 5060);
  static final InetSocketAddress UAS = new InetSocketAddress("10.0.0.2", 5060);

  private Fixtures() {}

  /** A request from the UAC over UDP with this branch. */
  static SipRequest request(Method method, String branch) {
    return request(method, branch, Transport.UDP, "call-" + branch);
  }

  /** A request from the UAC over {@code transport} with this branch and Call-ID. */
  static SipRequest request(Method method, String branch, Transport transport, String callId) {
    return SipRequest.builder(method, SipUri.of("bob", "b.example", -1))
        .add(HeaderName.VIA, Via.of(transport.name(), Host.of("10.0.0.1"), 5060, branch))
        .add(HeaderName.MAX_FORWARDS, new MaxForwards(70))
        .add(HeaderName.FROM, Address.of(SipUri.of("alice", "a.example", -1)).withTag("a1"))
        .add(HeaderName.TO, Address.of(SipUri.of("bob", "b.example", -1)))
        .add(HeaderName.CALL_ID, new CallId(callId))
        .add(HeaderName.CSEQ, new CSeq(1, method))
        .build();
  }

  /** The CANCEL for {@code invite} (section 9.1): same branch, Request-URI, Call-ID, From, To. */
  static SipRequest cancel(SipRequest invite) {
    return SipRequest.builder(Method.CANCEL, invite.requestUri())
        .add(HeaderName.VIA, invite.topVia().orElseThrow())
        .add(HeaderName.MAX_FORWARDS, new MaxForwards(70))
        .add(HeaderName.FROM, invite.from().orElseThrow())
        .add(HeaderName.TO, invite.to().orElseThrow())
        .add(HeaderName.CALL_ID, invite.callId().orElseThrow())
        .add(HeaderName.CSEQ, new CSeq(invite.cseq().orElseThrow().sequence(), Method.CANCEL))
        .build();
  }

  /** A response to {@code request}; a To tag is added for every status but 100. */
  static SipResponse response(SipRequest request, int status) {
    SipResponse.Builder b = request.reply(status);
    if (status != 100) {
      b.set(HeaderName.TO, request.to().orElseThrow().withTag("b1"));
    }
    return b.build();
  }
}
