// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.codec;

import java.util.Optional;

/**
 * The audio encodings this stack sends and receives: G.711 in its two laws, with their static RTP
 * payload types (RFC 3551 section 6) and SDP encoding names. Both are 8000 Hz mono, one byte per
 * sample. Thread-safe.
 */
public enum AudioCodec {
  /** G.711 µ-law, payload type 0. */
  PCMU(0, "PCMU"),
  /** G.711 A-law, payload type 8. */
  PCMA(8, "PCMA");

  /** The sampling rate of G.711 and its RTP clock rate. */
  public static final int CLOCK_RATE = 8000;

  private final int staticPayloadType;
  private final String encodingName;

  AudioCodec(int staticPayloadType, String encodingName) {
    this.staticPayloadType = staticPayloadType;
    this.encodingName = encodingName;
  }

  /** The payload type RFC 3551 assigns. */
  public int staticPayloadType() {
    return staticPayloadType;
  }

  /** The encoding name of {@code a=rtpmap}. */
  public String encodingName() {
    return encodingName;
  }

  /** Encodes 16-bit samples, one byte each. */
  public byte[] encode(short[] samples) {
    byte[] out = new byte[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = this == PCMU ? MuLaw.encode(samples[i]) : ALaw.encode(samples[i]);
    }
    return out;
  }

  /** Decodes bytes to 16-bit samples. */
  public short[] decode(byte[] payload) {
    short[] out = new short[payload.length];
    for (int i = 0; i < payload.length; i++) {
      out[i] = this == PCMU ? MuLaw.decode(payload[i]) : ALaw.decode(payload[i]);
    }
    return out;
  }

  /** The codec whose static payload type this is. */
  public static Optional<AudioCodec> byStaticPayloadType(int payloadType) {
    for (AudioCodec c : values()) {
      if (c.staticPayloadType == payloadType) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The codec with this encoding name (ignoring case, RFC 4855 section 3) at 8000 Hz mono. */
  public static Optional<AudioCodec> byEncoding(String name, int clockRate, int channels) {
    if (clockRate != CLOCK_RATE || channels != 1) {
      return Optional.empty();
    }
    for (AudioCodec c : values()) {
      if (c.encodingName.equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
