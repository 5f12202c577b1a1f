// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.offer;

import dev.switchboard.media.sdp.SessionDescription;
import java.util.Objects;

/**
 * The outcome of one offer/answer exchange, seen from either side: the answer and the agreed
 * audio, or the reason it cannot work.
 *
 * <p>The answerer turns {@link Rejected} into {@code 488 Not Acceptable Here} (RFC 3261 section
 * 13.3.1.3, RFC 3264 section 6) with {@link Rejected#reason()} in a Warning or the reason phrase;
 * the offerer that gets it for an answer ends the call. Immutable.
 */
public sealed interface AnswerResult permits AnswerResult.Accepted, AnswerResult.Rejected {

  /**
   * Audio can flow.
   *
   * @param answer the answer of this exchange: the one we built (as answerer) or the one we
   *     received (as offerer)
   * @param media what was agreed
   */
  record Accepted(SessionDescription answer, NegotiatedAudio media) implements AnswerResult {
    /** Checks both are present. */
    public Accepted {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(media, "media");
    }
  }

  /**
   * No audio stream can be agreed.
   *
   * @param reason what is missing, e.g. {@code "no common codec: offered opus, G729; we support
   *     PCMU, PCMA"}
   */
  record Rejected(String reason) implements AnswerResult {
    /** The status code an answerer responds with: Not Acceptable Here. */
    public static final int STATUS_CODE = 488;

    /** Checks the reason is present. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }

    /** {@value #STATUS_CODE}. */
    public int statusCode() {
      return STATUS_CODE;
    }
  }
}
