// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.users.UserStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real baresip 1.0.0 user agents register with the running server and call each other
 * through its proxy (RFC 3261 section 16): alice is challenged with 407 and answers it, bob
 * answers, alice hangs up, and both see the call end. bob registers over UDP, then over TCP.
 */
class BaresipCallIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;
  @TempDir Path aliceDir;
  @TempDir Path bobDir;
  SipServer server;
  int port;

  @BeforeEach
  void start() throws Exception {
    try (UserStore users = UserStore.open(data)) {
      users.add("alice", "127.0.0.1", "secret");
      users.add("bob", "127.0.0.1", "secret");
    }
    port = Peers.freeUdpPort();
    server =
        SipServer.start(
            TestConfigs.forMd5Clients(data, port, "udp", "tcp").build());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close(Duration.ZERO);
    }
  }

  @Test
  void aliceCallsBobThroughTheProxyAndHangsUp() throws Exception {
    call(Baresip.Account.of("bob", "127.0.0.1:" + port, "secret"));
  }

  @Test
  void callReachesACalleeRegisteredOverTcpThroughItsConnection() throws Exception {
    // RFC 5626 section 5.2: bob connected from an ephemeral port; the INVITE goes back over that
    // connection, and the proxy record-routes once per transport (RFC 5658).
    call(Baresip.Account.of("bob", "127.0.0.1:" + port, "secret").tcp());
  }

  private void call(Baresip.Account bob) throws Exception {
    Baresip.Account alice = Baresip.Account.of("alice", "127.0.0.1:" + port, "secret");
    try (Baresip a = Baresip.start(aliceDir);
        Baresip b = Baresip.start(bobDir)) {
      a.add(alice).awaitRegistered(alice, WAIT);
      b.add(bob).awaitRegistered(bob, WAIT);
      assertThat(server.location().lookup("sip:bob@127.0.0.1").get(0).flow().transport())
          .isEqualToIgnoringCase(bob.transport());
      a.dial("sip:bob@127.0.0.1:" + port);
      b.awaitEvent("CALL_INCOMING", WAIT);
      b.accept();
      a.awaitEvent("CALL_ESTABLISHED", WAIT);
      b.awaitEvent("CALL_ESTABLISHED", WAIT);
      a.hangup();
      a.awaitEvent("CALL_CLOSED", WAIT);
      Baresip.Event closed = b.awaitEvent("CALL_CLOSED", WAIT);
      // bob's side ends because alice's BYE reached it through the proxy (Record-Route).
      assertThat(closed.param()).as(b.logTail()).isNotBlank();
      assertThat(server.proxy().activeContexts()).isZero();
    }
  }
}
