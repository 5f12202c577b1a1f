// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.offer;

import dev.switchboard.media.codec.AudioCodec;
import dev.switchboard.media.dtmf.TelephoneEvent;
import dev.switchboard.media.sdp.Connection;
import dev.switchboard.media.sdp.Direction;
import dev.switchboard.media.sdp.Fmtp;
import dev.switchboard.media.sdp.MediaDescription;
import dev.switchboard.media.sdp.Origin;
import dev.switchboard.media.sdp.RtpMap;
import dev.switchboard.media.sdp.SessionDescription;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The offer/answer model (RFC 3264) for one call's audio stream, on our side of the call.
 *
 * <p>We offer PCMU (0), PCMA (8) and telephone-event (101, events 0-16) at 20 ms. Answering, we
 * take the first codec in the offer's order that is PCMU or PCMA (by static payload type or by
 * {@code rtpmap} name) and telephone-event at 8000 Hz if offered, keeping the offer's payload
 * numbers (section 6.1); every other stream is refused with port 0 (section 6). No usable audio
 * stream gives {@link AnswerResult.Rejected}, which the user agent sends as 488.
 *
 * <p>Direction follows section 6.1 (the answer mirrors the offer, narrowed by what we want) and
 * hold follows section 8.4: offer {@code Direction.SENDRECV.held()} ({@code sendonly}) to hold and
 * {@code resumed()} to resume. A remote {@code c=0.0.0.0} (old-style hold) stops us sending.
 *
 * <p>Every description we produce keeps the same {@code o=} username, session id and address;
 * the version goes up by one with each new offer or answer after the first (section 8). Thread
 * -safe: the methods are synchronized, so a call's offer and answer can come from any thread.
 */
public final class OfferAnswer {
  /** The payload type we offer for telephone-event. */
  public static final int TELEPHONE_EVENT_PT = 101;

  /** The telephone-events we can send and receive: the DTMF digits and flash. */
  public static final String TELEPHONE_EVENTS = "0-16";

  /** The packet time we send and ask for. */
  public static final int PTIME = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String address;
  private final int port;
  // Guarded by this.
  private Origin origin;
  private boolean described;
  private SessionDescription lastOffer;

  /**
   * Our side of a call.
   *
   * @param address the IP address we receive RTP on, for {@code o=} and {@code c=}
   * @param port the RTP port we receive on (the RTP session's local port)
   */
  public OfferAnswer(String address, int port) {
    this(address, port, "-", Long.toString(RANDOM.nextLong() & 0x7FFF_FFFF_FFFFL));
  }

