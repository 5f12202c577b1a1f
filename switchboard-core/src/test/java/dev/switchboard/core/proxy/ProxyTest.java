// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import static dev.switchboard.core.proxy.ProxyHarness.invite;
import static dev.switchboard.core.proxy.ProxyHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.DigestResponse;
import dev.switchboard.core.auth.Ha1;
import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Uri;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The proxy, step by step through RFC 3261 section 16, on an in-memory network in virtual time. */
class ProxyTest {
  private static final String BOB = "sip:bob@example.com";

  @Nested
  class Section16_3_Validation {
    @Test
    void rejectsZeroMaxForwardsWith483() {
      // RFC 3261 §16.3 item 3
      ProxyHarness h = new ProxyHarness();
      h.uac.send(invite(BOB, "z9hG4bK1").toBuilder().set(HeaderName.MAX_FORWARDS,
          new dev.switchboard.message.header.MaxForwards(0)).build());
      assertThat(h.uac.statuses()).containsExactly(100, 483);
    }

    @Test
    void rejectsLoopWith482() {
      // RFC 3261 §16.3 item 4, RFC 5393 §4.2: our Via with the same loop hash
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      SipRequest first = invite(BOB, "z9hG4bK1");
      h.uac.send(first);
      SipRequest forwarded = h.uas1.lastRequest();
      // The request comes back with the proxy's Via in it, routing fields unchanged.
      SipRequest back = forwarded.toBuilder()
          .prepend(HeaderName.VIA, Via.parse("SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bKback").value())
          .set(HeaderName.MAX_FORWARDS, first.first(HeaderName.MAX_FORWARDS).orElseThrow())
          .requestUri(first.requestUri())
          .remove(HeaderName.RECORD_ROUTE)
          .build();
      h.uac.inbox.clear();
      h.uac.send(back);
      assertThat(h.uac.statuses()).containsExactly(100, 482);
    }

    @Test
    void letsSpiralThroughWhenTheRequestUriChanged() {
      // RFC 3261 §16.3 item 4: a spiral is legitimate
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.register("alice", "sip:alice@127.0.0.1:5073", ProxyHarness.UAS2, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      SipRequest forwarded = h.uas1.lastRequest();
      SipRequest spiral = forwarded.toBuilder()
          .prepend(HeaderName.VIA, Via.parse("SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bKspiral").value())
          .requestUri(Uri.parse("sip:alice@example.com").value())
          .build();
      h.uac.send(spiral);
      assertThat(h.uas2.requests()).hasSize(1);
    }

    @Test
    void rejectsProxyRequireWith420ListingUnsupported() {
      // RFC 3261 §16.3 item 5
      ProxyHarness h = new ProxyHarness();
      h.uac.send(invite(BOB, "z9hG4bK1", "Proxy-Require: foo"));
      SipResponse r = h.uac.responses().get(1);
      assertThat(r.statusCode()).isEqualTo(420);
      assertThat(r.headerLines(HeaderName.UNSUPPORTED)).containsExactly("foo");
    }
  }

  @Nested
  class Section16_4_RouteProcessing {
    @Test
    void removesTopRouteNamingThisProxy() {
      // RFC 3261 §16.4
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1", "Route: <sip:127.0.0.1:5060;lr>"));
      assertThat(h.uas1.lastRequest().has(HeaderName.ROUTE)).isFalse();
    }

    @Test
    void keepsRouteForSameAddressOnAnotherPort() {
      // INTEROP-NOTES item 1: "is this me" is host and port
      ProcessedRoute p = processed("Route: <sip:127.0.0.1:5072;lr>");
      assertThat(p.routedHere).isFalse();
      assertThat(p.request.all(HeaderName.ROUTE)).hasSize(1);
    }

