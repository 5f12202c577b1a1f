// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.dtmf;

import java.time.Duration;

/**
 * A DTMF digit received as a telephone-event. Immutable.
 *
 * @param symbol the digit: {@code 0}-{@code 9}, {@code *}, {@code #}, {@code A}-{@code D}, or
 *     {@code !} for flash
 * @param event its event code (RFC 4733 section 3.2)
 * @param durationSamples how long it lasted, in RTP timestamp units (8000 per second)
 */
public record DtmfDigit(char symbol, int event, int durationSamples) {

  /** The duration at a clock rate. */
  public Duration duration(int clockRate) {
    return Duration.ofNanos(durationSamples * 1_000_000_000L / clockRate);
  }
}
