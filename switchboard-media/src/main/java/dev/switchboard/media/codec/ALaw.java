// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.codec;

/**
 * G.711 A-law (ITU-T G.711 table 1a), the PCMA of RFC 3551: 16-bit linear samples to 8-bit codes
 * and back.
 *
 * <p>Encoding reduces the input to 13 bits (a negative sample takes its ones' complement), finds
 * the segment from the highest set bit (segments 0 and 1 share one step size), keeps four bits
 * below it as the step, sets the sign bit for non-negative samples and inverts the even bits
 * ({@code ^ 0x55}), as the line code requires. Decoding returns the middle of the step and is a
 * 256-entry table. Stateless and thread-safe.
 */
public final class ALaw {
  /** The even-bit inversion applied to every code on the line. */
  private static final int EVEN_BITS = 0x55;

  private static final short[] DECODE = new short[256];

  static {
    for (int code = 0; code < 256; code++) {
      DECODE[code] = decodeSlow(code);
    }
  }

  private ALaw() {}

  /** The A-law code of a 16-bit linear sample. */
  public static byte encode(short sample) {
    int magnitude = (sample < 0 ? ~sample : sample) >> 3; // 0 to 4095
    int segment;
    int step;
    if (magnitude < 32) {
      segment = 0;
      step = magnitude >> 1;
    } else {
      // magnitude's highest set bit is bit 5 to bit 11: segment 1 to 7.
      segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 4;
      step = (magnitude >> segment) & 0x0F;
    }
    int code = (segment << 4) | step;
    if (sample >= 0) {
      code |= 0x80;
    }
    return (byte) (code ^ EVEN_BITS);
  }

  /** The 16-bit linear sample of an A-law code. */
  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  private static short decodeSlow(int code) {
    int c = code ^ EVEN_BITS;
    int segment = (c >> 4) & 0x07;
    int step = c & 0x0F;
    // Middle of the step in the 13-bit domain; segment 0 has no implicit leading one.
    int magnitude = segment == 0 ? (step << 1) + 1 : ((step << 1) + 33) << (segment - 1);
    magnitude <<= 3;
    return (short) ((c & 0x80) != 0 ? magnitude : -magnitude);
  }
}