    @Test
    void restoresRequestUriWrittenByStrictRouter() {
      // RFC 3261 §16.4: the Request-URI is a Record-Route value of ours
      RouteProcessor rp = new RouteProcessor(local());
      SipRequest strict = request("BYE", "sip:127.0.0.1:5060;transport=udp;lr", "z9hG4bK1", "sip:carol@elsewhere.test",
          "t1", 2, "Route: <sip:bob@127.0.0.1:5072>");
      RouteProcessor.Processed p = rp.process(strict);
      assertThat(p.request().requestUri().toString()).isEqualTo("sip:bob@127.0.0.1:5072");
      assertThat(p.request().has(HeaderName.ROUTE)).isFalse();
      assertThat(p.routedHere()).isTrue();
    }

    private record ProcessedRoute(SipRequest request, boolean routedHere) {}

    private ProcessedRoute processed(String route) {
      RouteProcessor.Processed p = new RouteProcessor(local()).process(invite(BOB, "z9hG4bK1", route));
      return new ProcessedRoute(p.request(), p.routedHere());
    }
  }

  @Nested
  class Section16_5_Targets {
    @Test
    void unknownUserGets404() {
      // RFC 3261 §16.5
      ProxyHarness h = new ProxyHarness();
      h.uac.send(invite("sip:nobody@example.com", "z9hG4bK1"));
      assertThat(h.uac.statuses()).containsExactly(100, 404);
    }

    @Test
    void knownUserWithoutBindingGets480() {
      // RFC 3261 §16.5: known but not reachable now
      ProxyHarness h = new ProxyHarness();
      h.uac.send(invite(BOB, "z9hG4bK1"));
      assertThat(h.uac.statuses()).containsExactly(100, 480);
    }

    @Test
    void routingTableSendsMatchingUserToTheGateway() {
      // Declarative routing table, tried after the location service
      ProxyHarness h = new ProxyHarness(p -> withRoutes(p, TrustedPeers.parse(List.of("127.0.0.1"))));
      h.uac.send(invite("sip:+44207@example.com", "z9hG4bK1"));
      assertThat(h.gateway.lastRequest().requestUri().toString()).isEqualTo("sip:+44207@gw.example.net");
    }

    @Test
    void anonymousRequestForAnotherDomainGets403() {
      // No open relay: only local users (authenticated) and trusted peers leave the domain
      ProxyHarness h = new ProxyHarness();
      h.uac.send(request("OPTIONS", "sip:someone@gw.example.net", "z9hG4bK1", "sip:carol@elsewhere.test", "", 1));
      assertThat(h.uac.statuses()).containsExactly(403);
      assertThat(h.gateway.inbox).isEmpty();
    }

    @Test
    void trustedPeerReachesAnotherDomainThroughTheStaticHostTable() {
      // RFC 3263 §4 with the static host table standing in for DNS
      ProxyHarness h = new ProxyHarness(p -> withRoutes(p, TrustedPeers.parse(List.of("127.0.0.0/8"))));
      h.uac.send(request("OPTIONS", "sip:someone@gw.example.net", "z9hG4bK1", "sip:carol@elsewhere.test", "", 1));
      assertThat(h.gateway.lastRequest().method()).isEqualTo(Method.OPTIONS);
      h.gateway.answer(200);
      assertThat(h.uac.statuses()).containsExactly(200);
    }

    @Test
    void redirectModeAnswers302WithTheRegisteredContacts() {
      // RFC 3261 §8.3: the redirect role
      ProxyHarness h = new ProxyHarness(p -> new ProxyPolicy(p.recordRoute(), p.timerC(), p.forking(),
          p.trustedPeers(), p.outboundProxy(), p.hosts(), p.routes(), RedirectPolicy.forDomains(List.of("example.com"))));
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      SipResponse r = h.uac.responses().get(1);
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(r.all(HeaderName.CONTACT)).extracting(a -> a.uri().toString()).containsExactly("sip:bob@127.0.0.1:5072");
      assertThat(h.uas1.inbox).isEmpty();
    }
  }

