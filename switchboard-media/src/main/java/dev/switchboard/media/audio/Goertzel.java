// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

/**
 * Measures how much of a signal's energy lies at one frequency, with the Goertzel algorithm (a
 * single-bin DFT computed by a second-order recurrence).
 *
 * <p>It answers "is a 1 kHz tone present in this recording?" without an FFT. The result is the
 * energy at the frequency divided by the total energy, so it is about 1 for a pure tone at that
 * frequency, about 0 for a tone elsewhere, and unaffected by silence before or after the tone.
 * The frequency need not fall on a DFT bin. Stateless and thread-safe.
 */
public final class Goertzel {
  /** The share of the energy above which {@link #detects(PcmAudio, double)} reports a tone. */
  public static final double PRESENT = 0.25;

  private Goertzel() {}

  /**
   * The share of the audio's energy at a frequency, 0 to about 1 (0 for silence).
   *
   * @param audio the signal
   * @param frequencyHz the frequency to measure
   */
  public static double relativePower(PcmAudio audio, double frequencyHz) {
    int n = audio.sampleCount();
    if (n == 0) {
      return 0;
    }
    double coeff = 2 * Math.cos(2 * Math.PI * frequencyHz / audio.sampleRate());
    double s1 = 0;
    double s2 = 0;
    double energy = 0;
    for (int i = 0; i < n; i++) {
      double x = audio.sample(i);
      energy += x * x;
      double s0 = x + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    if (energy == 0) {
      return 0;
    }
    // |X(f)|^2 of the N-point DFT at f; a sine of amplitude A gives (A N / 2)^2 against A^2 N / 2.
    double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 2 * power / (n * energy);
  }

  /** True when at least {@link #PRESENT} of the audio's energy is at the frequency. */
  public static boolean detects(PcmAudio audio, double frequencyHz) {
    return relativePower(audio, frequencyHz) >= PRESENT;
  }
}
