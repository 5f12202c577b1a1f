// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import java.util.Comparator;
import java.util.List;

/**
 * Choosing the response to send upstream once every branch has a final answer, RFC 3261 section
 * 16.7 items 6 and 7:
 *
 * <ul>
 *   <li>a 6xx if there is one; otherwise a response of the lowest class, within which a 408 or a
 *       487 (what a timeout or cancellation yields) is taken only when nothing else is there;
 *   <li>a chosen 401 or 407 carries the challenges of every 401 and 407 received, so the client
 *       can answer all realms at once;
 *   <li>a chosen 503 becomes 500, as the 503 concerned the downstream server, not this proxy.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class BestResponse {
  private BestResponse() {}

  /** The response to forward, from the branches' final non-2xx responses in arrival order. */
  static SipResponse choose(List<SipResponse> finals) {
    if (finals.isEmpty()) {
      throw new IllegalArgumentException("no responses to choose from");
    }
    SipResponse best =
        finals.stream()
            .min(Comparator.comparingInt(BestResponse::rank))
            .orElseThrow();
    int code = best.statusCode();
    if (code == 401 || code == 407) {
      return aggregateChallenges(best, finals);
    }
    if (code == 503) {
      return best.toBuilder().status(500, "Server Internal Error").build();
    }
    return best;
  }

  /** Lower is better; ties keep arrival order ({@code min} returns the first). */
  private static int rank(SipResponse r) {
    int code = r.statusCode();
    if (code >= 600) {
      return 0;
    }
    int weak = code == 408 || code == 487 || code == 503 ? 1 : 0;
    return (code / 100) * 10 + weak;
  }

  private static SipResponse aggregateChallenges(SipResponse best, List<SipResponse> finals) {
    SipResponse.Builder b = best.toBuilder();
    for (SipResponse r : finals) {
      if (r == best || (r.statusCode() != 401 && r.statusCode() != 407)) {
        continue;
      }
      for (AuthValue v : r.all(HeaderName.WWW_AUTHENTICATE)) {
        b.add(HeaderName.WWW_AUTHENTICATE, v);
      }
      for (AuthValue v : r.all(HeaderName.PROXY_AUTHENTICATE)) {
        b.add(HeaderName.PROXY_AUTHENTICATE, v);
      }
    }
    return b.build();
  }
}