  @Nested
  class Section16_6_Forwarding {
    @Test
    void forwardsOverTheFlowTheContactRegisteredFrom() {
      // RFC 3261 §16.6 item 7 with RFC 5626 §5.2: the contact is behind NAT, the flow is not
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@10.0.0.9:5090", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      assertThat(h.uas1.lastRequest().requestUri().toString()).isEqualTo("sip:bob@10.0.0.9:5090");
    }

    @Test
    void triesTheContactItselfWhenTheRegisteredFlowIsGone() {
      // RFC 5626 §5.2: the flow is preferred; a closed connection leaves the contact address
      ProxyHarness h = new ProxyHarness();
      java.net.InetSocketAddress gone = new java.net.InetSocketAddress("127.0.0.1", 5099);
      h.register("bob", "sip:bob@127.0.0.1:5072;transport=tcp", gone, 1.0, List.of(), "TCP");
      h.uac.send(invite(BOB, "z9hG4bK1"));
      assertThat(h.uas1.requests()).extracting(SipRequest::method).containsExactly(Method.INVITE);
      h.uas1.answer(486);
      assertThat(h.uac.statuses()).containsExactly(100, 486);
    }

    @Test
    void decrementsMaxForwardsAndAddsViaAndRecordRoute() {
      // RFC 3261 §16.6 items 3, 4 and 8
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      SipRequest out = h.uas1.lastRequest();
      assertThat(out.first(HeaderName.MAX_FORWARDS).orElseThrow().hops()).isEqualTo(69);
      List<Via> vias = out.all(HeaderName.VIA);
      assertThat(vias).hasSize(2);
      assertThat(vias.get(0).sentBy()).isEqualTo("127.0.0.1:5060");
      assertThat(vias.get(0).isRfc3261Branch()).isTrue();
      assertThat(out.headerLines(HeaderName.RECORD_ROUTE)).containsExactly("<sip:127.0.0.1:5060;transport=udp;lr>");
    }

    @Test
    void recordRoutesTwiceWhenTheCalleeIsReachedOverAnotherTransport() {
      // RFC 5658 §4: one Record-Route per side, each naming its transport
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072;transport=tcp", ProxyHarness.UAS1, 1.0, List.of(), "TCP");
      h.uac.send(invite(BOB, "z9hG4bK1"));
      SipRequest out = h.uas1.lastRequest();
      assertThat(out.headerLines(HeaderName.RECORD_ROUTE))
          .containsExactly("<sip:127.0.0.1:5060;transport=tcp;lr>", "<sip:127.0.0.1:5060;transport=udp;lr>");
      assertThat(out.topVia().orElseThrow().transport()).isEqualTo("TCP");
      // Both Routes go when the caller's BYE comes back with that route set.
      RouteProcessor.Processed p = new RouteProcessor(local()).process(request("BYE", "sip:bob@127.0.0.1:5072", "z9hG4bK2",
          "sip:carol@elsewhere.test", "b", 2, "Route: <sip:127.0.0.1:5060;transport=udp;lr>",
          "Route: <sip:127.0.0.1:5060;transport=tcp;lr>"));
      assertThat(p.request().has(HeaderName.ROUTE)).isFalse();
      assertThat(p.routedHere()).isTrue();
    }

    @Test
    void omitsRecordRouteWhenConfiguredOff() {
      // RFC 3261 §16.6 item 4 is optional
      ProxyHarness h = new ProxyHarness(p -> new ProxyPolicy(false, p.timerC(), p.forking(), p.trustedPeers(),
          p.outboundProxy(), p.hosts(), p.routes(), p.redirect()));
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      assertThat(h.uas1.lastRequest().has(HeaderName.RECORD_ROUTE)).isFalse();
    }

