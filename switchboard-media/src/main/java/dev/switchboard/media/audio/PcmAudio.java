// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

import java.util.Arrays;

/**
 * Mono 16-bit linear PCM at a sampling rate: what a WAV file is read into, what a tone generator
 * makes, and what the RTP session plays.
 *
 * <p>Immutable: the samples are copied in and out; {@link #sample(int)} reads one without a copy.
 */
public final class PcmAudio {
  /** The narrowband telephony rate, the rate of G.711. */
  public static final int NARROWBAND = 8000;

  private final int sampleRate;
  private final short[] samples;

  private PcmAudio(int sampleRate, short[] samples) {
    this.sampleRate = sampleRate;
    this.samples = samples;
  }

  /** Audio at a sampling rate in Hz, from a copy of the samples. */
  public static PcmAudio of(int sampleRate, short[] samples) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
    return new PcmAudio(sampleRate, samples.clone());
  }

  /** Silence of the given length. */
  public static PcmAudio silence(int sampleRate, int sampleCount) {
    return of(sampleRate, new short[sampleCount]);
  }

  /** Takes ownership of an array no one else holds. */
  static PcmAudio wrap(int sampleRate, short[] samples) {
    return new PcmAudio(sampleRate, samples);
  }

  /** The sampling rate in Hz. */
  public int sampleRate() {
    return sampleRate;
  }

  /** The number of samples. */
  public int sampleCount() {
    return samples.length;
  }

  /** The sample at an index. */
  public short sample(int index) {
    return samples[index];
  }

  /** A copy of the samples. */
  public short[] samples() {
    return samples.clone();
  }

  /** Copies samples from an offset into a buffer; returns how many were copied (0 at the end). */
  public int copy(int from, short[] into) {
    int n = Math.max(0, Math.min(into.length, samples.length - from));
    System.arraycopy(samples, from, into, 0, n);
    return n;
  }

  /** The length in milliseconds. */
  public long durationMillis() {
    return samples.length * 1000L / sampleRate;
  }

  /** The samples in [from, to). */
  public PcmAudio slice(int from, int to) {
    return new PcmAudio(sampleRate, Arrays.copyOfRange(samples, from, to));
  }

  /** This audio followed by another at the same rate. */
  public PcmAudio append(PcmAudio other) {
    if (other.sampleRate != sampleRate) {
      throw new IllegalArgumentException("rates differ: " + sampleRate + " and " + other.sampleRate);
    }
    short[] joined = Arrays.copyOf(samples, samples.length + other.samples.length);
    System.arraycopy(other.samples, 0, joined, samples.length, other.samples.length);
    return new PcmAudio(sampleRate, joined);
  }

  /** This audio at another rate, by linear interpolation ({@link Resampler}). */
  public PcmAudio resampled(int rate) {
    return rate == sampleRate ? this : new PcmAudio(rate, Resampler.linear(samples, sampleRate, rate));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PcmAudio p && p.sampleRate == sampleRate && Arrays.equals(p.samples, samples);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRate + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "PcmAudio[" + sampleRate + " Hz, " + samples.length + " samples]";
  }
}
