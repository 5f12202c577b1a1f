// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.codec.AudioCodec;
import dev.switchboard.media.sdp.Captures;
import dev.switchboard.media.sdp.Direction;
import dev.switchboard.media.sdp.MediaDescription;
import dev.switchboard.media.sdp.SessionDescription;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {
  private final OfferAnswer us = new OfferAnswer("192.0.2.7", 40000, "-", "1000");

  private static SessionDescription sdp(String text) {
    return SessionDescription.parse(text).value();
  }

  private static NegotiatedAudio accepted(AnswerResult r) {
    assertThat(r).isInstanceOf(AnswerResult.Accepted.class);
    return ((AnswerResult.Accepted) r).media();
  }

  private static SessionDescription answerOf(AnswerResult r) {
    return ((AnswerResult.Accepted) r).answer();
  }

  private static String offerWith(String media, String... attributes) {
    StringBuilder s = new StringBuilder("v=0\r\no=peer 5 5 IN IP4 198.51.100.9\r\ns=-\r\n"
        + "c=IN IP4 198.51.100.9\r\nt=0 0\r\nm=" + media + "\r\n");
    for (String a : attributes) {
      s.append("a=").append(a).append("\r\n");
    }
    return s.toString();
  }

  @Nested
  class Offering {
    @Test
    void offersPcmuPcmaAndTelephoneEvent() {
      SessionDescription offer = us.createOffer();
      assertThat(offer.encode())
          .isEqualTo("v=0\r\no=- 1000 1000 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n"
              + "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
              + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\n"
              + "a=sendrecv\r\n");
    }

    @Test
    void reOfferIncrementsOriginVersionAndKeepsTheRest() {
      // RFC 3264 section 8: same o= except the version, which goes up by one.
      SessionDescription first = us.createOffer();
      SessionDescription second = us.createOffer();
      assertThat(second.origin().sessionVersion()).isEqualTo(first.origin().sessionVersion() + 1);
      assertThat(second.origin().sessionId()).isEqualTo(first.origin().sessionId());
      assertThat(second.origin().address()).isEqualTo(first.origin().address());
    }

    @Test
    void holdOffersSendonlyAndResumeOffersSendrecv() {
      // RFC 3264 section 8.4.
      assertThat(us.createOffer(Direction.SENDRECV.held()).media().get(0).direction())
          .contains(Direction.SENDONLY);
      assertThat(us.createOffer(Direction.SENDONLY.resumed()).media().get(0).direction())
          .contains(Direction.SENDRECV);
      assertThat(Direction.RECVONLY.held()).isEqualTo(Direction.INACTIVE);
      assertThat(Direction.INACTIVE.resumed()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void readsBaresipAnswerToOurOffer() {
      us.createOffer();
      NegotiatedAudio media = accepted(us.acceptAnswer(sdp(Captures.resource("baresip-answer.sdp"))));
      assertThat(media.remoteHost()).isEqualTo("127.0.0.1");
      assertThat(media.remotePort()).isEqualTo(5176);
      assertThat(media.codec()).isEqualTo(AudioCodec.PCMU);
      assertThat(media.telephoneEventPayloadType()).isEqualTo(OptionalInt.of(101));
      assertThat(media.direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void answerRecvonlyToOurHoldLeavesUsSendingOnly() {
      us.createOffer(Direction.SENDONLY);
      NegotiatedAudio media =
          accepted(us.acceptAnswer(sdp(offerWith("audio 6000 RTP/AVP 8", "recvonly"))));
      assertThat(media.direction()).isEqualTo(Direction.SENDONLY);
      assertThat(media.codec()).isEqualTo(AudioCodec.PCMA);
    }

    @Test
    void answerRefusingTheStreamIsRejected() {
      us.createOffer();
      AnswerResult r = us.acceptAnswer(sdp(offerWith("audio 0 RTP/AVP 0")));
      assertThat(r).isEqualTo(new AnswerResult.Rejected("the answer refused the audio stream"));
    }

    @Test
    void answerWithACodecWeDidNotOfferIsRejected() {
      us.createOffer();
      AnswerResult r = us.acceptAnswer(sdp(offerWith("audio 6000 RTP/AVP 18")));
      assertThat(r).isInstanceOf(AnswerResult.Rejected.class);
    }

    @Test
    void acceptingAnAnswerWithoutAnOfferIsAMisuse() {
      OfferAnswer fresh = new OfferAnswer("192.0.2.7", 40000);
      assertThatThrownBy(() -> fresh.acceptAnswer(us.createOffer()))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class Answering {
    @Test
    void answerPicksPcmuFromLinphoneOfferAfterOpusAndSpeex() {
      // INTEROP-NOTES item 9: linphone lists opus and speex first; we must pick PCMU.
      AnswerResult r = us.answer(sdp(Captures.resource("linphone-offer.sdp")));
      NegotiatedAudio media = accepted(r);
      assertThat(media.codec()).isEqualTo(AudioCodec.PCMU);
      assertThat(media.payloadType()).isZero();
      assertThat(media.telephoneEventPayloadType()).isEqualTo(OptionalInt.of(101));
      assertThat(media.remoteHost()).isEqualTo("127.0.0.1");
      assertThat(media.remotePort()).isEqualTo(5170);
      assertThat(answerOf(r).encode())
          .isEqualTo("v=0\r\no=- 1000 1000 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n"
              + "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
              + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\n"
              + "a=sendrecv\r\n");
    }

    @Test
    void answerPicksTheFirstSupportedCodecInOfferOrder() {
      NegotiatedAudio media = accepted(us.answer(sdp(offerWith("audio 6000 RTP/AVP 8 0"))));
      assertThat(media.codec()).isEqualTo(AudioCodec.PCMA);
      assertThat(media.telephoneEventPayloadType()).isEmpty();
      assertThat(media.ptimeMillis()).isEqualTo(20);
    }

    @Test
    void answerRecognisesPcmaByRtpmapNameOnADynamicPayloadType() {
      NegotiatedAudio media =
          accepted(us.answer(sdp(offerWith("audio 6000 RTP/AVP 110", "rtpmap:110 pcma/8000", "ptime:30"))));
      assertThat(media.codec()).isEqualTo(AudioCodec.PCMA);
      assertThat(media.payloadType()).isEqualTo(110);
      assertThat(media.ptimeMillis()).isEqualTo(30);
    }

    @Test
    void answerRejectsOfferWithoutCommonCodec() {
      // RFC 3264 section 6 / RFC 3261 section 13.3.1.3: 488 Not Acceptable Here.
      AnswerResult r =
          us.answer(sdp(offerWith("audio 6000 RTP/AVP 96 18", "rtpmap:96 opus/48000/2")));
      assertThat(r).isInstanceOf(AnswerResult.Rejected.class);
      AnswerResult.Rejected rejected = (AnswerResult.Rejected) r;
      assertThat(rejected.statusCode()).isEqualTo(488);
      assertThat(rejected.reason()).isEqualTo("no common codec: offered opus, 18; we support PCMU, PCMA");
    }

    @Test
    void answerRejectsOfferWithoutAudio() {
      AnswerResult r = us.answer(sdp(offerWith("video 6000 RTP/AVP 31")));
      assertThat(r).isEqualTo(new AnswerResult.Rejected("no audio stream offered"));
    }

    @Test
    void answerRejectsSecureRtpItCannotDo() {
      AnswerResult r = us.answer(sdp(offerWith("audio 6000 RTP/SAVP 0")));
      assertThat(r).isInstanceOf(AnswerResult.Rejected.class);
    }

    @Test
    void answerRefusesOtherStreamsWithPortZeroKeepingTheirPlace() {
      String offer = offerWith("video 7000 RTP/AVP 31") + "m=audio 6000 RTP/AVP 0\r\nm=audio 6002 RTP/AVP 8\r\n";
      SessionDescription answer = answerOf(us.answer(sdp(offer)));
      assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(0, 40000, 0);
      assertThat(answer.media().get(0).formats()).containsExactly("31");
    }

    @Test
    void mediaLevelConnectionOverridesSessionLevel() {
      String offer = offerWith("audio 6000 RTP/AVP 0") + "c=IN IP4 203.0.113.5\r\n";
      assertThat(accepted(us.answer(sdp(offer))).remoteHost()).isEqualTo("203.0.113.5");
    }

    @Test
    void answerToSendonlyHoldIsRecvonly() {
      // RFC 3264 section 6.1 and 8.4.
      AnswerResult r = us.answer(sdp(offerWith("audio 6000 RTP/AVP 0", "sendonly")));
      assertThat(answerOf(r).media().get(0).direction()).contains(Direction.RECVONLY);
      assertThat(accepted(r).sends()).isFalse();
      assertThat(accepted(r).receives()).isTrue();
    }

    @Test
    void answerToInactiveIsInactiveAndToRecvonlyIsSendonly() {
      assertThat(accepted(us.answer(sdp(offerWith("audio 6000 RTP/AVP 0", "inactive")))).direction())
          .isEqualTo(Direction.INACTIVE);
      assertThat(accepted(us.answer(sdp(offerWith("audio 6000 RTP/AVP 0", "recvonly")))).direction())
          .isEqualTo(Direction.SENDONLY);
    }

    @Test
    void answerWhileWeHoldIsSendonly() {
      assertThat(accepted(us.answer(sdp(offerWith("audio 6000 RTP/AVP 0")), Direction.SENDONLY)).direction())
          .isEqualTo(Direction.SENDONLY);
    }

    @Test
    void oldStyleHoldAddressStopsUsSending() {
      // RFC 3264 section 8.4: c=0.0.0.0 from RFC 2543 clients.
      String offer = offerWith("audio 6000 RTP/AVP 0").replace("c=IN IP4 198.51.100.9", "c=IN IP4 0.0.0.0");
      assertThat(accepted(us.answer(sdp(offer))).direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void answerToReOfferIncrementsOriginVersion() {
      SessionDescription a1 = answerOf(us.answer(sdp(offerWith("audio 6000 RTP/AVP 0"))));
      SessionDescription a2 = answerOf(us.answer(sdp(offerWith("audio 6000 RTP/AVP 0", "sendonly"))));
      assertThat(a2.origin()).isEqualTo(a1.origin().nextVersion());
    }

    @Test
    void telephoneEventAtOtherClockRatesIsNotTaken() {
      NegotiatedAudio media = accepted(us.answer(sdp(offerWith(
          "audio 6000 RTP/AVP 0 100", "rtpmap:100 telephone-event/16000"))));
      assertThat(media.telephoneEventPayloadType()).isEmpty();
    }
  }
}
