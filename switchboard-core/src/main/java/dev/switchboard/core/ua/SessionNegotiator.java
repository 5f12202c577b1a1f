// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import java.util.Optional;

/**
 * One call's side of the offer/answer model (RFC 3264) as the signalling sees it: bodies in,
 * bodies out. The user agent decides when an offer or answer is due (section 13.2.1 of RFC 3261:
 * the offer is in the INVITE, or in the 2xx when the INVITE had none, with the answer in the
 * ACK); the negotiator decides what they say and starts or redirects the media.
 *
 * <p>Implementations must be thread-safe: the user agent calls them from its transaction threads,
 * and must not block (no network or disk waits; binding a local UDP port is fine).
 */
public interface SessionNegotiator {
  /**
   * A new offer: for an initial INVITE, a re-INVITE, or a 2xx answering an INVITE without one.
   *
   * @param hold true to put the other side on hold (RFC 3264 section 8.4: sendonly), false for a
   *     normal two-way session or to resume
   */
  Body offer(boolean hold);

  /**
   * The answer to the other side's offer; empty when nothing in it is acceptable, which the user
   * agent answers with 488 Not Acceptable Here (RFC 3261 section 13.3.1.3). Applies the session.
   */
  Optional<Body> answer(Body offer);

  /**
   * The other side answered our last offer; applies the session. False when the answer is
   * unusable, which ends the call (RFC 3261 section 13.2.2.4 allows the UAC to send BYE).
   */
  boolean accept(Body answer);

  /** The call ended: release the media. Called once; the default does nothing. */
  default void close() {}
}
