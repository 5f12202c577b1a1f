// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

import dev.switchboard.media.Decoding;
import dev.switchboard.media.audio.PcmAudio;
import dev.switchboard.media.audio.WavWriter;
import dev.switchboard.media.codec.AudioCodec;
import dev.switchboard.media.dtmf.DtmfDigit;
import dev.switchboard.media.dtmf.DtmfListener;
import dev.switchboard.media.dtmf.DtmfReceiver;
import dev.switchboard.media.dtmf.DtmfSender;
import dev.switchboard.media.dtmf.TelephoneEvent;
import dev.switchboard.media.offer.NegotiatedAudio;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call's audio on a local UDP port (RFC 3550): sends G.711 from {@link PcmAudio} at real-time
 * pace, records what arrives to a WAV file, and sends and receives DTMF as telephone-events (RFC
 * 4733). RTCP is not sent.
 *
 * <p>Life: {@link MediaEngine#open} binds it; {@link #apply(NegotiatedAudio)} says where to send
 * and what (again after every re-INVITE, e.g. for hold); {@link #play}, {@link #record}, {@link
 * #sendDtmf} and {@link #onDtmf} may be called at any time; {@link #close()} ends it.
 *
 * <p>Sending: a clock ticks every 20 ms from {@code open}; each tick advances the RTP timestamp
 * by 160 and, when the direction allows sending, sends the next telephone-event packet if a digit
 * is queued, else the next 20 ms of audio being played. The SSRC and the first sequence number
 * and timestamp are random (section 5.1); the marker bit starts each talkspurt. Audio keeps its
 * pace while sending is not allowed (on hold), so playback still ends on time.
 *
 * <p>Receiving: packets of the negotiated codec (or of PCMU/PCMA by their static types) go
 * through a {@link ReorderBuffer} three packets deep, are decoded and appended to the recording
 * (8000 Hz mono 16-bit); held packets are released after a 60 ms lull. Telephone-events go to a
 * {@link DtmfReceiver} and then to the listener. Packets are accepted from any source address, as
 * clients behind NAT send from elsewhere than they said.
 *
 * <p>Thread-safety: every public method is thread-safe. All state is confined to the channel's
 * event loop; the methods hand their work to it. The DTMF listener is called on that loop.
 */
public final class RtpSession implements AutoCloseable {
  /** The packet interval, in milliseconds. */
  public static final int PTIME_MILLIS = 20;

  /** Samples (and RTP timestamp units) per packet at 8000 Hz. */
  public static final int SAMPLES_PER_PACKET = AudioCodec.CLOCK_RATE * PTIME_MILLIS / 1000;

  /** How long each DTMF digit lasts by default. */
  public static final int DTMF_MILLIS = 100;

  private static final int REORDER_DEPTH = 3;
  private static final long LULL_NANOS = TimeUnit.MILLISECONDS.toNanos(60);
  private static final int DTMF_VOLUME = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Channel channel;
  private final EventLoop loop;
  private final InetSocketAddress localAddress;
  private final long ssrc;
  private final ScheduledFuture<?> ticker;

  // Confined to loop.
  private NegotiatedAudio media;
  private InetSocketAddress remote;
  private int sequence;
  private long timestamp;
  private boolean talking;
  private PcmAudio playing;
  private int playPosition;
  private CompletableFuture<Void> playDone;
  private WavWriter recording;
  private CompletableFuture<Void> recordingClosed;
  private final ReorderBuffer reorder = new ReorderBuffer(REORDER_DEPTH);
  private long lastReceiveNanos;
  private final DtmfSender dtmfSender = new DtmfSender(SAMPLES_PER_PACKET, DTMF_VOLUME);
  private final DtmfReceiver dtmfReceiver = new DtmfReceiver();
  private DtmfListener dtmfListener = digit -> {};
  private boolean closed;

  // Written only on loop, read anywhere.
  private volatile long packetsSent;
  private volatile long packetsReceived;
  private volatile long malformed;
  private volatile long discarded;
  private volatile long samplesRecorded;
  private volatile long digitsReceived;

  RtpSession(Channel channel, Handler handler) {
    this.channel = channel;
    this.loop = channel.eventLoop();
    this.localAddress = (InetSocketAddress) channel.localAddress();
    this.ssrc = RANDOM.nextInt() & 0xFFFF_FFFFL;
    this.sequence = RANDOM.nextInt(0x10000);
    this.timestamp = RANDOM.nextInt() & 0xFFFF_FFFFL;
    handler.session = this;
    this.ticker = loop.scheduleAtFixedRate(this::tick, PTIME_MILLIS, PTIME_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The local address and port RTP is received on: what the SDP {@code c=} and {@code m=} say. */
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Our synchronization source identifier, unsigned 32 bits. */
  public long ssrc() {
    return ssrc;
  }

  /**
   * Applies what offer/answer agreed: remote address, codec, payload types, direction. Call it
   * after each exchange. Resolves the remote host on the calling thread (no lookup for an IP
   * literal).
   */
  public void apply(NegotiatedAudio negotiated) {
    Objects.requireNonNull(negotiated, "negotiated");
    InetSocketAddress to = negotiated.remoteAddress();
    run(
        () -> {
          if (media != null && !media.sends() && negotiated.sends()) {
            talking = false; // resuming from hold starts a new talkspurt
          }
          media = negotiated;
          remote = to;
        });
  }

  /**
   * Plays audio, replacing what was playing (whose future then fails with {@link
   * CancellationException}). Audio at another rate is resampled to 8000 Hz first.
   *
   * @return completes when the last frame has been sent (or skipped while on hold)
   */
  public CompletableFuture<Void> play(PcmAudio audio) {
    PcmAudio narrow = audio.resampled(PcmAudio.NARROWBAND);
    CompletableFuture<Void> done = new CompletableFuture<>();
    run(
        () -> {
          if (closed) {
            done.completeExceptionally(new CancellationException("session closed"));
            return;
          }
          stopPlayback();
          playing = narrow;
          playPosition = 0;
          playDone = done;
        });
    return done;
  }

  /** Stops playing; the future of {@link #play} fails with {@link CancellationException}. */
  public void stopPlaying() {
    run(this::stopPlayback);
  }

  /**
   * Starts recording every audio payload received to a new WAV file (8000 Hz, mono, 16-bit),
   * replacing any recording in progress (which is closed).
   *
   * @throws IOException when the file cannot be created
   */
  public void record(Path file) throws IOException {
    WavWriter writer = WavWriter.create(file, PcmAudio.NARROWBAND);
    run(
        () -> {
          if (closed) {
            closeQuietly(writer);
            return;
          }
          finishRecording();
          recording = writer;
          recordingClosed = new CompletableFuture<>();
        });
  }

  /**
   * Stops recording and closes the file.
   *
   * @return completes when the file is complete; fails if writing it failed
   */
  public CompletableFuture<Void> stopRecording() {
    CompletableFuture<Void> result = new CompletableFuture<>();
    run(
        () -> {
          CompletableFuture<Void> closing = recordingClosed;
          finishRecording();
          if (closing == null) {
            result.complete(null);
          } else {
            closing.whenComplete((v, e) -> complete(result, e));
          }
        });
    return result;
  }

  /** Sends DTMF digits, {@value #DTMF_MILLIS} ms each; see {@link #sendDtmf(String, int)}. */
  public CompletableFuture<Void> sendDtmf(String digits) {
    return sendDtmf(digits, DTMF_MILLIS);
  }

  /**
   * Sends DTMF digits as telephone-events (RFC 4733), after any queued before.
   *
   * @param digits {@code 0-9 * # A-D}, and {@code !} for flash
   * @param millisEach how long each digit lasts, 20 to 8000 ms
   * @return completes when the last end packet is sent; fails with {@link IllegalStateException}
   *     when the other side did not agree to telephone-events or does not receive
   * @throws IllegalArgumentException for a character that is not a DTMF symbol
   */
  public CompletableFuture<Void> sendDtmf(String digits, int millisEach) {
    if (millisEach < PTIME_MILLIS || millisEach > 8000) {
      throw new IllegalArgumentException("digit length out of range 20-8000 ms: " + millisEach);
    }
    for (char c : digits.toCharArray()) {
      if (TelephoneEvent.eventCode(c) < 0) {
        throw new IllegalArgumentException("not a DTMF symbol: '" + c + "'");
      }
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    run(
        () -> {
          if (closed) {
            result.completeExceptionally(new CancellationException("session closed"));
          } else if (media == null || media.telephoneEventPayloadType().isEmpty()) {
            result.completeExceptionally(
                new IllegalStateException("telephone-event was not negotiated"));
          } else if (!media.sends()) {
            result.completeExceptionally(
                new IllegalStateException("direction is " + media.direction() + ": not sending"));
          } else {
            dtmfSender
                .enqueue(digits, millisEach * AudioCodec.CLOCK_RATE / 1000)
                .whenComplete((v, e) -> complete(result, e));
          }
        });
    return result;
  }

  /** Sets who hears received DTMF digits (replacing the previous listener). */
  public void onDtmf(DtmfListener listener) {
    Objects.requireNonNull(listener, "listener");
    run(() -> dtmfListener = listener);
  }

  /** The counters now. */
  public RtpStats stats() {
    return new RtpStats(
        packetsSent, packetsReceived, malformed, discarded, samplesRecorded, digitsReceived);
  }

  /**
   * Ends the session: stops the clock, writes out held packets and closes the recording, fails
   * pending playback and DTMF futures, and closes the socket. Idempotent; blocks until done
   * unless called on the session's own thread.
   */
  @Override
  public void close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    run(
        () -> {
          if (!closed) {
            closed = true;
            ticker.cancel(false);
            flushReceived();
            finishRecording();
            stopPlayback();
            dtmfSender.cancel(new CancellationException("session closed"));
          }
          channel.close().addListener(f -> done.complete(null));
        });
    if (!loop.inEventLoop()) {
      done.join();
    }
  }

  // ---- on the event loop ----

  private void tick() {
    long ts = timestamp;
    timestamp = (timestamp + SAMPLES_PER_PACKET) & 0xFFFF_FFFFL;
    if (reorder.size() > 0 && System.nanoTime() - lastReceiveNanos > LULL_NANOS) {
      flushReceived();
    }
    boolean sending = media != null && media.sends() && remote != null;
    if (sending && media.telephoneEventPayloadType().isPresent()) {
      Optional<DtmfSender.Packet> p = dtmfSender.next(ts);
      if (p.isPresent()) {
        DtmfSender.Packet e = p.get();
        send(e.marker(), media.telephoneEventPayloadType().getAsInt(), e.timestamp(), e.event().encode());
        e.completes().ifPresent(f -> f.complete(null));
        talking = false; // audio after an event starts a new talkspurt
        advancePlayback(false, ts);
        return;
      }
    }
    advancePlayback(sending, ts);
  }

  /** Takes the next 20 ms of the audio being played and sends it when allowed. */
  private void advancePlayback(boolean send, long ts) {
    if (playing == null) {
      talking = false;
      return;
    }
    short[] frame = new short[SAMPLES_PER_PACKET];
    int n = playing.copy(playPosition, frame);
    playPosition += n;
    if (n > 0 && send) {
      send(!talking, media.payloadType(), ts, media.codec().encode(frame));
      talking = true;
    } else if (!send) {
      talking = false;
    }
    if (playPosition >= playing.sampleCount()) {
      CompletableFuture<Void> done = playDone;
      playing = null;
      playDone = null;
      talking = false;
      done.complete(null);
    }
  }

  private void send(boolean marker, int payloadType, long ts, byte[] payload) {
    RtpPacket p = RtpPacket.of(marker, payloadType, sequence, ts, ssrc, payload);
    sequence = (sequence + 1) & 0xFFFF;
    channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(p.encode()), remote));
    packetsSent++;
  }

  private void receive(byte[] data) {
    if (closed) {
      return;
    }
    Decoding<RtpPacket> decoded = RtpPacket.decode(data);
    if (!decoded.isOk()) {
      malformed++;
      return;
    }
    packetsReceived++;
    RtpPacket p = decoded.value();
    if (media == null || !media.receives()) {
      discarded++;
      return;
    }
    if (media.telephoneEventPayloadType().orElse(-1) == p.payloadType()) {
      receiveEvent(p);
      return;
    }
    if (codecOf(p.payloadType()).isEmpty()) {
      discarded++;
      return;
    }
    lastReceiveNanos = System.nanoTime();
    long droppedBefore = reorder.dropped();
    List<RtpPacket> ready = reorder.add(p);
    discarded += reorder.dropped() - droppedBefore;
    ready.forEach(this::recordPacket);
  }

  private void receiveEvent(RtpPacket p) {
    Decoding<TelephoneEvent> e = TelephoneEvent.decode(p.payload());
    if (!e.isOk()) {
      malformed++;
      return;
    }
    for (DtmfDigit d : dtmfReceiver.accept(e.value(), p.timestamp())) {
      digitsReceived++;
      dtmfListener.onDigit(d);
    }
  }

  private Optional<AudioCodec> codecOf(int payloadType) {
    if (media != null && payloadType == media.payloadType()) {
      return Optional.of(media.codec());
    }
    return payloadType < 96 ? AudioCodec.byStaticPayloadType(payloadType) : Optional.empty();
  }

  private void flushReceived() {
    reorder.drain().forEach(this::recordPacket);
  }

  private void recordPacket(RtpPacket p) {
    if (recording == null) {
      return;
    }
    short[] pcm = codecOf(p.payloadType()).orElseThrow().decode(p.payload());
    try {
      recording.write(pcm);
      samplesRecorded += pcm.length;
    } catch (IOException e) {
      CompletableFuture<Void> closing = recordingClosed;
      closeQuietly(recording);
      recording = null;
      recordingClosed = null;
      closing.completeExceptionally(e);
    }
  }

  private void finishRecording() {
    if (recording == null) {
      return;
    }
    flushReceived();
    WavWriter w = recording;
    CompletableFuture<Void> closing = recordingClosed;
    recording = null;
    recordingClosed = null;
    try {
      w.close();
      closing.complete(null);
    } catch (IOException e) {
      closing.completeExceptionally(e);
    }
  }

  private void stopPlayback() {
    if (playDone != null) {
      playDone.completeExceptionally(new CancellationException("playback stopped"));
    }
    playing = null;
    playDone = null;
    talking = false;
  }

  private void run(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  private static void complete(CompletableFuture<Void> f, Throwable e) {
    if (e == null) {
      f.complete(null);
    } else {
      f.completeExceptionally(e);
    }
  }

  private static void closeQuietly(WavWriter w) {
    try {
      w.close();
    } catch (IOException ignored) {
      // The recording is already being abandoned; its future reports the first failure.
    }
  }

  /** Hands received datagrams to the session; installed before the session exists. */
  static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
    // Written before the channel is bound to a session and read on its event loop thereafter.
    volatile RtpSession session;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      RtpSession s = session;
      if (s != null) {
        ByteBuf buf = packet.content();
        byte[] data = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), data);
        s.receive(data);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A UDP read error (e.g. ICMP port unreachable surfacing as an exception) is not fatal to
      // a session: the peer may not have opened its port yet.
    }
  }
}
