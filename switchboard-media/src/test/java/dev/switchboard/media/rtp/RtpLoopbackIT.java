// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.audio.Goertzel;
import dev.switchboard.media.audio.PcmAudio;
import dev.switchboard.media.audio.ToneGenerator;
import dev.switchboard.media.audio.Wav;
import dev.switchboard.media.dtmf.DtmfDigit;
import dev.switchboard.media.offer.AnswerResult;
import dev.switchboard.media.offer.NegotiatedAudio;
import dev.switchboard.media.offer.OfferAnswer;
import dev.switchboard.media.sdp.Direction;
import dev.switchboard.media.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two RTP sessions on 127.0.0.1 set up by offer/answer, as two user agents would. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RtpLoopbackIT {
  private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

  @TempDir Path dir;
  private MediaEngine engine;
  private RtpSession alice;
  private RtpSession bob;
  private OfferAnswer aliceSide;
  private OfferAnswer bobSide;

  @BeforeEach
  void open() throws Exception {
    engine = MediaEngine.create();
    alice = engine.open(ANY_LOOPBACK_PORT);
    bob = engine.open(ANY_LOOPBACK_PORT);
    aliceSide = new OfferAnswer("127.0.0.1", alice.localAddress().getPort());
    bobSide = new OfferAnswer("127.0.0.1", bob.localAddress().getPort());
  }

  @AfterEach
  void close() {
    alice.close();
    bob.close();
    engine.close();
  }

  /** Alice offers, Bob answers, both apply what was agreed. */
  private void negotiate(Direction aliceWants) {
    SessionDescription offer = aliceSide.createOffer(aliceWants);
    // Over SIP the offer travels as text: parse what would arrive.
    AnswerResult answer = bobSide.answer(SessionDescription.parse(offer.encode()).value());
    NegotiatedAudio bobMedia = ((AnswerResult.Accepted) answer).media();
    SessionDescription answerSdp = ((AnswerResult.Accepted) answer).answer();
    AnswerResult accepted = aliceSide.acceptAnswer(SessionDescription.parse(answerSdp.encode()).value());
    bob.apply(bobMedia);
    alice.apply(((AnswerResult.Accepted) accepted).media());
  }

  @Test
  void playedToneIsRecordedAndDtmfDigitsArrive() throws Exception {
    negotiate(Direction.SENDRECV);
    Path recording = dir.resolve("bob.wav");
    bob.record(recording);
    List<DtmfDigit> digits = new CopyOnWriteArrayList<>();
    CountDownLatch fourDigits = new CountDownLatch(4);
    bob.onDtmf(d -> {
      digits.add(d);
      fourDigits.countDown();
    });

    PcmAudio tone = ToneGenerator.sine(1000, Duration.ofSeconds(1), 0.5, 8000);
    long start = System.nanoTime();
    alice.play(tone).get(5, TimeUnit.SECONDS);
    long playedMillis = (System.nanoTime() - start) / 1_000_000;
    alice.sendDtmf("159#", 60).get(5, TimeUnit.SECONDS);
    assertThat(fourDigits.await(3, TimeUnit.SECONDS)).as("4 digits received: %s", digits).isTrue();
    bob.stopRecording().get(5, TimeUnit.SECONDS);

    // Real-time pace: 50 frames of 20 ms take about a second.
    assertThat(playedMillis).isBetween(900L, 2500L);
    assertThat(digits).extracting(DtmfDigit::symbol).containsExactly('1', '5', '9', '#');
    assertThat(digits).extracting(DtmfDigit::durationSamples).containsOnly(480);

    PcmAudio heard = Wav.read(recording);
    assertThat(heard.sampleRate()).isEqualTo(8000);
    assertThat(heard.sampleCount()).isEqualTo(tone.sampleCount()); // every payload, none twice
    assertThat(Goertzel.detects(heard, 1000)).isTrue();
    assertThat(Goertzel.detects(heard, 2000)).isFalse();
    assertThat(Goertzel.relativePower(heard, 1000)).isGreaterThan(0.9);

    RtpStats sent = alice.stats();
    RtpStats received = bob.stats();
    // 50 audio packets, then per 60 ms digit: 2 updates + 3 end packets... at least 50 + 4 * 3.
    assertThat(sent.packetsSent()).isGreaterThanOrEqualTo(62);
    assertThat(received.packetsReceived()).isEqualTo(sent.packetsSent());
    assertThat(received.samplesRecorded()).isEqualTo(8000);
    assertThat(received.malformed()).isZero();
    assertThat(received.digitsReceived()).isEqualTo(4);
  }

  @Test
  void holdStopsTheHolderFromReceivingAndResumeRestoresIt() throws Exception {
    negotiate(Direction.SENDRECV.held()); // alice holds bob: alice sendonly, bob recvonly
    PcmAudio tone = ToneGenerator.sine(1000, Duration.ofMillis(200), 0.5, 8000);
    bob.play(tone).get(5, TimeUnit.SECONDS); // bob may not send: frames pass unsent
    assertThat(bob.stats().packetsSent()).isZero();
    assertThat(bob.sendDtmf("1")).failsWithin(Duration.ofSeconds(5));

    negotiate(Direction.SENDONLY.resumed());
    bob.play(tone).get(5, TimeUnit.SECONDS);
    assertThat(bob.stats().packetsSent()).isEqualTo(10);
  }

  @Test
  void closeCompletesTheRecordingAndFailsPendingPlayback() throws Exception {
    negotiate(Direction.SENDRECV);
    Path recording = dir.resolve("partial.wav");
    bob.record(recording);
    var playing = alice.play(ToneGenerator.sine(1000, Duration.ofSeconds(10), 0.5, 8000));
    Thread.sleep(300); // let some audio flow; the assertion below does not depend on how much
    alice.close();
    bob.close();
    assertThat(playing).isCompletedExceptionally();
    assertThat(Wav.read(recording).sampleRate()).isEqualTo(8000);
  }
}
