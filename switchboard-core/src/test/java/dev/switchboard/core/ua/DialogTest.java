// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Dialog state and in-dialog requests, RFC 3261 section 12. */
class DialogTest {
  static final String INVITE = "INVITE sip:bob@biloxi.example SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP pc33.atlanta.example;branch=z9hG4bKnashds8\r\n"
      + "Max-Forwards: 70\r\n"
      + "To: Bob <sip:bob@biloxi.example>\r\n"
      + "From: Alice <sip:alice@atlanta.example>;tag=1928301774\r\n"
      + "Call-ID: a84b4c76e66710\r\n"
      + "CSeq: 314159 INVITE\r\n"
      + "Contact: <sip:alice@pc33.atlanta.example>\r\n"
      + "Record-Route: <sip:p2.biloxi.example;lr>, <sip:p1.atlanta.example;lr>\r\n"
      + "Content-Length: 0\r\n\r\n";

  static final String OK = "SIP/2.0 200 OK\r\n"
      + "Via: SIP/2.0/UDP pc33.atlanta.example;branch=z9hG4bKnashds8\r\n"
      + "To: Bob <sip:bob@biloxi.example>;tag=a6c85cf\r\n"
      + "From: Alice <sip:alice@atlanta.example>;tag=1928301774\r\n"
      + "Call-ID: a84b4c76e66710\r\n"
      + "CSeq: 314159 INVITE\r\n"
      + "Contact: <sip:bob@192.0.2.4>\r\n"
      + "Record-Route: <sip:p2.biloxi.example;lr>, <sip:p1.atlanta.example;lr>\r\n"
      + "Content-Length: 0\r\n\r\n";

