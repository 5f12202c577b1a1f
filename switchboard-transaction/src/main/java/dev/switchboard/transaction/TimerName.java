// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.time.Duration;

/**
 * The transaction timers by their RFC 3261 letter (table 4 of appendix A), with the two added by
 * RFC 6026 (L and M). Durations derive from the stack's {@link TimerConfig}.
 */
public enum TimerName {
  /** INVITE request retransmission, unreliable transports only; starts at T1 and doubles. */
  A,
  /** INVITE transaction timeout in the Calling state: 64*T1. */
  B,
  /** Wait for response retransmissions in Completed: at least 32 s unreliable, 0 reliable. */
  D,
  /** Non-INVITE request retransmission, unreliable only; T1 doubling up to T2. */
  E,
  /** Non-INVITE transaction timeout: 64*T1. */
  F,
  /** INVITE final response retransmission, unreliable only; T1 doubling up to T2. */
  G,
  /** Wait for the ACK of a non-2xx final response: 64*T1. */
  H,
  /** Wait for ACK retransmissions in Confirmed: T4 unreliable, 0 reliable. */
  I,
  /** Wait for non-INVITE request retransmissions in Completed: 64*T1 unreliable, 0 reliable. */
  J,
  /** Wait for non-INVITE response retransmissions in Completed: T4 unreliable, 0 reliable. */
  K,
  /** RFC 6026: INVITE server transaction lingers in Accepted for 2xx retransmissions: 64*T1. */
  L,
  /** RFC 6026: INVITE client transaction lingers in Accepted for 2xx retransmissions: 64*T1. */
  M;

  // Section 17.1.1.2: "Timer D ... MUST be set to ... at least 32 seconds for unreliable
  // transports". 64*T1 is 32 s at the default T1; the larger of the two also covers a server
  // that retransmits its final response for 64*T1 with a raised T1.
  private static final Duration MIN_TIMER_D = Duration.ofSeconds(32);

  /**
   * The initial duration of this timer for a transaction over a reliable transport or not. Zero
   * means the state is left at once (section 17.1.1.2: "Timer D ... zero seconds for reliable").
   */
  public Duration duration(TimerConfig config, boolean reliable) {
    return switch (this) {
      case A, E, G -> config.t1();
      case B, F, H, L, M -> config.sixtyFourT1();
      case D -> reliable ? Duration.ZERO : max(MIN_TIMER_D, config.sixtyFourT1());
      case I, K -> reliable ? Duration.ZERO : config.t4();
      case J -> reliable ? Duration.ZERO : config.sixtyFourT1();
    };
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
