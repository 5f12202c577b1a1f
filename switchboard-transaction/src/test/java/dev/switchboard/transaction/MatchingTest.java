// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import dev.switchboard.transport.Transport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatchingTest {
  @Nested
  class Section17_1_3 {
    private final Harness h = Harness.atUac();
    private final SipRequest invite = Fixtures.request(Method.INVITE, "z9hG4bKinv1");

    @Test
    void matchesResponseByBranchAndCseqMethod() {
      // RFC 3261 §17.1.3: a CANCEL shares the INVITE's branch but is its own transaction
      RecordingListener inviteListener = new RecordingListener();
      RecordingListener cancelListener = new RecordingListener();
      h.layer.sendRequest(invite, Transport.UDP, Fixtures.UAS, inviteListener);
      SipRequest cancel = Fixtures.cancel(invite);
      h.layer.sendRequest(cancel, Transport.UDP, Fixtures.UAS, cancelListener);
      h.peerSends(Fixtures.response(cancel, 200));
      assertThat(cancelListener.outcomes).hasSize(1);
      assertThat(inviteListener.outcomes).isEmpty();
      h.peerSends(Fixtures.response(invite, 487));
      assertThat(inviteListener.outcomes).hasSize(1);
      assertThat(h.layer.activeCount()).isEqualTo(2);
    }

    @Test
    void passesResponseMatchingNoTransactionToTu() {
      // RFC 3261 §17.1.3: no match, so it goes to the TU (a proxy forwards stray 2xx, §16.7)
      h.layer.sendRequest(invite, Transport.UDP, Fixtures.UAS, new RecordingListener());
      h.peerSends(Fixtures.response(Fixtures.request(Method.INVITE, "z9hG4bKother"), 200));
      SipRequest options = Fixtures.request(Method.OPTIONS, "z9hG4bKinv1");
      h.peerSends(Fixtures.response(options, 200));
      assertThat(h.tu.strays).hasSize(2);
    }
  }

  @Nested
  class Section17_2_3 {
    private final Harness h = Harness.atUas();

    @Test
    void matchesByBranchSentByAndMethod() {
      // RFC 3261 §17.2.3
      SipRequest options = Fixtures.request(Method.OPTIONS, "z9hG4bKsame");
      h.peerSends(options);
      h.peerSends(options);
      assertThat(h.tu.requests).hasSize(1);
      SipRequest otherSentBy = options.toBuilder()
          .set(HeaderName.VIA, Via.of("UDP", Host.of("10.0.0.9"), 5060, "z9hG4bKsame"))
          .build();
      h.peerSends(otherSentBy);
      SipRequest otherMethod = Fixtures.request(Method.INFO, "z9hG4bKsame");
      h.peerSends(otherMethod);
      assertThat(h.tu.requests).hasSize(3);
      assertThat(h.layer.activeCount()).isEqualTo(3);
    }

    @Test
    void matchesRfc2543RequestWithoutMagicCookie() {
      // RFC 3261 §17.2.3: Request-URI, To tag, From tag, Call-ID, CSeq and top Via
      SipRequest old = Fixtures.request(Method.OPTIONS, "1234", Transport.UDP, "old-call");
      h.peerSends(old);
      ServerTransaction tx = h.tu.lastRequest();
      tx.respond(Fixtures.response(old, 200));
      h.peerSends(old);
      assertThat(h.tu.requests).hasSize(1);
      assertThat(h.peerStatuses()).containsExactly(200, 200);
      SipRequest nextCseq = old.toBuilder().set(HeaderName.CSEQ, new CSeq(2, Method.OPTIONS)).build();
      h.peerSends(nextCseq);
      assertThat(h.tu.requests).hasSize(2);
    }

    @Test
    void matchesRfc2543AckByTheResponsesToTag() {
      // RFC 3261 §17.2.3: "the To tag of the ACK matches the To tag of the response"
      SipRequest invite = Fixtures.request(Method.INVITE, "old-branch", Transport.UDP, "old-call");
      h.peerSends(invite);
      InviteServerTransaction tx = (InviteServerTransaction) h.tu.lastRequest();
      SipResponse busy = Fixtures.response(invite, 486);
      tx.respond(busy);
      SipRequest ack = InviteClientTransaction.ackFor(invite, busy);
      SipRequest strangerAck = ack.toBuilder()
          .set(HeaderName.TO, invite.to().orElseThrow().withTag("someone-else"))
          .build();
      h.peerSends(strangerAck);
      assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.COMPLETED);
      assertThat(h.tu.acks).hasSize(1);
      h.peerSends(ack);
      assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
      assertThat(h.tu.acks).hasSize(1);
    }

    @Test
    void matchesCancelToInvite() {
      // RFC 3261 §9.2, §17.2.3: same branch, different method
      SipRequest invite = Fixtures.request(Method.INVITE, "z9hG4bKinv1");
      h.peerSends(invite);
      ServerTransaction inviteTx = h.tu.lastRequest();
      h.peerSends(Fixtures.cancel(invite));
      assertThat(h.tu.cancels).singleElement().satisfies(c -> {
        assertThat(c.invite()).isSameAs(inviteTx);
        assertThat(c.cancel().request().method()).isEqualTo(Method.CANCEL);
      });
      RecordingTransactionUser.Cancel c = h.tu.cancels.get(0);
      c.cancel().respond(Fixtures.response(c.cancel().request(), 200));
      c.invite().respond(Fixtures.response(invite, 487));
      assertThat(h.peerResponses()).extracting(r -> r.cseq().orElseThrow().method() + " " + r.statusCode())
          .containsExactly("CANCEL 200", "INVITE 487");
      assertThat(h.tu.requests).hasSize(1);
    }

    @Test
    void matchesRfc2543CancelToInvite() {
      // RFC 3261 §9.2: without the cookie, by Request-URI, tags, Call-ID, CSeq number and top Via
      SipRequest invite = Fixtures.request(Method.INVITE, "old-branch", Transport.UDP, "old-call");
      h.peerSends(invite);
      h.peerSends(Fixtures.cancel(invite));
      assertThat(h.tu.cancels).singleElement().satisfies(c -> assertThat(c.invite()).isSameAs(h.tu.lastRequest()));
    }

    @Test
    void offersCancelMatchingNoInviteAsRequest() {
      // RFC 3261 §9.2: the TU answers it with 481
      SipRequest cancel = Fixtures.cancel(Fixtures.request(Method.INVITE, "z9hG4bKgone"));
      h.peerSends(cancel);
      assertThat(h.tu.cancels).isEmpty();
      assertThat(h.tu.lastRequest().request().method()).isEqualTo(Method.CANCEL);
    }

    @Test
    void passesAckMatchingNoTransactionToTu() {
      // RFC 6026 §8.7
      SipRequest invite = Fixtures.request(Method.INVITE, "z9hG4bKnone");
      h.peerSends(InviteClientTransaction.ackFor(invite, Fixtures.response(invite, 200)));
      assertThat(h.tu.acks).hasSize(1);
      assertThat(h.layer.activeCount()).isZero();
    }

    @Test
    void answers400WhenMandatoryHeaderIsMissing() {
      // RFC 3261 §8.1.1: Call-ID is mandatory
      SipRequest noCallId = Fixtures.request(Method.OPTIONS, "z9hG4bKbad").toBuilder()
          .remove(HeaderName.CALL_ID)
          .build();
      h.peerSends(noCallId);
      assertThat(h.tu.requests).isEmpty();
      SipResponse r = h.peerResponses().get(0);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.reasonPhrase()).isEqualTo("Missing Call-ID header");
      assertThat(r.to().orElseThrow().tag()).isPresent();
    }
  }
}
