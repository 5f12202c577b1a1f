// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CallId;
import java.util.Objects;
import java.util.Optional;

/**
 * A dialog's identity (RFC 3261 section 12): Call-ID, local tag and remote tag, from this user
 * agent's point of view.
 *
 * @param callId the Call-ID value
 * @param localTag our tag
 * @param remoteTag the peer's tag
 */
public record DialogId(String callId, String localTag, String remoteTag) {
  public DialogId {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(localTag, "localTag");
    Objects.requireNonNull(remoteTag, "remoteTag");
  }

  /**
   * The dialog a request received by this UA belongs to (section 12.2.2: our tag is the To tag,
   * the peer's the From tag); empty for a request without a To tag, which is outside any dialog.
   */
  public static Optional<DialogId> ofIncoming(SipMessage request) {
    Optional<String> toTag = request.to().flatMap(Address::tag);
    if (toTag.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DialogId(
            request.callId().map(CallId::value).orElse(""),
            toTag.get(),
            request.from().flatMap(Address::tag).orElse("")));
  }

  /** The dialog a response to our request belongs to: From tag ours, To tag theirs. */
  public static Optional<DialogId> ofResponse(SipMessage response) {
    Optional<String> toTag = response.to().flatMap(Address::tag);
    Optional<String> fromTag = response.from().flatMap(Address::tag);
    if (toTag.isEmpty() || fromTag.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DialogId(response.callId().map(CallId::value).orElse(""), fromTag.get(), toTag.get()));
  }
}
