// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.ua.Call;
import dev.switchboard.core.ua.CallEnd;
import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.IncomingMessage;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Token;
import dev.switchboard.transaction.TimerConfig;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two user agents talking directly over loopback UDP: calls set up, rejected, cancelled, held and
 * hung up; MESSAGE both ways; OPTIONS (RFC 3261 sections 11, 13, 14, 15 and 9; RFC 3428).
 */
class UserAgentIT {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final TimerConfig FAST =
      new TimerConfig(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(500));

  UserAgent alice;
  UserAgent bob;
  final BlockingQueue<Call> bobCalls = new LinkedBlockingQueue<>();
  final BlockingQueue<IncomingMessage> bobMessages = new LinkedBlockingQueue<>();
  final BlockingQueue<IncomingMessage> aliceMessages = new LinkedBlockingQueue<>();
  final BlockingQueue<String> aliceProgress = new LinkedBlockingQueue<>();
  volatile Consumer<Call> bobAnswers = c -> {};

  @BeforeEach
  void start() throws Exception {
    bob = UserAgent.builder("bob", "127.0.0.1").timers(FAST)
        .listener(new UaListener() {
          @Override
          public void onIncomingCall(Call call) {
            bobCalls.add(call);
            bobAnswers.accept(call);
          }

          @Override
          public void onMessage(IncomingMessage m) {
            bobMessages.add(m);
          }
        })
        .build().start();
    alice = UserAgent.builder("alice", "127.0.0.1").timers(FAST)
        .listener(new UaListener() {
          @Override
          public void onMessage(IncomingMessage m) {
            aliceMessages.add(m);
          }

          @Override
          public void onProgress(Call call, int statusCode, String reasonPhrase) {
            aliceProgress.add(statusCode + " " + reasonPhrase);
          }
        })
        .build().start();
  }

  @AfterEach
  void stop() {
    alice.close();
    bob.close();
  }

  String bobUri() {
    return "sip:bob@127.0.0.1:" + bob.listening().get(0).address().getPort();
  }

  String aliceUri() {
    return "sip:alice@127.0.0.1:" + alice.listening().get(0).address().getPort();
  }

