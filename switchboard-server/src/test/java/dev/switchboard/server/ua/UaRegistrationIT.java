// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.location.Binding;
import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.Registration;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.core.users.UserStore;
import dev.switchboard.server.PeersAccess;
import dev.switchboard.server.SipServer;
import dev.switchboard.server.TestConfigs;
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
 * The user agent against the Switchboard registrar over loopback UDP (RFC 3261 section 10.2):
 * challenged and registered, refreshed before expiry, raised to Min-Expires after 423, removed on
 * close, and refused with a wrong password.
 */
class UaRegistrationIT {
  @TempDir Path data;
  SipServer server;
  int port;

  @BeforeEach
  void start() throws Exception {
    try (UserStore users = UserStore.open(data)) {
      users.add("bob", "127.0.0.1", "bobpw");
    }
    port = PeersAccess.freeUdpPort();
    server = SipServer.start(
        TestConfigs.loopback(data, port, "udp")
            .set("registrar.min-expires", "2s", "test")
            .set("registrar.default-expires", "60s", "test")
            .build());
  }

  @AfterEach
  void stop() {
    server.close(Duration.ZERO);
  }

  UserAgent.Builder bob(String password) {
    return UserAgent.builder("bob", "127.0.0.1")
        .password(password)
        .outboundProxy("sip:127.0.0.1:" + port);
  }

  List<String> contacts() {
    return server.location().lookup("sip:bob@127.0.0.1").stream().map(Binding::contact).toList();
  }

  @Test
  void registersAfterTheDigestChallengeAndIsRemovedOnClose() throws Exception {
    // RFC 3261 §10.2, §22.2; §10.2.2 removal with Expires 0
    UserAgent ua = bob("bobpw").build().start();
    Registration reg = ua.register();
    Exchange x = reg.registered().get(5, TimeUnit.SECONDS);
    assertThat(x.statusCode()).isEqualTo(200);
    assertThat(x.request().has(dev.switchboard.message.header.HeaderName.AUTHORIZATION)).isTrue();
    assertThat(reg.granted()).isEqualTo(Duration.ofSeconds(300));
    assertThat(contacts()).containsExactly(ua.contact().uri().toString());
    ua.close();
    assertThat(contacts()).isEmpty();
  }

  @Test
  void refreshesBeforeTheGrantedTimeRunsOut() throws Exception {
    // RFC 3261 §10.2.4: refresh before expiry
    try (UserAgent ua = bob("bobpw").registerExpires(Duration.ofSeconds(3)).build().start()) {
      Registration reg = ua.register();
      assertThat(reg.registered().get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      Thread.sleep(4_500);
      assertThat(contacts()).as("still bound after the first lifetime").hasSize(1);
      assertThat(reg.isActive()).isTrue();
    }
  }

  @Test
  void asksAgainWithMinExpiresAfter423() throws Exception {
    // RFC 3261 §10.2.8
    try (UserAgent ua = bob("bobpw").registerExpires(Duration.ofSeconds(1)).build().start()) {
      Registration reg = ua.register();
      Exchange x = reg.registered().get(5, TimeUnit.SECONDS);
      assertThat(x.statusCode()).isEqualTo(200);
      assertThat(reg.granted()).isEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void wrongPasswordIsReportedOnceNotRetriedForever() throws Exception {
    // RFC 3261 §22.2: the same realm refusing our credentials is final
    CompletableFuture<Exchange> failed = new CompletableFuture<>();
    try (UserAgent ua = bob("wrong").listener(new UaListener() {
          @Override
          public void onRegistrationFailed(Registration r, Exchange x) {
            failed.complete(x);
          }
        }).build().start()) {
      Exchange x = ua.register().registered().get(5, TimeUnit.SECONDS);
      assertThat(x.statusCode()).isIn(401, 403);
      assertThat(failed.get(1, TimeUnit.SECONDS).statusCode()).isEqualTo(x.statusCode());
      assertThat(contacts()).isEmpty();
    }
  }
}
