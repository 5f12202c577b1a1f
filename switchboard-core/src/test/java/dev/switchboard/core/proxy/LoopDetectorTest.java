// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loop detection, RFC 3261 section 16.3 item 4 and RFC 5393 section 4.2. */
class LoopDetectorTest {
  private final LoopDetector loops =
      new LoopDetector(new LocalAddresses(List.of(new ListenPoint(Transport.UDP, ProxyHarness.PROXY)), List.of()));
  private final SipRequest request = ProxyHarness.invite("sip:bob@example.com", "z9hG4bK1");

  private SipRequest withOurVia(SipRequest r, String branch) {
    return r.toBuilder().prepend(HeaderName.VIA, Via.of("UDP", dev.switchboard.message.uri.Host.of("127.0.0.1"), 5060,
        branch)).build();
  }

  @Test
  void branchCarriesTheHashAndIsUnique() {
    // RFC 3261 §8.1.1.7 and §16.6 item 8
    String hash = loops.hash(request);
    String a = LoopDetector.branch(hash);
    assertThat(a).startsWith(Via.MAGIC_COOKIE + hash + ".");
    assertThat(a).isNotEqualTo(LoopDetector.branch(hash));
  }

  @Test
  void sameRoutingFieldsThroughOurViaIsALoop() {
    // RFC 3261 §16.3 item 4
    String hash = loops.hash(request);
    SipRequest back = withOurVia(request, LoopDetector.branch(hash));
    assertThat(loops.isLoop(back, loops.hash(back))).isTrue();
  }

  @Test
  void changedRequestUriIsASpiral() {
    // RFC 3261 §16.3 item 4: "the request is legitimately spiraling"
    SipRequest back = withOurVia(request, LoopDetector.branch(loops.hash(request)))
        .toBuilder().requestUri(Uri.parse("sip:carol@example.com").value()).build();
    assertThat(loops.isLoop(back, loops.hash(back))).isFalse();
  }

  @Test
  void sameHashInAnotherHostsViaIsNoLoop() {
    // INTEROP-NOTES item 1: the same address on another port is someone else
    String hash = loops.hash(request);
    SipRequest other = request.toBuilder().prepend(HeaderName.VIA,
        Via.of("UDP", dev.switchboard.message.uri.Host.of("127.0.0.1"), 5072, LoopDetector.branch(hash))).build();
    assertThat(loops.isLoop(other, loops.hash(other))).isFalse();
  }
}