  /** Retries a re-INVITE refused locally because an INVITE is still in progress. */
  static CompletableFuture<Exchange> untilIdle(java.util.function.Supplier<CompletableFuture<Exchange>> op)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      CompletableFuture<Exchange> f = op.get();
      if (!f.isCompletedExceptionally() || System.nanoTime() > deadline) {
        return f;
      }
      Thread.sleep(20);
    }
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Nested
  class Section13_SettingUpACall {
    @Test
    void answeredCallIsConfirmedOnBothSidesAndEndsWithBye() throws Exception {
      // RFC 3261 §13.2.2.4, §13.3.1.4, §15.1
      FakeSession bobMedia = new FakeSession("bob");
      bobAnswers = c -> {
        c.ring();
        c.accept(bobMedia);
      };
      FakeSession aliceMedia = new FakeSession("alice");
      Call call = alice.call(bobUri(), aliceMedia);
      Exchange x = await(call.outcome());
      assertThat(x.statusCode()).isEqualTo(200);
      assertThat(call.state()).isEqualTo(Call.State.CONNECTED);
      assertThat(aliceProgress.poll(5, TimeUnit.SECONDS)).isEqualTo("180 Ringing");
      Call incoming = bobCalls.poll(5, TimeUnit.SECONDS);
      assertThat(bobMedia.received).singleElement().asString().contains("m=audio");
      assertThat(aliceMedia.received).singleElement().asString().contains("o=bob");
      assertThat(incoming.dialog().orElseThrow().id().callId()).isEqualTo(call.callId());

      CallEnd mine = await(call.hangup());
      assertThat(mine.reason()).isEqualTo(CallEnd.Reason.LOCAL_HANGUP);
      CallEnd theirs = await(incoming.ended());
      assertThat(theirs.reason()).isEqualTo(CallEnd.Reason.REMOTE_HANGUP);
      assertThat(bobMedia.closed).isTrue();
      assertThat(aliceMedia.closed).isTrue();
    }

    @Test
    void callRejectedWith486EndsWithThatStatus() throws Exception {
      // RFC 3261 §13.3.1.3
      bobAnswers = c -> c.reject(486);
      Call call = alice.call(bobUri(), new FakeSession("alice"));
      Exchange x = await(call.outcome());
      assertThat(x.statusCode()).isEqualTo(486);
      CallEnd end = await(call.ended());
      assertThat(end.reason()).isEqualTo(CallEnd.Reason.REJECTED);
      assertThat(end.describe()).startsWith("486 Busy Here — the callee");
    }

    @Test
    void unknownFinalCodeCountsAsTheX00OfItsClass() throws Exception {
      // RFC 3261 §8.1.3.2
      bobAnswers = c -> c.reject(499, "Odd");
      Exchange x = await(alice.call(bobUri(), new FakeSession("alice")).outcome());
      assertThat(x.statusCode()).isEqualTo(499);
      assertThat(x.effectiveCode()).isEqualTo(400);
    }

    @Test
    void offerWithoutAcceptableMediaIsRejectedWith488() throws Exception {
      // RFC 3261 §13.3.1.3
      FakeSession picky = new FakeSession("bob");
      picky.acceptable = false;
      bobAnswers = c -> c.accept(picky);
      Exchange x = await(alice.call(bobUri(), new FakeSession("alice")).outcome());
      assertThat(x.statusCode()).isEqualTo(488);
    }

    @Test
    void sessionProgressCarriesEarlyMediaAnswer() throws Exception {
      // RFC 3261 §13.3.1.1 (183 Session Progress)
      FakeSession bobMedia = new FakeSession("bob");
      bobAnswers = c -> c.progress(bobMedia);
      FakeSession aliceMedia = new FakeSession("alice");
      Call call = alice.call(bobUri(), aliceMedia);
      assertThat(aliceProgress.poll(5, TimeUnit.SECONDS)).isEqualTo("183 Session Progress");
      Call incoming = bobCalls.poll(5, TimeUnit.SECONDS);
      incoming.accept(null);
      assertThat(await(call.outcome()).statusCode()).isEqualTo(200);
      // The answer arrived once, early; the 200 repeated it.
      assertThat(aliceMedia.received).hasSize(1);
      await(call.hangup());
    }

    @Test
    void callWithoutOfferGetsTheOfferIn200AndAnswersInAck() throws Exception {
      // RFC 3261 §13.2.1: offer in the 2xx, answer in the ACK
      FakeSession bobMedia = new FakeSession("bob");
      bobAnswers = c -> c.accept(bobMedia);
      FakeSession aliceMedia = new FakeSession("alice");
      Call call = alice.call(
          dev.switchboard.message.uri.SipUri.parse(bobUri()).value(), aliceMedia, false);
      assertThat(await(call.outcome()).statusCode()).isEqualTo(200);
      Call incoming = bobCalls.poll(5, TimeUnit.SECONDS);
      assertThat(incoming.offer()).isEmpty();
      assertThat(bobMedia.sent).singleElement().asString().contains("a=sendrecv");
      assertThat(aliceMedia.received).singleElement().asString().contains("o=bob");
      // The ACK carried alice's answer to bob's offer.
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (bobMedia.received.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(bobMedia.received).singleElement().asString().contains("o=alice");
      assertThat(incoming.state()).isEqualTo(Call.State.CONNECTED);
      await(call.hangup());
    }
  }

  @Nested
  class Section8_1_3_4_Redirects {
    @Test
    void redirectIsReportedUnlessFollowingWasAsked() throws Exception {
      bobAnswers = c -> c.redirect(302, java.util.List.of(
          dev.switchboard.message.uri.SipUri.parse("sip:carol@127.0.0.1:9").value()));
      Exchange x = await(alice.call(bobUri(), new FakeSession("alice")).outcome());
      assertThat(x.statusCode()).isEqualTo(302);
      assertThat(x.response().headerLines(HeaderName.CONTACT)).containsExactly("<sip:carol@127.0.0.1:9>");
    }

    @Test
    void followedRedirectReachesTheNewContact() throws Exception {
      // RFC 3261 §8.1.3.4: a new request to the Contact of the 3xx
      try (UserAgent carol = UserAgent.builder("carol", "127.0.0.1").timers(FAST)
              .listener(new UaListener() {
                @Override
                public void onIncomingCall(Call call) {
                  call.accept(new FakeSession("carol"));
                }
              }).build().start();
          UserAgent follower = UserAgent.builder("dave", "127.0.0.1").timers(FAST)
              .followRedirects(true).build().start()) {
        String carolUri = "sip:carol@127.0.0.1:" + carol.listening().get(0).address().getPort();
        bobAnswers = c -> c.redirect(302, java.util.List.of(
            dev.switchboard.message.uri.SipUri.parse(carolUri).value()));
        Call call = follower.call(bobUri(), new FakeSession("dave"));
        Exchange x = await(call.outcome());
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.request().requestUri().toString()).isEqualTo(carolUri);
        await(call.hangup());
      }
    }
  }

  @Nested
  class Section9_Cancel {
    @Test
    void cancelAfterRingingEndsBothSidesWith487() throws Exception {
      // RFC 3261 §9.1, §9.2
      bobAnswers = Call::ring;
      Call call = alice.call(bobUri(), new FakeSession("alice"));
      assertThat(aliceProgress.poll(5, TimeUnit.SECONDS)).isEqualTo("180 Ringing");
      call.hangup();
      Exchange x = await(call.outcome());
      assertThat(x.statusCode()).isEqualTo(487);
      assertThat(await(call.ended()).reason()).isEqualTo(CallEnd.Reason.CANCELLED);
      Call incoming = bobCalls.poll(5, TimeUnit.SECONDS);
      assertThat(await(incoming.ended()).reason()).isEqualTo(CallEnd.Reason.CANCELLED);
    }

    @Test
    void hangupBeforeAnyProvisionalWaitsForOneThenCancels() throws Exception {
      // RFC 3261 §9.1: "a CANCEL ... SHOULD NOT be sent" before a provisional response
      CompletableFuture<Call> held = new CompletableFuture<>();
      bobAnswers = held::complete;
      Call call = alice.call(bobUri(), new FakeSession("alice"));
      Call incoming = await(held);
      call.hangup();
      incoming.ring();
      assertThat(await(call.outcome()).statusCode()).isEqualTo(487);
    }
  }

  @Nested
  class Section14_Reinvite {
    @Test
    void holdSendsASendonlyOfferAndResumeASendrecvOne() throws Exception {
      // RFC 3261 §14.1; RFC 3264 §8.4
      FakeSession bobMedia = new FakeSession("bob");
      bobAnswers = c -> c.accept(bobMedia);
      Call call = alice.call(bobUri(), new FakeSession("alice"));
      await(call.outcome());
      Call incoming = bobCalls.poll(5, TimeUnit.SECONDS);

      Exchange hold = await(call.hold());
      assertThat(hold.statusCode()).isEqualTo(200);
      assertThat(call.onHold()).isTrue();
      assertThat(bobMedia.received.get(1)).contains("a=sendonly");
      assertThat(bobMedia.sent.get(1)).contains("a=recvonly");

      Exchange resume = await(call.resume());
      assertThat(resume.statusCode()).isEqualTo(200);
      assertThat(bobMedia.received.get(2)).contains("a=sendrecv");
      assertThat(incoming.state()).isEqualTo(Call.State.CONNECTED);

      // The callee can re-INVITE too, in the same dialog with its own CSeq, once the ACK for
      // the last re-INVITE has arrived (section 14.1: one INVITE transaction at a time).
      assertThat(await(untilIdle(incoming::hold)).statusCode()).isEqualTo(200);
      await(incoming.hangup());
      assertThat(await(call.ended()).reason()).isEqualTo(CallEnd.Reason.REMOTE_HANGUP);
    }
  }

  @Nested
  class Section18_Tcp {
    @Test
    void callOverTcpUsesTcpContactsAndEndsCleanly() throws Exception {
      // RFC 3261 §18: the same call over a stream transport; Contact says transport=tcp
      dev.switchboard.transport.ListenPoint tcp = new dev.switchboard.transport.ListenPoint(
          dev.switchboard.transport.Transport.TCP, new java.net.InetSocketAddress("127.0.0.1", 0));
      BlockingQueue<Call> carolCalls = new LinkedBlockingQueue<>();
      try (UserAgent carol = UserAgent.builder("carol", "127.0.0.1").timers(FAST).listen(tcp)
              .listener(new UaListener() {
                @Override
                public void onIncomingCall(Call call) {
                  carolCalls.add(call);
                  call.accept(new FakeSession("carol"));
                }
              }).build().start();
          UserAgent dave = UserAgent.builder("dave", "127.0.0.1").timers(FAST).listen(tcp).build().start()) {
        String carolUri = "sip:carol@127.0.0.1:" + carol.listening().get(0).address().getPort() + ";transport=tcp";
        Call call = dave.call(carolUri, new FakeSession("dave"));
        Exchange x = await(call.outcome());
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.response().headerLines(HeaderName.CONTACT)).singleElement().asString().contains("transport=tcp");
        assertThat(x.request().topVia().orElseThrow().transport()).isEqualTo("TCP");
        Call incoming = carolCalls.poll(5, TimeUnit.SECONDS);
        await(call.hangup());
        assertThat(await(incoming.ended()).reason()).isEqualTo(CallEnd.Reason.REMOTE_HANGUP);
      }
    }
  }

  @Nested
  class Rfc3428_Message {
    @Test
    void messagesGoBothWays() throws Exception {
      Exchange toBob = await(alice.message(bobUri(), "hello bob"));
      assertThat(toBob.statusCode()).isEqualTo(200);
      IncomingMessage m = bobMessages.poll(5, TimeUnit.SECONDS);
      assertThat(m.text()).isEqualTo("hello bob");
      assertThat(m.from().uri().toString()).isEqualTo("sip:alice@127.0.0.1");

      Exchange toAlice = await(bob.message(aliceUri(), "hi alice, 你好"));
      assertThat(toAlice.statusCode()).isEqualTo(200);
      assertThat(aliceMessages.poll(5, TimeUnit.SECONDS).text()).isEqualTo("hi alice, 你好");
    }
  }

  @Nested
  class Section11_Options {
    @Test
    void optionsAnswerListsAllowAcceptAndSupported() throws Exception {
      Exchange x = await(alice.options(bobUri()));
      assertThat(x.statusCode()).isEqualTo(200);
      assertThat(x.response().all(HeaderName.ALLOW)).extracting(Token::value)
          .contains("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "MESSAGE");
      assertThat(x.response().headerLines(HeaderName.ACCEPT)).anyMatch(l -> l.contains("application/sdp"));
      assertThat(x.response().has(HeaderName.SUPPORTED)).isTrue();
    }

    @Test
    void optionsToNobodyTimesOutAs408() throws Exception {
      // RFC 3261 §8.1.3.1: a timeout is a 408
      int port = dev.switchboard.server.PeersAccess.freeUdpPort();
      Exchange x = alice.options("sip:nobody@127.0.0.1:" + port).get(20, TimeUnit.SECONDS);
      assertThat(x.local()).isTrue();
      assertThat(x.statusCode()).isIn(408, 503);
    }
  }
}
