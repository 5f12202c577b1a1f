// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.StatusCode;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Text;
import dev.switchboard.transport.Transport;
import java.util.Locale;

/**
 * Responses of the callee's side of a dialog: our To tag where the request had none (section
 * 8.2.6.2), and on 1xx and 2xx to INVITE our Contact and the Record-Route of the request (section
 * 12.1.1), plus the Server header. Immutable and thread-safe.
 */
final class DialogResponses {
  private final UaContext ctx;
  private final String localTag;

  DialogResponses(UaContext ctx, String localTag) {
    this.ctx = ctx;
    this.localTag = localTag;
  }

  /** A response with the registered reason phrase of {@code code}. */
  SipResponse.Builder to(SipRequest request, int code) {
    return to(request, code, StatusCode.effective(code).reasonPhrase());
  }

  /** A response with {@code phrase}. */
  SipResponse.Builder to(SipRequest request, int code, String phrase) {
    SipResponse.Builder b = request.reply(code, phrase);
    Address to = request.to().orElseThrow();
    if (to.tag().isEmpty()) {
      b.set(HeaderName.TO, to.withTag(localTag));
    }
    if (request.method().equals(Method.INVITE) && code > 100 && code < 300) {
      b.add(HeaderName.CONTACT, ctx.contact(transportOf(request)));
      request.all(HeaderName.RECORD_ROUTE).forEach(rr -> b.add(HeaderName.RECORD_ROUTE, rr));
    }
    return b.set(HeaderName.SERVER, new Text(ctx.settings.product()));
  }

  /** The transport the request came over, when we listen on it: our Contact names that one. */
  private Transport transportOf(SipRequest request) {
    String t = request.topVia().map(v -> v.transport()).orElse("UDP");
    return Transport.of(t.toLowerCase(Locale.ROOT))
        .filter(x -> ctx.listening().stream().anyMatch(p -> p.transport() == x))
        .orElse(ctx.listening().get(0).transport());
  }
}
