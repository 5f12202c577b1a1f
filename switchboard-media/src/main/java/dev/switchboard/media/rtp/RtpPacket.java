// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

import dev.switchboard.media.Decoding;
import java.util.Arrays;
import java.util.Objects;

/**
 * An RTP data packet (RFC 3550 section 5.1):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Decoding accepts CSRCs, a header extension (section 5.3.1, skipped) and padding (removed);
 * encoding writes neither extension nor padding. Immutable: the payload and CSRCs are copied in
 * and out.
 */
public final class RtpPacket {
  /** The fixed header length. */
  public static final int HEADER_LENGTH = 12;

  /** The only RTP version. */
  public static final int VERSION = 2;

  private final boolean marker;
  private final int payloadType;
  private final int sequenceNumber;
  private final long timestamp;
  private final long ssrc;
  private final long[] csrcs;
  private final byte[] payload;

  private RtpPacket(
      boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, long[] csrcs,
      byte[] payload) {
    this.marker = marker;
    this.payloadType = payloadType;
    this.sequenceNumber = sequenceNumber;
    this.timestamp = timestamp;
    this.ssrc = ssrc;
    this.csrcs = csrcs;
    this.payload = payload;
  }

  /**
   * A packet without CSRCs.
   *
   * @param marker the M bit: the first packet of a talkspurt or of a telephone-event
   * @param payloadType 0 to 127
   * @param sequenceNumber 0 to 65535
   * @param timestamp unsigned 32 bits
   * @param ssrc unsigned 32 bits
   * @param payload the payload, copied
   */
  public static RtpPacket of(
      boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, byte[] payload) {
    return of(marker, payloadType, sequenceNumber, timestamp, ssrc, new long[0], payload);
  }

  /** A packet with contributing sources (at most 15). */
  public static RtpPacket of(
      boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, long[] csrcs,
      byte[] payload) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range 0-127: " + payloadType);
    }
    if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
      throw new IllegalArgumentException("sequence number out of range: " + sequenceNumber);
    }
    requireU32(timestamp, "timestamp");
    requireU32(ssrc, "ssrc");
    if (csrcs.length > 15) {
      throw new IllegalArgumentException("more than 15 CSRCs: " + csrcs.length);
    }
    for (long c : csrcs) {
      requireU32(c, "csrc");
    }
    Objects.requireNonNull(payload, "payload");
    return new RtpPacket(
        marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs.clone(), payload.clone());
  }

  private static void requireU32(long v, String what) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(what + " out of range for 32 bits: " + v);
    }
  }

  /** Decodes a datagram; anything that is not an RTP version 2 packet is malformed. */
  public static Decoding<RtpPacket> decode(byte[] data, int offset, int length) {
    if (length < HEADER_LENGTH) {
      return Decoding.malformed("RTP packet shorter than 12 bytes: " + length);
    }
    int b0 = data[offset] & 0xFF;
    int b1 = data[offset + 1] & 0xFF;
    if ((b0 >> 6) != VERSION) {
      return Decoding.malformed("RTP version is " + (b0 >> 6) + ", not 2");
    }
    boolean padding = (b0 & 0x20) != 0;
    boolean extension = (b0 & 0x10) != 0;
    int cc = b0 & 0x0F;
    int pos = offset + HEADER_LENGTH;
    int end = offset + length;
    if (pos + 4 * cc > end) {
      return Decoding.malformed("RTP packet too short for its " + cc + " CSRCs");
    }
    long[] csrcs = new long[cc];
    for (int i = 0; i < cc; i++, pos += 4) {
      csrcs[i] = u32(data, pos);
    }
    if (extension) {
      if (pos + 4 > end) {
        return Decoding.malformed("RTP header extension truncated");
      }
      int words = ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
      pos += 4 + 4 * words;
      if (pos > end) {
        return Decoding.malformed("RTP header extension longer than the packet");
      }
    }
    if (padding) {
      if (end == pos) {
        return Decoding.malformed("RTP padding bit set but no padding");
      }
      int pad = data[end - 1] & 0xFF;
      if (pad == 0 || end - pad < pos) {
        return Decoding.malformed("RTP padding count " + pad + " is invalid");
      }
      end -= pad;
    }
    return Decoding.ok(
        new RtpPacket(
            (b1 & 0x80) != 0,
            b1 & 0x7F,
            ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF),
            u32(data, offset + 4),
            u32(data, offset + 8),
            csrcs,
            Arrays.copyOfRange(data, pos, end)));
  }

  /** Decodes a whole datagram. */
  public static Decoding<RtpPacket> decode(byte[] data) {
    return decode(data, 0, data.length);
  }

  /** The packet on the wire. */
  public byte[] encode() {
    byte[] out = new byte[HEADER_LENGTH + 4 * csrcs.length + payload.length];
    out[0] = (byte) ((VERSION << 6) | csrcs.length);
    out[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    out[2] = (byte) (sequenceNumber >> 8);
    out[3] = (byte) sequenceNumber;
    putU32(out, 4, timestamp);
    putU32(out, 8, ssrc);
    int pos = HEADER_LENGTH;
    for (long c : csrcs) {
      putU32(out, pos, c);
      pos += 4;
    }
    System.arraycopy(payload, 0, out, pos, payload.length);
    return out;
  }

  /** The M bit. */
  public boolean marker() {
    return marker;
  }

  /** The payload type. */
  public int payloadType() {
    return payloadType;
  }

  /** The sequence number, 0 to 65535. */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  /** The timestamp, unsigned 32 bits. */
  public long timestamp() {
    return timestamp;
  }

  /** The SSRC, unsigned 32 bits. */
  public long ssrc() {
    return ssrc;
  }

  /** A copy of the CSRCs. */
  public long[] csrcs() {
    return csrcs.clone();
  }

  /** A copy of the payload. */
  public byte[] payload() {
    return payload.clone();
  }

  /** The payload length. */
  public int payloadLength() {
    return payload.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RtpPacket p
        && p.marker == marker
        && p.payloadType == payloadType
        && p.sequenceNumber == sequenceNumber
        && p.timestamp == timestamp
        && p.ssrc == ssrc
        && Arrays.equals(p.csrcs, csrcs)
        && Arrays.equals(p.payload, payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(marker, payloadType, sequenceNumber, timestamp, ssrc)
        + 31 * Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "RtpPacket[pt=" + payloadType + " seq=" + sequenceNumber + " ts=" + timestamp
        + " ssrc=" + Long.toHexString(ssrc) + (marker ? " M" : "") + " " + payload.length + " bytes]";
  }

  private static long u32(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  private static void putU32(byte[] b, int at, long v) {
    b[at] = (byte) (v >> 24);
    b[at + 1] = (byte) (v >> 16);
    b[at + 2] = (byte) (v >> 8);
    b[at + 3] = (byte) v;
  }
}
