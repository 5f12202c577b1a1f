// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.ua.Call;
import dev.switchboard.core.ua.CallEnd;
import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.IncomingMessage;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.core.users.UserStore;
import dev.switchboard.media.audio.Goertzel;
import dev.switchboard.media.audio.ToneGenerator;
import dev.switchboard.media.audio.Wav;
import dev.switchboard.media.rtp.MediaEngine;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.server.PeersAccess;
import dev.switchboard.server.SipServer;
import dev.switchboard.server.TestConfigs;
import dev.switchboard.server.cli.phone.AudioSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UA → Switchboard proxy → UA: both register with digest (401), the caller is challenged with 407
 * on its INVITE and MESSAGE, and the callee's recording holds the caller's tone (Goertzel); the
 * rejection, CANCEL and hold paths go through the proxy too.
 */
class UaThroughProxyIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  SipServer server;
  int port;
  MediaEngine media;
  UserAgent alice;
  UserAgent bob;
  final BlockingQueue<Call> bobCalls = new LinkedBlockingQueue<>();
  final BlockingQueue<IncomingMessage> bobMessages = new LinkedBlockingQueue<>();
  volatile Consumer<Call> bobAnswers = c -> {};

  @BeforeEach
  void start() throws Exception {
    Path data = dir.resolve("data");
    java.nio.file.Files.createDirectories(data);
    try (UserStore users = UserStore.open(data)) {
      users.add("alice", "127.0.0.1", "alicepw");
      users.add("bob", "127.0.0.1", "bobpw");
    }
    port = PeersAccess.freeUdpPort();
    server = SipServer.start(TestConfigs.loopback(data, port, "udp")
        .build());
    media = MediaEngine.create();
    bob = UserAgent.builder("bob", "127.0.0.1").password("bobpw").outboundProxy("sip:127.0.0.1:" + port)
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
    alice = UserAgent.builder("alice", "127.0.0.1").password("alicepw")
        .outboundProxy("sip:127.0.0.1:" + port).build().start();
    assertThat(bob.register().registered().get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    alice.close();
    bob.close();
    media.close();
    server.close(Duration.ZERO);
  }

  AudioSession audio() {
    try {
      return AudioSession.open(media, "127.0.0.1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void callThroughTheProxyIsAuthenticatedAndCarriesTheTone() throws Exception {
    // RFC 3261 §22.3 (407 from the proxy), §16 (proxying), RFC 3550 audio end to end
    Path recording = dir.resolve("bob.wav");
    bobAnswers = c -> {
      AudioSession a = audio();
      try {
        a.rtp().record(recording);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      c.ring();
      c.accept(a);
    };
    AudioSession mine = audio();
    Call call = alice.call("sip:bob@127.0.0.1", mine);
    Exchange x = call.outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(x.statusCode()).as(x.response().startLine()).isEqualTo(200);
    assertThat(x.request().has(HeaderName.PROXY_AUTHORIZATION)).as("challenged with 407 first").isTrue();
    mine.rtp().play(ToneGenerator.sine(1000, Duration.ofMillis(1500), 0.5, 8000)).get(5, TimeUnit.SECONDS);
    assertThat(call.hangup().get(5, TimeUnit.SECONDS).reason()).isEqualTo(CallEnd.Reason.LOCAL_HANGUP);
    Call incoming = bobCalls.poll(5, TimeUnit.SECONDS);
    assertThat(incoming.ended().get(5, TimeUnit.SECONDS).reason()).isEqualTo(CallEnd.Reason.REMOTE_HANGUP);
    awaitClosed(incoming);
    assertThat(Goertzel.relativePower(Wav.read(recording), 1000)).isGreaterThan(0.5);
  }

  private static void awaitClosed(Call c) throws InterruptedException {
    // The negotiator closes its RTP session on another thread; the recording is complete after.
    Thread.sleep(300);
  }

  @Test
  void rejectionReachesTheCallerThroughTheProxy() throws Exception {
    bobAnswers = c -> c.reject(486);
    Exchange x = alice.call("sip:bob@127.0.0.1", audio()).outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(x.statusCode()).isEqualTo(486);
  }

  @Test
  void cancelThroughTheProxyEndsBothSides() throws Exception {
    // RFC 3261 §9, §16.10
    bobAnswers = Call::ring;
    Call call = alice.call("sip:bob@127.0.0.1", audio());
    Call incoming = bobCalls.poll(5, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (call.state() != Call.State.EARLY && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    call.hangup();
    assertThat(call.outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).statusCode()).isEqualTo(487);
    assertThat(incoming.ended().get(5, TimeUnit.SECONDS).reason()).isEqualTo(CallEnd.Reason.CANCELLED);
  }

  @Test
  void holdAndResumeInTheProxiedDialog() throws Exception {
    // RFC 3261 §14 within a dialog set up through the proxy
    bobAnswers = c -> c.accept(audio());
    Call call = alice.call("sip:bob@127.0.0.1", audio());
    assertThat(call.outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).statusCode()).isEqualTo(200);
    assertThat(call.hold().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).statusCode()).isEqualTo(200);
    assertThat(call.onHold()).isTrue();
    assertThat(call.resume().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).statusCode()).isEqualTo(200);
    call.hangup().get(5, TimeUnit.SECONDS);
  }

  @Test
  void messageThroughTheProxy() throws Exception {
    // RFC 3428 §4 (relayed by proxies), with the 407 answered
    Exchange x = alice.message("sip:bob@127.0.0.1", "via the proxy").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(x.statusCode()).isEqualTo(200);
    assertThat(bobMessages.poll(5, TimeUnit.SECONDS).text()).isEqualTo("via the proxy");
  }
}
