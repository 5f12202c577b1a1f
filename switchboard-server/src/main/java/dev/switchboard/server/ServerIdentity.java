// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MediaType;
import dev.switchboard.message.header.Text;
import dev.switchboard.message.header.Token;
import java.util.List;

/**
 * What this server says about itself in responses: its name (Server), the methods it handles
 * (Allow), the bodies it reads (Accept) and the extensions it supports (Supported).
 *
 * @param product the Server header value, e.g. {@code Switchboard/0.1.0}
 * @param allow the methods handled, in the order they are listed
 * @param supported the option tags supported
 */
public record ServerIdentity(String product, List<Method> allow, List<String> supported) {
  public ServerIdentity {
    allow = List.copyOf(allow);
    supported = List.copyOf(supported);
  }

  /** Adds Server. */
  public SipResponse.Builder withServer(SipResponse.Builder b) {
    return b.add(HeaderName.SERVER, new Text(product));
  }

  /** Adds Allow (section 20.5). */
  public SipResponse.Builder withAllow(SipResponse.Builder b) {
    return b.add(HeaderName.ALLOW.name(), String.join(", ", allow.stream().map(Method::name).toList()));
  }

  /** Adds Accept: application/sdp, the one body type this server reads (section 20.1). */
  public SipResponse.Builder withAccept(SipResponse.Builder b) {
    return b.add(HeaderName.ACCEPT, MediaType.SDP);
  }

  /**
   * The capabilities an OPTIONS response lists (section 11.2): Allow, Accept, Accept-Encoding,
   * Accept-Language and Supported.
   */
  public SipResponse.Builder withCapabilities(SipResponse.Builder b) {
    withAllow(b);
    withAccept(b);
    b.add(HeaderName.ACCEPT_ENCODING, Token.of("identity"));
    b.add(HeaderName.ACCEPT_LANGUAGE, Token.of("en"));
    return b.add(HeaderName.SUPPORTED.name(), String.join(", ", supported));
  }
}
