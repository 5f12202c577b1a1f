// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.ua.Call;
import dev.switchboard.core.ua.CallEnd;
import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.core.users.UserStore;
import dev.switchboard.media.rtp.MediaEngine;
import dev.switchboard.server.cli.phone.AudioSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with baresip 1.0.0 through the Switchboard server: the Switchboard user agent calls a
 * registered baresip, and baresip calls the registered Switchboard user agent; both calls are
 * answered (SDP offer/answer with PCMU/PCMA) and hung up cleanly with BYE.
 *
 * <p>The server offers MD5 only: baresip 1.0.0 gives up on any other challenge (see
 * BaresipRegisterIT).
 */
class PhoneBaresipIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;
  @TempDir Path uaDir;
  SipServer server;
  int port;
  MediaEngine media;

  @BeforeEach
  void start() throws Exception {
    Peers.require("baresip", "baresip-core");
    try (UserStore users = UserStore.open(data)) {
      users.add("alice", "127.0.0.1", "alicepw");
      users.add("bob", "127.0.0.1", "bobpw");
    }
    port = Peers.freeUdpPort();
    server = SipServer.start(TestConfigs.forMd5Clients(data, port, "udp").build());
    media = MediaEngine.create();
  }

  @AfterEach
  void stop() {
    media.close();
    server.close(Duration.ZERO);
  }

  UserAgent.Builder ua(String user, String password) {
    return UserAgent.builder(user, "127.0.0.1").password(password).outboundProxy("sip:127.0.0.1:" + port);
  }

  Baresip.Account baresipAccount(String user, String password) {
    return Baresip.Account.of(user, "127.0.0.1", password).withOutbound("sip:127.0.0.1:" + port);
  }

  AudioSession audio() {
    try {
      return AudioSession.open(media, "127.0.0.1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void switchboardPhoneCallsBaresip() throws Exception {
    try (Baresip bob = Baresip.start(uaDir);
        UserAgent alice = ua("alice", "alicepw").build().start()) {
      Baresip.Account account = baresipAccount("bob", "bobpw").withAutoAnswer();
      bob.add(account).awaitRegistered(account, WAIT);
      Call call = alice.call("sip:bob@127.0.0.1", audio());
      Exchange x = call.outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(x.statusCode()).as(bob.logTail()).isEqualTo(200);
      bob.awaitEvent("CALL_ESTABLISHED", WAIT);
      Thread.sleep(500);
      assertThat(call.hangup().get(5, TimeUnit.SECONDS).reason()).isEqualTo(CallEnd.Reason.LOCAL_HANGUP);
      bob.awaitEvent("CALL_CLOSED", WAIT);
    }
  }

  @Test
  void baresipCallsTheSwitchboardPhone() throws Exception {
    CompletableFuture<Call> incoming = new CompletableFuture<>();
    try (UserAgent bob = ua("bob", "bobpw").listener(new UaListener() {
          @Override
          public void onIncomingCall(Call call) {
            call.ring();
            call.accept(audio());
            incoming.complete(call);
          }
        }).build().start();
        Baresip alice = Baresip.start(uaDir)) {
      assertThat(bob.register().registered().get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      Baresip.Account account = baresipAccount("alice", "alicepw");
      alice.add(account).awaitRegistered(account, WAIT);
      alice.dial("sip:bob@127.0.0.1");
      Call call = incoming.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      alice.awaitEvent("CALL_ESTABLISHED", WAIT);
      Thread.sleep(500);
      alice.hangup();
      assertThat(call.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).reason())
          .as(alice.logTail()).isEqualTo(CallEnd.Reason.REMOTE_HANGUP);
      alice.awaitEvent("CALL_CLOSED", WAIT);
    }
  }
}
