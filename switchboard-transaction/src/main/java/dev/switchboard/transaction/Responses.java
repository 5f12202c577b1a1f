// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;

/** The responses the transaction layer makes itself. */
final class Responses {
  private Responses() {}

  /**
   * The 100 (Trying) an INVITE server transaction sends when the TU is slow (section 17.2.1),
   * built by section 8.2.6.1: Via, From, To (no tag is added), Call-ID and CSeq copied, and the
   * Timestamp copied too.
   */
  static SipResponse trying(SipRequest request) {
    SipResponse.Builder b = request.reply(100, "Trying");
    for (String line : request.headerLines(HeaderName.TIMESTAMP)) {
      b.add(HeaderName.TIMESTAMP.name(), line);
    }
    return b.build();
  }

  /**
   * The 400 the layer answers statelessly to a request it cannot match because a mandatory header
   * is missing or repeated (section 8.1.1), with the fault as reason phrase and a To tag added
   * (section 8.2.6.2).
   */
  static SipResponse badRequest(SipRequest request, String reason) {
    SipResponse.Builder b = request.reply(400, reason);
    request.to()
        .filter(to -> to.tag().isEmpty())
        .ifPresent(to -> b.set(HeaderName.TO, to.withTag(Branches.newTag())));
    return b.build();
  }
}
