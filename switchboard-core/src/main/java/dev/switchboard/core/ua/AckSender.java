// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.HeaderName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's ACK for a 2xx (RFC 3261 section 13.2.2.4): built by the UA core like a request in
 * the dialog, with the INVITE's CSeq number and its credentials, sent straight to the transport
 * (no transaction), and sent again for every retransmission of the same 2xx. A 2xx from another
 * fork is acknowledged and that dialog ended with BYE.
 *
 * <p>Thread-safe: the last ACK and where it went are guarded by {@code this}; sends are
 * asynchronous.
 */
final class AckSender {
  private static final Logger log = LoggerFactory.getLogger(AckSender.class);

  private final UaContext ctx;
  private final Requester requester;
  private SipRequest last; // Guarded by this.
  private NextHop lastHop; // Guarded by this.

  AckSender(UaContext ctx, Requester requester) {
    this.ctx = ctx;
    this.requester = requester;
  }

  /** Acknowledges {@code ok} in dialog {@code d}, with {@code body} (the answer to a late offer) if any. */
  void acknowledge(Dialog d, SipRequest invite, SipResponse ok, Body body) {
    send(d, invite, ok, body, false);
  }

  /** Acknowledges a 2xx from a fork we do not keep, then ends that dialog with BYE. */
  void acknowledgeAndEnd(SipRequest invite, SipResponse ok) {
    send(Dialog.asCaller(invite, ok), invite, ok, null, true);
  }

  /** Sends the last ACK again when {@code ok} answers the INVITE it acknowledged; true if it did. */
  boolean resend(SipResponse ok) {
    SipRequest a;
    NextHop hop;
    synchronized (this) {
      a = last;
      hop = lastHop;
    }
    if (a == null || a.cseq().orElseThrow().sequence() != ok.cseq().map(CSeq::sequence).orElse(-1L)) {
      return false;
    }
    ctx.layer().sendStateless(a, hop.transport(), hop.address());
    return true;
  }

  private void send(Dialog d, SipRequest invite, SipResponse ok, Body body, boolean thenBye) {
    long seq = ok.cseq().map(CSeq::sequence).orElse(invite.cseq().orElseThrow().sequence());
    SipRequest.Builder b = ctx.decorate(d.newRequest(Method.ACK, seq));
    invite.all(HeaderName.AUTHORIZATION).forEach(a -> b.add(HeaderName.AUTHORIZATION, a));
    invite.all(HeaderName.PROXY_AUTHORIZATION).forEach(a -> b.add(HeaderName.PROXY_AUTHORIZATION, a));
    if (body != null) {
      b.body(body.type(), body.content());
    }
    SipRequest unsent = b.build();
    NextHop.resolve(d.nextHopUri(), ctx.resolver).whenComplete((hop, err) -> {
      if (err != null) {
        log.debug("cannot send ACK: {}", err.toString());
        return;
      }
      SipRequest a = unsent.toBuilder().prepend(HeaderName.VIA, ctx.newVia(hop.transport())).build();
      if (!thenBye) {
        synchronized (this) {
          last = a;
          lastHop = hop;
        }
      }
      ctx.layer().sendStateless(a, hop.transport(), hop.address());
      if (thenBye) {
        SipRequest bye = ctx.decorate(d.newRequest(Method.BYE, 0)).build();
        requester.send(bye, new Requester.Options(true, false, d::nextLocalSequence), new Requester.Progress() {});
      }
    });
  }
}