  static SipRequest invite(String text) {
    return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8)).value();
  }

  static SipResponse ok(String text) {
    return (SipResponse) SipParser.parse(text.getBytes(StandardCharsets.UTF_8)).value();
  }

  @Nested
  class Section12_1_2_CallerDialog {
    @Test
    void routeSetIsTheRecordRouteReversedAndTargetTheContact() {
      Dialog d = Dialog.asCaller(invite(INVITE), ok(OK));
      assertThat(d.id()).isEqualTo(new DialogId("a84b4c76e66710", "1928301774", "a6c85cf"));
      assertThat(d.routeSet()).extracting(a -> a.uri().toString())
          .containsExactly("sip:p1.atlanta.example;lr", "sip:p2.biloxi.example;lr");
      assertThat(d.remoteTarget().toString()).isEqualTo("sip:bob@192.0.2.4");
      assertThat(d.localSeq()).isEqualTo(314159);
      assertThat(d.remoteSeq()).isEqualTo(-1);
    }

    @Test
    void byeCarriesTagsRouteSetAndTheNextCseq() {
      // RFC 3261 §12.2.1.1
      Dialog d = Dialog.asCaller(invite(INVITE), ok(OK));
      SipRequest bye = d.newRequest(Method.BYE, 0).build();
      assertThat(bye.requestUri().toString()).isEqualTo("sip:bob@192.0.2.4");
      assertThat(bye.headerLines(HeaderName.ROUTE))
          .containsExactly("<sip:p1.atlanta.example;lr>", "<sip:p2.biloxi.example;lr>");
      assertThat(bye.from().orElseThrow().tag()).contains("1928301774");
      assertThat(bye.to().orElseThrow().tag()).contains("a6c85cf");
      assertThat(bye.cseq().orElseThrow().sequence()).isEqualTo(314160);
      assertThat(d.nextHopUri().toString()).isEqualTo("sip:p1.atlanta.example;lr");
    }

    @Test
    void ackReusesTheInviteCseqNumber() {
      // RFC 3261 §13.2.2.4
      Dialog d = Dialog.asCaller(invite(INVITE), ok(OK));
      SipRequest ack = d.newRequest(Method.ACK, 314159).build();
      assertThat(ack.cseq().orElseThrow().sequence()).isEqualTo(314159);
      assertThat(ack.cseq().orElseThrow().method()).isEqualTo(Method.ACK);
      assertThat(d.localSeq()).isEqualTo(314159);
    }

    @Test
    void strictRouterBecomesTheRequestUriAndTargetGoesLast() {
      // RFC 3261 §12.2.1.1, strict routing
      SipResponse strict = ok(OK.replace("Record-Route: <sip:p2.biloxi.example;lr>, <sip:p1.atlanta.example;lr>",
          "Record-Route: <sip:p1.atlanta.example>"));
      Dialog d = Dialog.asCaller(invite(INVITE), strict);
      SipRequest bye = d.newRequest(Method.BYE, 0).build();
      assertThat(bye.requestUri().toString()).isEqualTo("sip:p1.atlanta.example");
      assertThat(bye.headerLines(HeaderName.ROUTE)).containsExactly("<sip:bob@192.0.2.4>");
    }
  }

  @Nested
  class Section12_1_1_CalleeDialog {
    @Test
    void routeSetKeepsRecordRouteOrderAndRemoteSeqIsTheInvites() {
      Dialog d = Dialog.asCallee(invite(INVITE), "ourtag");
      assertThat(d.id()).isEqualTo(new DialogId("a84b4c76e66710", "ourtag", "1928301774"));
      assertThat(d.routeSet()).extracting(a -> a.uri().toString())
          .containsExactly("sip:p2.biloxi.example;lr", "sip:p1.atlanta.example;lr");
      assertThat(d.remoteTarget().toString()).isEqualTo("sip:alice@pc33.atlanta.example");
      assertThat(d.remoteSeq()).isEqualTo(314159);
      assertThat(d.localSeq()).isZero();
    }

    @Test
    void firstLocalRequestStartsTheEmptyLocalSequence() {
      // RFC 3261 §12.2.1.1: an empty local sequence number gets a start below 2^31
      Dialog d = Dialog.asCallee(invite(INVITE), "ourtag");
      long first = d.newRequest(Method.BYE, 0).build().cseq().orElseThrow().sequence();
      assertThat(first).isBetween(1L, (1L << 31) - 1);
      assertThat(d.newRequest(Method.INVITE, 0).build().cseq().orElseThrow().sequence()).isEqualTo(first + 1);
    }
  }

  @Nested
  class Section12_2_2_IncomingRequests {
    @Test
    void lowerCseqIsOutOfOrderAndHigherIsTaken() {
      Dialog d = Dialog.asCallee(invite(INVITE), "ourtag");
      SipRequest old = invite(INVITE.replace("CSeq: 314159 INVITE", "CSeq: 314158 BYE").replace("INVITE sip", "BYE sip"));
      SipRequest next = invite(INVITE.replace("CSeq: 314159 INVITE", "CSeq: 314160 BYE").replace("INVITE sip", "BYE sip"));
      assertThat(d.acceptRemoteSequence(old)).isFalse();
      assertThat(d.acceptRemoteSequence(next)).isTrue();
      assertThat(d.remoteSeq()).isEqualTo(314160);
    }

    @Test
    void targetRefreshTakesTheNewContact() {
      // RFC 3261 §12.2: a re-INVITE's Contact replaces the remote target
      Dialog d = Dialog.asCallee(invite(INVITE), "ourtag");
      d.refreshTarget(invite(INVITE.replace("<sip:alice@pc33.atlanta.example>", "<sip:alice@192.0.2.99:5070>")));
      assertThat(d.remoteTarget().toString()).isEqualTo("sip:alice@192.0.2.99:5070");
    }

    @Test
    void dialogOfAnIncomingRequestIsToTagThenFromTag() {
      SipRequest bye = invite(INVITE.replace("To: Bob <sip:bob@biloxi.example>", "To: Bob <sip:bob@biloxi.example>;tag=x"));
      assertThat(DialogId.ofIncoming(bye)).contains(new DialogId("a84b4c76e66710", "x", "1928301774"));
      assertThat(DialogId.ofIncoming(invite(INVITE))).isEmpty();
      assertThat(Address.of(bye.requestUri()).uri()).isEqualTo(bye.requestUri());
    }
  }
}