  /**
   * Our side of a call with a chosen {@code o=} username and session id (for tests and for a UA
   * that wants its own).
   */
  public OfferAnswer(String address, int port, String username, String sessionId) {
    Objects.requireNonNull(address, "address");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range 1-65535: " + port);
    }
    this.address = address;
    this.port = port;
    // RFC 8866 section 5.2 suggests an NTP timestamp for both; any number will do, and the same
    // number as the id is what many clients send.
    this.origin = Origin.of(username, sessionId, Long.parseUnsignedLong(sessionId), address);
  }

  /** The {@code o=} of the last description we produced (or of the first, before any). */
  public synchronized Origin origin() {
    return origin;
  }

  /** A {@code sendrecv} offer: a new call, or a re-offer that resumes from hold. */
  public SessionDescription createOffer() {
    return createOffer(Direction.SENDRECV);
  }

  /**
   * An offer with the given direction: {@code sendonly} puts the other party on hold, {@code
   * inactive} holds while they hold us (RFC 3264 section 8.4).
   */
  public synchronized SessionDescription createOffer(Direction direction) {
    MediaDescription.Builder m =
        MediaDescription.builder(MediaDescription.AUDIO, port, MediaDescription.RTP_AVP);
    for (AudioCodec c : AudioCodec.values()) {
      m.rtpMap(new RtpMap(c.staticPayloadType(), c.encodingName(), AudioCodec.CLOCK_RATE, 1));
    }
    addTelephoneEvent(m, TELEPHONE_EVENT_PT);
    m.attribute("ptime", Integer.toString(PTIME)).direction(direction);
    lastOffer = describe(List.of(m.build()));
    return lastOffer;
  }

  /** Answers an offer wanting to send and receive; see {@link #answer(SessionDescription, Direction)}. */
  public AnswerResult answer(SessionDescription offer) {
    return answer(offer, Direction.SENDRECV);
  }

  /**
   * Answers an offer (RFC 3264 section 6): accepts the first audio stream with a codec we support,
   * refuses every other stream.
   *
   * @param offer the remote offer
   * @param wanted what we want to do; {@code sendonly} answers a new call while holding it
   */
  public synchronized AnswerResult answer(SessionDescription offer, Direction wanted) {
    List<MediaDescription> answered = new ArrayList<>();
    NegotiatedAudio agreed = null;
    String fault = "no audio stream offered";
    for (MediaDescription m : offer.media()) {
      if (agreed == null && isRtpAudio(m)) {
        Choice choice = choose(m, m.formats());
        Optional<Connection> c = offer.connectionOf(m);
        if (choice == null) {
          fault = "no common codec: offered " + describeFormats(m) + "; we support PCMU, PCMA";
        } else if (c.isEmpty()) {
          fault = "no c= line for the audio stream";
        } else {
          Direction ours = offer.directionOf(m).reversed().and(wanted);
          agreed = negotiated(c.get(), m, choice, ours);
          answered.add(answerStream(choice, ours));
          continue;
        }
      }
      answered.add(refuse(m));
    }
    if (agreed == null) {
      return new AnswerResult.Rejected(fault);
    }
    return new AnswerResult.Accepted(describe(answered), agreed);
  }

  /**
   * Takes the answer to our last offer (RFC 3264 section 5): what it accepted of the audio stream.
   *
   * @throws IllegalStateException when we have made no offer
   */
  public synchronized AnswerResult acceptAnswer(SessionDescription answer) {
    if (lastOffer == null) {
      throw new IllegalStateException("no offer made");
    }
    if (answer.media().size() != lastOffer.media().size()) {
      return new AnswerResult.Rejected(
          "answer has " + answer.media().size() + " m= lines, the offer had "
              + lastOffer.media().size());
    }
    MediaDescription ours = lastOffer.media().get(0);
    MediaDescription theirs = answer.media().get(0);
    if (theirs.isRejected() || !isRtpAudio(theirs)) {
      return new AnswerResult.Rejected("the answer refused the audio stream");
    }
    List<String> acceptable = new ArrayList<>();
    for (String f : theirs.formats()) {
      if (ours.formats().contains(f)) {
        acceptable.add(f);
      }
    }
    Choice choice = choose(theirs, acceptable);
    if (choice == null) {
      return new AnswerResult.Rejected(
          "the answer has no codec we offered: " + describeFormats(theirs));
    }
    Optional<Connection> c = answer.connectionOf(theirs);
    if (c.isEmpty()) {
      return new AnswerResult.Rejected("no c= line for the audio stream in the answer");
    }
    Direction direction = lastOffer.directionOf(ours).and(answer.directionOf(theirs).reversed());
    return new AnswerResult.Accepted(answer, negotiated(c.get(), theirs, choice, direction));
  }

  /** The codec and telephone-event picked from a stream's formats. */
  private record Choice(AudioCodec codec, int payloadType, OptionalInt telephoneEvent) {}

  private static boolean isRtpAudio(MediaDescription m) {
    return m.media().equals(MediaDescription.AUDIO)
        && !m.isRejected()
        && m.protocol().equalsIgnoreCase(MediaDescription.RTP_AVP);
  }

  /** The first supported codec among the formats, in their order, and telephone-event. */
  private static Choice choose(MediaDescription m, List<String> formats) {
    AudioCodec codec = null;
    int codecPt = -1;
    OptionalInt te = OptionalInt.empty();
    for (String f : formats) {
      int pt = payloadType(f);
      if (pt < 0) {
        continue;
      }
      Optional<RtpMap> map = m.rtpMap(pt);
      if (codec == null) {
        Optional<AudioCodec> c =
            map.isPresent()
                ? AudioCodec.byEncoding(map.get().encoding(), map.get().clockRate(), map.get().channels())
                : pt < 96 ? AudioCodec.byStaticPayloadType(pt) : Optional.empty();
        if (c.isPresent()) {
          codec = c.get();
          codecPt = pt;
          continue;
        }
      }
      if (te.isEmpty() && map.isPresent() && map.get().is(TelephoneEvent.ENCODING, AudioCodec.CLOCK_RATE)) {
        te = OptionalInt.of(pt);
      }
    }
    return codec == null ? null : new Choice(codec, codecPt, te);
  }

  private static int payloadType(String format) {
    if (format.isEmpty() || format.length() > 3 || !format.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int pt = Integer.parseInt(format);
    return pt <= 127 ? pt : -1;
  }

  private static NegotiatedAudio negotiated(
      Connection c, MediaDescription m, Choice choice, Direction direction) {
    // RFC 3264 section 8.4: c=0.0.0.0 from an RFC 2543 client means "do not send to me".
    Direction d = c.isUnspecified() ? direction.and(Direction.RECVONLY) : direction;
    return new NegotiatedAudio(
        c.address(),
        m.port(),
        choice.codec(),
        choice.payloadType(),
        choice.telephoneEvent(),
        d,
        m.ptime().orElse(NegotiatedAudio.DEFAULT_PTIME));
  }

  private MediaDescription answerStream(Choice choice, Direction direction) {
    MediaDescription.Builder m =
        MediaDescription.builder(MediaDescription.AUDIO, port, MediaDescription.RTP_AVP);
    m.rtpMap(
        new RtpMap(choice.payloadType(), choice.codec().encodingName(), AudioCodec.CLOCK_RATE, 1));
    choice.telephoneEvent().ifPresent(pt -> addTelephoneEvent(m, pt));
    return m.attribute("ptime", Integer.toString(PTIME)).direction(direction).build();
  }

  /** A refused stream: port 0, the offered formats, nothing else (RFC 3264 section 6). */
  private static MediaDescription refuse(MediaDescription offered) {
    MediaDescription.Builder m = MediaDescription.builder(offered.media(), 0, offered.protocol());
    offered.formats().forEach(m::format);
    return m.build();
  }

  private static void addTelephoneEvent(MediaDescription.Builder m, int pt) {
    m.rtpMap(new RtpMap(pt, TelephoneEvent.ENCODING, AudioCodec.CLOCK_RATE, 1));
    m.attribute(new Fmtp(Integer.toString(pt), TELEPHONE_EVENTS).toAttribute());
  }

  /** A description around the streams, with the next {@code o=} version. Caller holds the lock. */
  private SessionDescription describe(List<MediaDescription> media) {
    if (described) {
      origin = origin.nextVersion();
    }
    described = true;
    SessionDescription.Builder b =
        SessionDescription.builder().origin(origin).connection(Connection.of(address));
    media.forEach(b::media);
    return b.build();
  }

  private static String describeFormats(MediaDescription m) {
    List<String> names = new ArrayList<>();
    for (String f : m.formats()) {
      int pt = payloadType(f);
      Optional<RtpMap> map = pt < 0 ? Optional.empty() : m.rtpMap(pt);
      names.add(map.map(RtpMap::encoding)
          .or(() -> AudioCodec.byStaticPayloadType(pt).map(AudioCodec::encodingName))
          .orElse(f));
    }
    return String.join(", ", names);
  }
}
