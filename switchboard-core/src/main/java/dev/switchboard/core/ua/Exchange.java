// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import java.util.Objects;

/**
 * How a request the user agent sent ended: the request as last sent (after any authentication
 * retry or redirect) and its final response. A timeout is reported as a 408 and a transport
 * failure as a 503 made up locally (RFC 3261 sections 8.1.3.1 and 8.1.3.2), so callers handle
 * one shape. Immutable.
 *
 * @param request the last request sent
 * @param response its final response, real or made up
 * @param local true when the response was made up locally (timeout or transport error)
 */
public record Exchange(SipRequest request, SipResponse response, boolean local) {
  public Exchange {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
  }

  /** The status code as received. */
  public int statusCode() {
    return response.statusCode();
  }

  /**
   * The status code to act on: an unknown code counts as the x00 of its class (RFC 3261 section
   * 8.1.3.2).
   */
  public int effectiveCode() {
    return Statuses.effective(response.statusCode());
  }

  /** True for a 2xx. */
  public boolean isSuccess() {
    return response.isSuccess();
  }
}
