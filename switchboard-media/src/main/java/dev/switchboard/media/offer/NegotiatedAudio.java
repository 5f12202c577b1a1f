// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.offer;

import dev.switchboard.media.codec.AudioCodec;
import dev.switchboard.media.sdp.Direction;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What an offer/answer exchange agreed for the audio stream: everything the RTP session needs.
 * Immutable.
 *
 * @param remoteHost where to send RTP: the remote {@code c=} address, as written
 * @param remotePort the remote {@code m=} port
 * @param codec the audio encoding to send and expect
 * @param payloadType its payload type number in this session
 * @param telephoneEventPayloadType the payload type of telephone-event at 8000 Hz, when both sides
 *     have it (RFC 4733)
 * @param direction what we do, from our point of view: {@code sendonly} means we send and the
 *     other side has us on hold for receiving, and so on
 * @param ptimeMillis the packet time the remote asked for, 20 when it did not say
 */
public record NegotiatedAudio(
    String remoteHost,
    int remotePort,
    AudioCodec codec,
    int payloadType,
    OptionalInt telephoneEventPayloadType,
    Direction direction,
    int ptimeMillis) {

  /** The packet time used when the description does not say. */
  public static final int DEFAULT_PTIME = 20;

  /** Checks the values. */
  public NegotiatedAudio {
    Objects.requireNonNull(remoteHost, "remoteHost");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(telephoneEventPayloadType, "telephoneEventPayloadType");
    Objects.requireNonNull(direction, "direction");
    if (remotePort < 1 || remotePort > 65535) {
      throw new IllegalArgumentException("remote port out of range 1-65535: " + remotePort);
    }
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range 0-127: " + payloadType);
    }
    if (ptimeMillis < 1) {
      throw new IllegalArgumentException("ptime must be positive: " + ptimeMillis);
    }
  }

  /**
   * The remote RTP address. For an IP literal (what SIP clients send) no lookup is made; a host
   * name is resolved here, which blocks, so call it off I/O threads.
   */
  public InetSocketAddress remoteAddress() {
    return new InetSocketAddress(remoteHost, remotePort);
  }

  /** True when we may send RTP. */
  public boolean sends() {
    return direction.sends();
  }

  /** True when we expect to receive RTP. */
  public boolean receives() {
    return direction.receives();
  }
}
