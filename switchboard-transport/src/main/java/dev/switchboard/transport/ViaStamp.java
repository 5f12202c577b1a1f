// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Marks a received request's top Via with where it really came from (section 18.2.1, RFC 3581
 * section 4), so that the response can find its way back through a NAT.
 *
 * <p>Stateless; safe from any thread.
 */
final class ViaStamp {
  private ViaStamp() {}

  /**
   * The request with its top Via stamped, or the same request when nothing needed adding. The
   * request must have a Via (the caller has checked the mandatory headers).
   */
  static SipRequest apply(SipRequest request, InetSocketAddress source) {
    Via top = request.topVia().orElseThrow();
    Via stamped = stamp(top, source);
    if (stamped == top) {
      return request;
    }
    SipRequest.Builder b = request.toBuilder();
    if (request.all(HeaderName.VIA).size() == 1) {
      // One Via line with one value: replace it where it stands.
      b.set(HeaderName.VIA, stamped);
    } else {
      // removeFirst drops the top value (the whole line, or the head of a comma list) and
      // prepend puts the stamped one before the first remaining Via line, keeping Via order.
      b.removeFirst(HeaderName.VIA).prepend(HeaderName.VIA, stamped);
    }
    return b.build();
  }

  /** The Via with {@code received} and {@code rport} set as needed; {@code via} itself if not. */
  static Via stamp(Via via, InetSocketAddress source) {
    InetAddress ip = source.getAddress();
    Via out = via;
    // RFC 3581 section 4: an rport without value gets the source port, and then received MUST
    // be added even when it equals the sent-by host.
    boolean fillRport = via.hasRport() && via.rport().isEmpty();
    if (fillRport) {
      out = out.withParameter("rport", Integer.toString(source.getPort()));
    }
    // Section 18.2.1: "If the host portion of the sent-by parameter contains a domain name, or if
    // it contains an IP address that differs from the packet source address, the server MUST add
    // a received parameter". Addresses compare by value, not by spelling.
    boolean sameAddress =
        via.host().inetAddress().map(a -> Arrays.equals(a.getAddress(), ip.getAddress())).orElse(false);
    if (fillRport || !sameAddress) {
      out = out.withParameter("received", literal(ip));
    }
    return out;
  }

  /**
   * The address as a received value: IPv6 in RFC 5952 short form, without brackets (RFC 5118
   * section 4.5) and without a scope.
   */
  static String literal(InetAddress ip) {
    return NetUtil.toAddressString(ip);
  }
}
