// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import dev.switchboard.transaction.Branches;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Loop detection of RFC 3261 section 16.3 item 4 as RFC 5393 section 4.2 specifies it. Each
 * branch this proxy sends carries a hash of the fields that decide how a request is routed:
 *
 * <pre>
 *   z9hG4bK &lt;16 hex digits: the loop hash&gt; . &lt;32 random hex digits&gt;
 * </pre>
 *
 * When a request comes back with one of this proxy's Vias, the hash of the request as it arrives
 * now is compared with the hash in that Via's branch: equal means nothing that routes it has
 * changed, a loop (482); different (a new Request-URI, say) is a legitimate spiral.
 *
 * <p>The hash covers the Request-URI, the Route values, the From and To tags, the Call-ID, the
 * CSeq number, Proxy-Require and Proxy-Authorization, as received. It leaves out the top Via,
 * which RFC 3261 section 16.6 item 8 lists, because each hop of a loop writes a new one, which
 * would hide every loop longer than one hop (RFC 5393 section 4.2).
 *
 * <p>Stateless and thread-safe.
 */
public final class LoopDetector {
  private static final HexFormat HEX = HexFormat.of();
  private static final int HASH_HEX = 16;

  private final LocalAddresses local;

  public LoopDetector(LocalAddresses local) {
    this.local = local;
  }

  /** The loop hash of {@code request} as received: {@value #HASH_HEX} hex digits. */
  public String hash(SipRequest request) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(request.requestUri()).append('\n');
    request.headerLines(HeaderName.ROUTE).forEach(r -> sb.append(r).append('\n'));
    sb.append(request.to().flatMap(Address::tag).orElse("")).append('\n');
    sb.append(request.from().flatMap(Address::tag).orElse("")).append('\n');
    sb.append(request.callId().map(Object::toString).orElse("")).append('\n');
    sb.append(request.cseq().map(c -> Long.toString(c.sequence())).orElse("")).append('\n');
    request.headerLines(HeaderName.PROXY_REQUIRE).forEach(r -> sb.append(r).append('\n'));
    request.headerLines(HeaderName.PROXY_AUTHORIZATION).forEach(r -> sb.append(r).append('\n'));
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(d, 0, HASH_HEX / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** A new branch carrying {@code hash}: unique, and with the magic cookie (section 8.1.1.7). */
  public static String branch(String hash) {
    return Via.MAGIC_COOKIE + hash + "." + Branches.newBranch().substring(Via.MAGIC_COOKIE.length());
  }

  /**
   * True when {@code request}, whose loop hash is {@code hash}, has passed through this proxy
   * before with the same hash: a loop, not a spiral.
   */
  public boolean isLoop(SipRequest request, String hash) {
    String mark = Via.MAGIC_COOKIE + hash + ".";
    List<Via> vias = request.all(HeaderName.VIA);
    for (Via v : vias) {
      if (v.branch().filter(b -> b.startsWith(mark)).isPresent() && local.isMe(v)) {
        return true;
      }
    }
    return false;
  }
}
