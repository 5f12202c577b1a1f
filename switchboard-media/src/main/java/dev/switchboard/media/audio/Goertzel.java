// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

/**
 * Measures how much of a signal's energy lies at one frequency, with the Goertzel algorithm (a
 * single-bin DFT computed by a second-order recurrence).
 *
 * <p>It answers "is a 1 kHz tone present in this recording?" without an FFT. The signal is
 * measured in blocks of 100 ms (10 Hz resolution) and the result is the energy at the frequency
 * summed over the blocks divided by the total energy: about 1 for a pure tone at that frequency,
 * about 0 for a tone elsewhere, and barely affected by silence before or after the tone (a silent
 * block adds nothing to either sum). The frequency need not fall on a DFT bin. Stateless and
 * thread-safe.
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
    int block = Math.max(1, audio.sampleRate() / 10);
    double coeff = 2 * Math.cos(2 * Math.PI * frequencyHz / audio.sampleRate());
    double tone = 0;
    double energy = 0;
    for (int from = 0; from < audio.sampleCount(); from += block) {
      int n = Math.min(block, audio.sampleCount() - from);
      double s1 = 0;
      double s2 = 0;
      for (int i = from; i < from + n; i++) {
        double x = audio.sample(i);
        energy += x * x;
        double s0 = x + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
      }
      // |X(f)|^2 of the n-point DFT at f: a sine of amplitude A gives (A n / 2)^2, against an
      // energy of A^2 n / 2, so 2 |X|^2 / n is the block's energy at f.
      tone += 2 * (s1 * s1 + s2 * s2 - coeff * s1 * s2) / n;
    }
    return energy == 0 ? 0 : tone / energy;
  }

  /** True when at least {@link #PRESENT} of the audio's energy is at the frequency. */
  public static boolean detects(PcmAudio audio, double frequencyHz) {
    return relativePower(audio, frequencyHz) >= PRESENT;
  }
}
