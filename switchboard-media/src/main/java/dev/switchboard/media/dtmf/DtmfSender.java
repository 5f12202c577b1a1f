// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.dtmf;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Plans the telephone-event packets for queued digits, one decision per packet interval (RFC 4733
 * section 2.5.1).
 *
 * <p>For each digit: the first packet carries the marker bit and the event's start timestamp;
 * every interval after it repeats that timestamp with the duration so far; when the duration is
 * reached the end packet is sent three times, one interval apart (section 2.5.1.4), with the same
 * duration. Two silent intervals then separate it from the next digit. While a digit is being
 * sent the session sends no audio. Not thread-safe: confined to the RTP session's event loop,
 * which calls {@link #next(long)} once per interval.
 */
public final class DtmfSender {
  /** How often the end packet is sent. */
  public static final int END_PACKETS = 3;

  /** Intervals without events between two digits. */
  static final int GAP_INTERVALS = 2;

  private final int samplesPerInterval;
  private final int volume;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();

  private Queued current;
  private long startTimestamp;
  private int elapsed;
  private int endsSent;
  private int gap;

  /**
   * A packet to send now.
   *
   * @param event the payload
   * @param timestamp the RTP timestamp: the start of the event
   * @param marker true for the first packet of an event
   * @param completes completed by the caller once the packet is sent: the last end packet of a
   *     queued digit string
   */
  public record Packet(
      TelephoneEvent event, long timestamp, boolean marker, Optional<CompletableFuture<Void>> completes) {}

  private record Queued(int event, int durationSamples, Optional<CompletableFuture<Void>> completes) {}

  /**
   * A sender.
   *
   * @param samplesPerInterval RTP timestamp units per packet interval (160 for 20 ms at 8 kHz)
   * @param volume the power level to report, in -dBm0 (10 is typical)
   */
  public DtmfSender(int samplesPerInterval, int volume) {
    if (samplesPerInterval <= 0) {
      throw new IllegalArgumentException("samples per interval must be positive");
    }
    if (volume < 0 || volume > 63) {
      throw new IllegalArgumentException("volume out of range 0-63: " + volume);
    }
    this.samplesPerInterval = samplesPerInterval;
    this.volume = volume;
  }

  /**
   * Queues digits; the future completes when the last end packet of the last digit is sent.
   *
   * @param digits DTMF symbols ({@code 0-9 * # A-D !})
   * @param durationSamples how long each digit lasts, in timestamp units, 1 to 65535
   * @throws IllegalArgumentException for an empty string, a character that is not a DTMF symbol,
   *     or a duration out of range
   */
  public CompletableFuture<Void> enqueue(String digits, int durationSamples) {
    Objects.requireNonNull(digits, "digits");
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("no digits");
    }
    if (durationSamples < 1 || durationSamples > 0xFFFF) {
      throw new IllegalArgumentException("duration out of range 1-65535: " + durationSamples);
    }
    int[] codes = new int[digits.length()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = TelephoneEvent.eventCode(digits.charAt(i));
      if (codes[i] < 0) {
        throw new IllegalArgumentException("not a DTMF symbol: '" + digits.charAt(i) + "'");
      }
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    for (int i = 0; i < codes.length; i++) {
      Optional<CompletableFuture<Void>> last = i == codes.length - 1 ? Optional.of(done) : Optional.empty();
      queue.add(new Queued(codes[i], durationSamples, last));
    }
    return done;
  }

  /** True while a digit is being sent: the session then sends no audio. */
  public boolean busy() {
    return current != null;
  }

  /**
   * The packet to send in this interval, if any.
   *
   * @param timestamp the RTP timestamp of this interval, used as the start of a new event
   */
  public Optional<Packet> next(long timestamp) {
    if (current == null) {
      if (gap > 0) {
        gap--;
        return Optional.empty();
      }
      current = queue.poll();
      if (current == null) {
        return Optional.empty();
      }
      startTimestamp = timestamp;
      elapsed = 0;
      endsSent = 0;
    }
    boolean first = elapsed == 0;
    if (elapsed < current.durationSamples()) {
      elapsed = Math.min(current.durationSamples(), elapsed + samplesPerInterval);
      boolean end = elapsed >= current.durationSamples();
      if (!end) {
        return Optional.of(packet(false, first, Optional.empty()));
      }
    }
    endsSent++;
    Queued sending = current;
    if (endsSent == END_PACKETS) {
      current = null;
      gap = GAP_INTERVALS;
      return Optional.of(packet(sending, true, first, sending.completes()));
    }
    return Optional.of(packet(sending, true, first, Optional.empty()));
  }

  /** Fails the futures of every digit not yet sent, e.g. when the session closes. */
  public void cancel(Throwable reason) {
    if (current != null) {
      current.completes().ifPresent(f -> f.completeExceptionally(reason));
      current = null;
    }
    for (Queued q : queue) {
      q.completes().ifPresent(f -> f.completeExceptionally(reason));
    }
    queue.clear();
  }

  private Packet packet(boolean end, boolean marker, Optional<CompletableFuture<Void>> completes) {
    return packet(current, end, marker, completes);
  }

  private Packet packet(
      Queued q, boolean end, boolean marker, Optional<CompletableFuture<Void>> completes) {
    return new Packet(new TelephoneEvent(q.event(), end, volume, elapsed), startTimestamp, marker, completes);
  }
}
