// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import java.util.Objects;

/**
 * Why and how a call ended. Immutable.
 *
 * @param reason the kind of ending
 * @param statusCode the SIP status that ended it where there is one (the final response of a
 *     failed INVITE, 487 for a cancelled one, 200 for a BYE), else 0
 * @param reasonPhrase its reason phrase, or a short description
 */
public record CallEnd(Reason reason, int statusCode, String reasonPhrase) {
  public CallEnd {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(reasonPhrase, "reasonPhrase");
  }

  /** The kinds of ending. */
  public enum Reason {
    /** We hung up an established call with BYE. */
    LOCAL_HANGUP,
    /** The other side sent BYE. */
    REMOTE_HANGUP,
    /** The caller cancelled before the call was answered (section 9). */
    CANCELLED,
    /** The INVITE got a non-2xx final response: we were rejected, or we rejected it. */
    REJECTED,
    /** The INVITE timed out or could not be sent, or its answer was unusable. */
    FAILED,
    /** Our 2xx was never acknowledged (section 13.3.1.4). */
    NO_ACK,
    /** The user agent was closed. */
    SHUTDOWN
  }

  /** A one-line description with the meaning of the status code. */
  public String describe() {
    if (reason == Reason.REMOTE_HANGUP) {
      return "the other side hung up (BYE)";
    }
    if (reason == Reason.LOCAL_HANGUP) {
      return "we hung up (BYE)";
    }
    return statusCode == 0
        ? reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + reasonPhrase
        : Statuses.describe(statusCode, reasonPhrase);
  }
}
