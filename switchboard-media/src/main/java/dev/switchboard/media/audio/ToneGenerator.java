// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

import java.time.Duration;

/**
 * Sine tones: the test signal a caller plays so that a test can find it in the callee's
 * recording with {@link Goertzel}. Stateless and thread-safe.
 */
public final class ToneGenerator {
  private ToneGenerator() {}

  /**
   * A sine tone.
   *
   * @param frequencyHz the frequency, below half the sampling rate
   * @param duration the length
   * @param amplitude the peak as a fraction of full scale, 0 to 1
   * @param sampleRate the sampling rate in Hz
   */
  public static PcmAudio sine(double frequencyHz, Duration duration, double amplitude, int sampleRate) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
    if (frequencyHz <= 0 || frequencyHz >= sampleRate / 2.0) {
      throw new IllegalArgumentException(
          "frequency must be in (0, " + sampleRate / 2 + ") Hz: " + frequencyHz);
    }
    if (amplitude < 0 || amplitude > 1) {
      throw new IllegalArgumentException("amplitude must be in [0, 1]: " + amplitude);
    }
    long count = duration.toNanos() * sampleRate / 1_000_000_000L;
    if (count < 0 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("duration out of range: " + duration);
    }
    short[] out = new short[(int) count];
    double peak = amplitude * Short.MAX_VALUE;
    double w = 2 * Math.PI * frequencyHz / sampleRate;
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.round(peak * Math.sin(w * i));
    }
    return PcmAudio.wrap(sampleRate, out);
  }
}
