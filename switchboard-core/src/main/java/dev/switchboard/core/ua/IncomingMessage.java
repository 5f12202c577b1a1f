// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A MESSAGE received (RFC 3428), already answered with 200. Immutable.
 *
 * @param from who sent it
 * @param body its body
 * @param request the request as received
 */
public record IncomingMessage(Address from, Body body, SipRequest request) {
  public IncomingMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(request, "request");
  }

  /** The body as UTF-8 text (RFC 3428 section 9: text/plain; charset defaults to UTF-8). */
  public String text() {
    return new String(body.content(), StandardCharsets.UTF_8);
  }
}