    @Test
    void sendsThroughTheRegisteredPath() {
      // RFC 3327 §5.3: the Path becomes the route set, first hop first
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@10.0.0.9:5090", ProxyHarness.UAS1, 1.0, List.of("<sip:127.0.0.2:5080;lr>"));
      h.uac.send(invite(BOB, "z9hG4bK1"));
      SipRequest out = h.gateway.lastRequest();
      assertThat(out.headerLines(HeaderName.ROUTE)).containsExactly("<sip:127.0.0.2:5080;lr>");
      assertThat(h.uas1.inbox).isEmpty();
    }
  }

  @Nested
  class Section16_7_Responses {
    @Test
    void sends100ItselfAndNeverForwardsDownstream100() {
      // RFC 3261 §16.7 item 5
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      h.uas1.answer(100);
      h.uas1.answer(180);
      assertThat(h.uac.statuses()).containsExactly(100, 180);
      assertThat(h.uac.responses().get(1).all(HeaderName.VIA)).hasSize(1);
    }

    @Test
    void forwardsEvery2xxAndCancelsTheOtherBranches() {
      // RFC 3261 §16.7 items 4 and 10
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.register("bob", "sip:bob@127.0.0.1:5073", ProxyHarness.UAS2, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      h.uas1.answer(180);
      h.uas2.answer(200);
      assertThat(h.uac.statuses()).containsExactly(100, 180, 200);
      assertThat(h.uas1.lastRequest().method()).isEqualTo(Method.CANCEL);
      h.uas1.answer(200);
      h.uas1.answer(h.uas1.requests().get(0), 487);
      assertThat(h.uac.statuses()).containsExactly(100, 180, 200);
      // A retransmitted 2xx goes up too.
      h.uas2.answer(h.uas2.requests().get(0), 200);
      assertThat(h.uac.statuses()).containsExactly(100, 180, 200, 200);
      assertThat(h.proxy.activeContexts()).isZero();
    }

    @Test
    void forkedCallWithOneBusyAndOneAnsweringGivesThe200() {
      // RFC 3261 §16.7: the 486 is held, the 200 goes up
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.register("bob", "sip:bob@127.0.0.1:5073", ProxyHarness.UAS2, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      h.uas1.answer(486);
      h.uas2.answer(200);
      assertThat(h.uac.statuses()).containsExactly(100, 200);
    }

    @Test
    void sixHundredCancelsTheOtherBranchesAndIsChosen() {
      // RFC 3261 §16.7 items 5 and 6
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.register("bob", "sip:bob@127.0.0.1:5073", ProxyHarness.UAS2, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      h.uas1.answer(180);
      h.uas2.answer(603);
      assertThat(h.uas1.lastRequest().method()).isEqualTo(Method.CANCEL);
      h.uas1.answer(200);
      h.uas1.answer(h.uas1.requests().get(0), 487);
      assertThat(h.uac.statuses()).containsExactly(100, 180, 603);
    }

    @Test
    void sequentialForkingTriesTheNextContactByQ() {
      // RFC 3261 §16.6: sequential search, highest q first
      ProxyHarness h = new ProxyHarness(p -> new ProxyPolicy(p.recordRoute(), p.timerC(), Forking.SEQUENTIAL,
          p.trustedPeers(), p.outboundProxy(), p.hosts(), p.routes(), p.redirect()));
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 0.5);
      h.register("bob", "sip:bob@127.0.0.1:5073", ProxyHarness.UAS2, 0.9);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      assertThat(h.uas1.inbox).isEmpty();
      h.uas2.answer(486);
      assertThat(h.uas1.requests()).hasSize(1);
      h.uas1.answer(200);
      assertThat(h.uac.statuses()).containsExactly(100, 200);
    }

    @Test
    void downstream503IsRelayedAs500() {
      // RFC 3261 §16.7 item 6
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      h.uas1.answer(503);
      assertThat(h.uac.statuses()).containsExactly(100, 500);
    }
  }

  @Nested
  class Section16_8_TimerC {
    @Test
    void timerCCancelsTheRingingBranchAndAnswers408() {
      // RFC 3261 §16.8
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      h.uas1.answer(180);
      h.timers.advance(Duration.ofMinutes(2));
      h.uas1.answer(h.uas1.requests().get(0), 180); // a provisional restarts Timer C
      h.timers.advance(Duration.ofMinutes(2));
      assertThat(h.uac.statuses()).containsExactly(100, 180, 180);
      h.timers.advance(Duration.ofMinutes(1).plusSeconds(1));
      assertThat(h.uas1.lastRequest().method()).isEqualTo(Method.CANCEL);
      // The UAC sends no ACK here, so the 408 is also retransmitted (timer G).
      assertThat(h.uac.statuses()).startsWith(100, 180, 180, 408);
    }
  }

  @Nested
  class Section16_10_Cancel {
    @Test
    void cancelIsAnswered200AndTheBranchesCancelledAnd487Relayed() {
      // RFC 3261 §16.10
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      SipRequest inv = invite(BOB, "z9hG4bK1");
      h.uac.send(inv);
      h.uas1.answer(180);
      h.uac.send(request("CANCEL", BOB, "z9hG4bK1", "sip:carol@elsewhere.test", "", 1).toBuilder()
          .set(HeaderName.CALL_ID, inv.callId().orElseThrow()).build());
      SipRequest cancel = h.uas1.lastRequest();
      assertThat(cancel.method()).isEqualTo(Method.CANCEL);
      assertThat(cancel.topVia()).isEqualTo(h.uas1.requests().get(0).topVia());
      h.uas1.answer(200);
      h.uas1.answer(h.uas1.requests().get(0), 487);
      assertThat(h.uac.statuses()).containsExactly(100, 180, 200, 487);
    }

    @Test
    void cancelBeforeAnyProvisionalIsSentOnceOneArrives() {
      // RFC 3261 §9.1: no CANCEL before a provisional response
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      SipRequest inv = invite(BOB, "z9hG4bK1");
      h.uac.send(inv);
      h.uac.send(request("CANCEL", BOB, "z9hG4bK1", "sip:carol@elsewhere.test", "", 1).toBuilder()
          .set(HeaderName.CALL_ID, inv.callId().orElseThrow()).build());
      assertThat(h.uas1.requests()).extracting(SipRequest::method).containsExactly(Method.INVITE);
      h.uas1.answer(180);
      assertThat(h.uas1.lastRequest().method()).isEqualTo(Method.CANCEL);
    }
  }

  @Nested
  class Section16_11_Stateless {
    @Test
    void ackFor2xxAndByeFollowTheRecordedRoute() {
      // RFC 3261 §16.11 and §16.12: loose routing within the dialog
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(invite(BOB, "z9hG4bK1"));
      h.uas1.answer(200);
      String route = "Route: <sip:127.0.0.1:5060;transport=udp;lr>";
      h.uac.send(request("ACK", "sip:bob@127.0.0.1:5072", "z9hG4bK2", "sip:carol@elsewhere.test", "uas5072", 1, route));
      assertThat(h.uas1.lastRequest().method()).isEqualTo(Method.ACK);
      assertThat(h.uas1.lastRequest().has(HeaderName.ROUTE)).isFalse();
      h.uac.send(request("BYE", "sip:bob@127.0.0.1:5072", "z9hG4bK3", "sip:carol@elsewhere.test", "uas5072", 2, route));
      assertThat(h.uas1.lastRequest().method()).isEqualTo(Method.BYE);
      h.uas1.answer(200);
      assertThat(h.uac.statuses()).endsWith(200);
    }

    @Test
    void strayResponseWithOurViaIsForwardedToTheNextVia() {
      // RFC 3261 §16.11: a late 2xx retransmission, say
      ProxyHarness h = new ProxyHarness();
      SipResponse stray = ProxyHarness.parse("""
          SIP/2.0 200 OK
          Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKgone
          Via: SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bK1
          From: <sip:carol@elsewhere.test>;tag=uac
          To: <sip:bob@example.com>;tag=b
          Call-ID: stray
          CSeq: 1 INVITE
          Content-Length: 0

          """);
      h.uas1.send(stray);
      assertThat(h.uac.responses()).hasSize(1);
      assertThat(h.uac.responses().get(0).all(HeaderName.VIA)).hasSize(1);
    }
  }

  @Nested
  class ProxyAuthentication {
    @Test
    void inviteFromLocalUserIsChallengedWith407() {
      // RFC 3261 §22.3
      ProxyHarness h = new ProxyHarness();
      h.uac.send(request("INVITE", BOB, "z9hG4bK1", "sip:alice@example.com", "", 1));
      SipResponse r = h.uac.responses().get(1);
      assertThat(r.statusCode()).isEqualTo(407);
      assertThat(r.first(HeaderName.PROXY_AUTHENTICATE).orElseThrow().param("realm")).contains("example.com");
    }

    @Test
    void authenticatedInviteIsForwardedWithoutOurCredentials() {
      // RFC 3261 §22.3: the credentials for this realm are consumed here
      ProxyHarness h = new ProxyHarness();
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(request("INVITE", BOB, "z9hG4bK1", "sip:alice@example.com", "", 1));
      AuthValue challenge = h.uac.responses().get(1).first(HeaderName.PROXY_AUTHENTICATE).orElseThrow();
      String nonce = challenge.param("nonce").orElseThrow();
      Ha1 ha1 = Ha1.compute(DigestAlgorithm.MD5, "alice", "example.com", ProxyHarness.PASSWORD);
      String response = DigestResponse.withoutQop(ha1, nonce, "INVITE", BOB);
      String credentials = "Proxy-Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"" + nonce
          + "\", uri=\"" + BOB + "\", response=\"" + response + "\", algorithm=MD5";
      h.uac.send(request("INVITE", BOB, "z9hG4bK2", "sip:alice@example.com", "", 2, credentials));
      assertThat(h.uas1.requests()).hasSize(1);
      assertThat(h.uas1.lastRequest().has(HeaderName.PROXY_AUTHORIZATION)).isFalse();
    }

    @Test
    void inDialogRequestRoutedThroughUsIsNeverChallenged() {
      // INTEROP-NOTES item 3: a BYE's stale Proxy-Authorization is ignored
      ProxyHarness h = new ProxyHarness();
      h.uac.send(request("BYE", "sip:bob@127.0.0.1:5072", "z9hG4bK3", "sip:alice@example.com", "b", 2,
          "Route: <sip:127.0.0.1:5060;transport=udp;lr>",
          "Proxy-Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"old\", uri=\"x\", response=\"0\""));
      assertThat(h.uas1.lastRequest().method()).isEqualTo(Method.BYE);
    }

    @Test
    void trustedPeerIsNotChallenged() {
      ProxyHarness h = new ProxyHarness(p -> new ProxyPolicy(p.recordRoute(), p.timerC(), p.forking(),
          TrustedPeers.parse(List.of("127.0.0.1")), p.outboundProxy(), p.hosts(), p.routes(), p.redirect()));
      h.register("bob", "sip:bob@127.0.0.1:5072", ProxyHarness.UAS1, 1.0);
      h.uac.send(request("INVITE", BOB, "z9hG4bK1", "sip:alice@example.com", "", 1));
      assertThat(h.uas1.requests()).hasSize(1);
    }
  }

  private static LocalAddresses local() {
    return new LocalAddresses(
        List.of(new dev.switchboard.transport.ListenPoint(dev.switchboard.transport.Transport.UDP,
            ProxyHarness.PROXY)),
        List.of(ProxyHarness.DOMAIN));
  }

  private static ProxyPolicy withRoutes(ProxyPolicy p, TrustedPeers trusted) {
    return new ProxyPolicy(p.recordRoute(), p.timerC(), p.forking(), trusted, p.outboundProxy(), p.hosts(),
        new RoutingTable(List.of(RouteRule.parse("user:+44", "sip:gw.example.net"))), p.redirect());
  }
}
