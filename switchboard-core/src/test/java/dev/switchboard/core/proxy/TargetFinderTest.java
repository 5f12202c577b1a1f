// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.MutableClock;
import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.core.location.MemoryBindingStore;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.uri.SipUri;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Determining targets, RFC 3261 section 16.5, for the cases the proxy tests do not reach. */
class TargetFinderTest {
  private final TargetFinder finder =
      new TargetFinder(
          ServedDomains.of(List.of("example.com")),
          new LocationService(new MemoryBindingStore(), new MutableClock()),
          (user, domain) -> user.equals("bob"),
          RoutingTable.EMPTY,
          RedirectPolicy.NONE,
          Optional.of(SipUri.parse("sip:outbound.example.net;transport=tcp").value()));

  @Test
  void inDialogRequestThatCameByOurRouteGoesToItsRemoteTarget() {
    // RFC 3261 §16.12: the Request-URI is the peer's contact (baresip: sip:bob-0x55...@host)
    SipRequest bye = ProxyHarness.request("BYE", "sip:bob-0x55@example.com:5090", "z9hG4bK1",
        "sip:alice@example.com", "t", 2);
    Targets t = finder.find(bye, true);
    assertThat(t).isInstanceOf(Targets.Forward.class);
    assertThat(((Targets.Forward) t).targets().get(0).requestUri().toString())
        .isEqualTo("sip:bob-0x55@example.com:5090");
  }

  @Test
  void inDialogRequestForAServedDomainThatDidNotComeByUsIsLookedUp() {
    // RFC 3261 §16.5: the domain is ours, so the location service decides
    SipRequest bye = ProxyHarness.request("BYE", "sip:nobody@example.com", "z9hG4bK1", "sip:a@b.test", "t", 2);
    assertThat(finder.find(bye, false)).isEqualTo(new Targets.Reject(404, "Not Found"));
  }

  @Test
  void anotherDomainGoesThroughTheOutboundProxy() {
    // RFC 3261 §16.5 "the Request-URI MUST be placed into the target set as the only target URI"
    SipRequest invite = ProxyHarness.invite("sip:carol@elsewhere.test", "z9hG4bK1");
    Targets.Forward f = (Targets.Forward) finder.find(invite, false);
    assertThat(f.offDomain()).isTrue();
    assertThat(f.targets().get(0).outboundProxy()).map(Object::toString)
        .contains("sip:outbound.example.net;transport=tcp");
  }
}
