// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

/**
 * Sampling-rate conversion by linear interpolation between neighbouring samples.
 *
 * <p>Good enough to turn a 44.1 or 48 kHz prompt into 8 kHz for G.711, which is what the user
 * agent needs; it does not low-pass filter, so content above 4 kHz folds back when downsampling.
 * Stateless and thread-safe.
 */
public final class Resampler {
  private Resampler() {}

  /** The samples converted from one rate to another; the length scales with the rate ratio. */
  public static short[] linear(short[] in, int fromRate, int toRate) {
    if (fromRate <= 0 || toRate <= 0) {
      throw new IllegalArgumentException("rates must be positive: " + fromRate + ", " + toRate);
    }
    if (fromRate == toRate || in.length == 0) {
      return in.clone();
    }
    int outLength = (int) Math.max(1, Math.round((double) in.length * toRate / fromRate));
    short[] out = new short[outLength];
    double step = (double) fromRate / toRate;
    for (int i = 0; i < outLength; i++) {
      double pos = i * step;
      int left = (int) pos;
      if (left >= in.length - 1) {
        out[i] = in[in.length - 1];
        continue;
      }
      double frac = pos - left;
      out[i] = (short) Math.round(in[left] + (in[left + 1] - in[left]) * frac);
    }
    return out;
  }
}
