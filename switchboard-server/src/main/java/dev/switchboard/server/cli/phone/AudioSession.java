// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import dev.switchboard.core.ua.Body;
import dev.switchboard.core.ua.SessionNegotiator;
import dev.switchboard.media.Decoding;
import dev.switchboard.media.offer.AnswerResult;
import dev.switchboard.media.offer.OfferAnswer;
import dev.switchboard.media.rtp.MediaEngine;
import dev.switchboard.media.rtp.RtpSession;
import dev.switchboard.media.sdp.Direction;
import dev.switchboard.media.sdp.SessionDescription;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call's audio: joins the user agent's offer/answer exchanges (bodies) to the media library's
 * SDP offer/answer (RFC 3264, PCMU/PCMA/telephone-event) and its RTP session, which the
 * application uses to play, record and send DTMF.
 *
 * <p>Thread-safe: {@link OfferAnswer} and {@link RtpSession} are; closing hands the blocking
 * socket close to another thread so the user agent's threads never wait on it.
 */
public final class AudioSession implements SessionNegotiator {
  private final RtpSession rtp;
  private final OfferAnswer offerAnswer;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile String lastFault = "";

  private AudioSession(RtpSession rtp, String host) {
    this.rtp = rtp;
    this.offerAnswer = new OfferAnswer(host, rtp.localAddress().getPort());
  }

  /**
   * Binds an RTP port on {@code host} (port chosen by the system). Blocks while binding: call it
   * before handing the session to the user agent, not on one of its threads.
   */
  public static AudioSession open(MediaEngine engine, String host) throws IOException {
    return new AudioSession(engine.open(new InetSocketAddress(host, 0)), host);
  }

  /** The RTP session: play, record, DTMF, statistics. */
  public RtpSession rtp() {
    return rtp;
  }

  /** Why the last offer or answer was refused, for messages. */
  public String lastFault() {
    return lastFault;
  }

  @Override
  public Body offer(boolean hold) {
    Direction d = hold ? Direction.SENDRECV.held() : Direction.SENDRECV;
    return Body.sdp(offerAnswer.createOffer(d).toBytes());
  }

  @Override
  public Optional<Body> answer(Body offer) {
    Optional<SessionDescription> sd = parse(offer);
    if (sd.isEmpty()) {
      return Optional.empty();
    }
    AnswerResult r = offerAnswer.answer(sd.get());
    if (r instanceof AnswerResult.Accepted a) {
      rtp.apply(a.media());
      return Optional.of(Body.sdp(a.answer().toBytes()));
    }
    lastFault = ((AnswerResult.Rejected) r).reason();
    return Optional.empty();
  }

  @Override
  public boolean accept(Body answer) {
    Optional<SessionDescription> sd = parse(answer);
    if (sd.isEmpty()) {
      return false;
    }
    AnswerResult r = offerAnswer.acceptAnswer(sd.get());
    if (r instanceof AnswerResult.Accepted a) {
      rtp.apply(a.media());
      return true;
    }
    lastFault = ((AnswerResult.Rejected) r).reason();
    return false;
  }

  private Optional<SessionDescription> parse(Body body) {
    if (!body.isSdp()) {
      lastFault = "body is " + body.type().essence() + ", not application/sdp";
      return Optional.empty();
    }
    Decoding<SessionDescription> d = SessionDescription.parse(body.content());
    if (d instanceof Decoding.Malformed<SessionDescription> m) {
      lastFault = "malformed SDP: " + m.reason();
      return Optional.empty();
    }
    return Optional.of(d.value());
  }

  /** Closes the RTP session (and its recording) on another thread; see {@link #closed()}. */
  @Override
  public void close() {
    if (closing.compareAndSet(false, true)) {
      CompletableFuture.runAsync(rtp::close).whenComplete((v, e) -> closed.complete(null));
    }
  }

  /** Completes once the RTP session is closed and any recording written out. */
  public CompletableFuture<Void> closed() {
    return closed.thenApply(v -> v);
  }
}
