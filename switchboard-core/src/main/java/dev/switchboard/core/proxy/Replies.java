// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Text;
import dev.switchboard.transaction.Branches;

/**
 * Finishes the responses the proxy makes itself: a To tag on a final response to a request
 * without one (section 8.2.6.2) and the Server header. Thread-safe.
 *
 * @param product the Server header value
 */
public record Replies(String product) {
  /** The response, finished. */
  public SipResponse finish(SipRequest request, SipResponse.Builder b) {
    return finish(request, b, Branches.newTag());
  }

  /** The response, finished with {@code tag} as To tag when one is needed. */
  SipResponse finish(SipRequest request, SipResponse.Builder b, String tag) {
    SipResponse draft = b.build();
    if (draft.statusCode() >= 200) {
      request.to().filter(to -> to.tag().isEmpty()).ifPresent(to -> b.set(HeaderName.TO, to.withTag(tag)));
    }
    return b.add(HeaderName.SERVER, new Text(product)).build();
  }

  /** The 100 (Trying) the proxy sends at once for an INVITE (section 16.2). */
  SipResponse trying(SipRequest request) {
    return request.reply(100, "Trying").build();
  }
}
