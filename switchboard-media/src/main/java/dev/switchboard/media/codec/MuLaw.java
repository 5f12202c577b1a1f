// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.codec;

/**
 * G.711 µ-law (ITU-T G.711 table 2a), the PCMU of RFC 3551: 16-bit linear samples to 8-bit codes
 * and back.
 *
 * <p>Encoding follows the ITU-T reference: the input is reduced to 14 bits, a negative sample
 * takes its ones' complement (so -1 encodes like 0, as {@code 0x7F}), a bias of 33 is added, the
 * segment is the position of the highest set bit and the four bits below it are the step; the
 * code is sent inverted. Decoding reverses this to the middle of the step, scaled back to 16
 * bits, and is a 256-entry table. Stateless and thread-safe.
 */
public final class MuLaw {
  /** The bias added to the 14-bit magnitude so that every segment starts at a power of two. */
  private static final int BIAS = 33;

  /** The largest biased 14-bit magnitude. */
  private static final int MAX = 0x1FFF;

  private static final short[] DECODE = new short[256];

  static {
    for (int code = 0; code < 256; code++) {
      DECODE[code] = decodeSlow(code);
    }
  }

  private MuLaw() {}

  /** The µ-law code of a 16-bit linear sample. */
  public static byte encode(short sample) {
    int magnitude = (sample < 0 ? ~sample : sample) >> 2;
    int biased = Math.min(magnitude + BIAS, MAX);
    // biased is in [33, 8191]: its highest set bit is bit 5 to bit 12, giving segment 0 to 7.
    int segment = 31 - Integer.numberOfLeadingZeros(biased) - 5;
    int step = (biased >> (segment + 1)) & 0x0F;
    int code = (segment << 4) | step;
    code = ~code & 0x7F;
    if (sample >= 0) {
      code |= 0x80;
    }
    return (byte) code;
  }

  /** The 16-bit linear sample of a µ-law code. */
  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  private static short decodeSlow(int code) {
    int inverted = ~code & 0xFF;
    int segment = (inverted >> 4) & 0x07;
    int step = inverted & 0x0F;
    // Middle of the step in the biased 14-bit domain, then the bias removed and 16-bit scale.
    int biased = ((step << 1) + BIAS) << segment;
    int magnitude = (biased - BIAS) << 2;
    return (short) ((inverted & 0x80) != 0 ? -magnitude : magnitude);
  }
}
