// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.users.UserStore;
import dev.switchboard.server.config.ConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through the running proxy (RFC 3261 section 16) between SIPp peers on 127.0.0.1: a callee
 * registers first (answering the registrar's MD5 challenge, which is all SIPp knows), then waits
 * as a UAS; a caller, user alice, is challenged with 407 and calls it through the proxy.
 */
class ProxyInteropIT {
  private static final String PASSWORD = "secret";
  private static final String DOMAIN = "127.0.0.1";

  @TempDir static Path data;
  static SipServer server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    Peers.require("sipp", "sip-tester");
    UserStore users = UserStore.open(data);
    for (String u : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina")) {
      users.add(u, DOMAIN, PASSWORD);
    }
    port = Peers.freeUdpPort();
    server =
        SipServer.start(
            TestConfigs.forMd5Clients(data, port, "udp")
                .set("registrar.min-expires", "1s", "test")
                .set("proxy.timer-c", "2s", "test")
                .build());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close(Duration.ZERO);
    }
  }

  @Test
  void callerIsChallengedThenCallsRegisteredCalleeWithRecordRoute() throws Exception {
    // RFC 3261 sections 16.6 item 4 and 16.12: ACK and BYE come back through the proxy.
    int uas = register("bob", 300);
    Peers.Background callee = uas("uas-answer.xml", uas, Map.of());
    assertPasses(caller("uac-call.xml", "bob", Map.of()));
    assertPasses(callee.finish(20));
    assertThat(server.proxy().activeContexts()).isZero();
  }

  @Test
  void cancelWhileRingingIsRelayedAs487() throws Exception {
    // RFC 3261 section 16.10.
    int uas = register("carol", 300);
    Peers.Background callee = uas("uas-cancelled.xml", uas, Map.of("@FINAL@", "487"));
    assertPasses(caller("uac-cancel.xml", "carol", Map.of()));
    assertPasses(callee.finish(20));
  }

  @Test
  void busyCalleeIs486Relayed() throws Exception {
    // RFC 3261 section 16.7 item 6.
    int uas = register("dave", 300);
    Peers.Background callee = uas("uas-busy.xml", uas, Map.of());
    assertPasses(caller("uac-reject.xml", "dave", Map.of("@STATUS@", "486")));
    assertPasses(callee.finish(20));
  }

  @Test
  void timerCCancelsTheBranchAndAnswers408() throws Exception {
    // RFC 3261 section 16.8: Timer C (2 s here) fires while the callee rings.
    int uas = register("erin", 300);
    Peers.Background callee = uas("uas-cancelled.xml", uas, Map.of("@FINAL@", "487"));
    assertPasses(caller("uac-reject.xml", "erin", Map.of("@STATUS@", "408")));
    assertPasses(callee.finish(20));
  }

  @Test
  void unknownUserGets404() throws Exception {
    // RFC 3261 section 16.5.
    assertPasses(caller("uac-reject.xml", "nobody", Map.of("@STATUS@", "404")));
  }

  @Test
  void knownUserWhoseBindingExpiredGets480() throws Exception {
    // RFC 3261 section 16.5: a known user without a binding is temporarily unavailable.
    register("frank", 1);
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (!server.location().lookup("sip:frank@" + DOMAIN).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertPasses(caller("uac-reject.xml", "frank", Map.of("@STATUS@", "480")));
  }

  @Test
  void forkedCallGetsThe200AndTheOtherBranchIsCancelled() throws Exception {
    // RFC 3261 section 16.7 item 4 and 10: the 2xx goes up at once, the ringing branch is cancelled.
    int busy = register("gina", 300);
    int answers = register("gina", 300);
    Peers.Background ringing = uas("uas-cancelled.xml", busy, Map.of("@FINAL@", "486"));
    Peers.Background answering = uas("uas-answer.xml", answers, Map.of());
    assertPasses(caller("uac-call.xml", "gina", Map.of()));
    assertPasses(answering.finish(20));
    assertPasses(ringing.finish(20));
  }

  @Test
  void requestLoopingBetweenTwoInstancesGets482() throws Exception {
    // RFC 3261 section 16.3 item 4 with RFC 5393: each instance sends loop.test to the other.
    int portA = Peers.freeUdpPort();
    int portB = Peers.freeUdpPort();
    Path dataA = Files.createDirectories(data.resolve("a"));
    Path dataB = Files.createDirectories(data.resolve("b"));
    SipServer a = loopInstance(portA, "a.test", portB, dataA);
    try {
      SipServer b = loopInstance(portB, "b.test", portA, dataB);
      try {
        Map<String, String> vars = Map.of("@TARGET@", "x@loop.test", "@CALLER_DOMAIN@", "elsewhere.test", "@STATUS@", "482");
        assertPasses(Peers.run(30, sipp(scenario("uac-reject-noauth.xml", vars), Peers.freeUdpPort(), portA)));
      } finally {
        b.close(Duration.ZERO);
      }
    } finally {
      a.close(Duration.ZERO);
    }
  }

  private static SipServer loopInstance(int port, String domain, int otherPort, Path dir) throws Exception {
    return SipServer.start(
        new ConfigBuilder()
            .listen(List.of("udp:127.0.0.1:" + port), "test")
            .domains(List.of(domain), "test")
            .set("data", dir.toString(), "test")
            .set("proxy.hosts", "loop.test=udp:127.0.0.1:" + otherPort, "test")
            .set("proxy.trusted-peers", "127.0.0.1", "test")
            .build());
  }

  /** Registers {@code user} from a fresh SIPp port, which is returned (the UAS listens there). */
  private static int register(String user, int expires) throws Exception {
    int local = Peers.freeUdpPort();
    Path sf = scenario("register.xml", Map.of("@EXPIRES@", Integer.toString(expires)));
    List<String> cmd = sipp(sf, local, port);
    cmd.addAll(List.of("-s", user, "-au", user, "-ap", PASSWORD));
    assertPasses(Peers.run(30, cmd));
    return local;
  }

  private static Peers.Background uas(String file, int local, Map<String, String> vars) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(vars);
    all.put("@PROXY_PORT@", Integer.toString(port));
    List<String> cmd = sipp(scenario(file, all), local, -1);
    Peers.Background b = Peers.start(cmd);
    try {
      Peers.awaitUdpBound(local, Duration.ofSeconds(5));
    } catch (IllegalStateException e) {
      b.process().destroyForcibly();
      throw new IllegalStateException(e.getMessage() + "\n" + b.finish(5).output(), e);
    }
    return b;
  }

  private static Peers.Run caller(String file, String callee, Map<String, String> vars) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(vars);
    all.putIfAbsent("@TARGET@", callee + "@[remote_ip]:[remote_port]");
    all.putIfAbsent("@CALLER_DOMAIN@", DOMAIN);
    all.put("@PROXY_PORT@", Integer.toString(port));
    List<String> cmd = sipp(scenario(file, all), Peers.freeUdpPort(), port);
    cmd.addAll(List.of("-au", "alice", "-ap", PASSWORD));
    return Peers.run(30, cmd);
  }

  /** SIPp for one call over UDP on 127.0.0.1, bounded in time; {@code remote} -1 for a UAS. */
  private static List<String> sipp(Path scenario, int local, int remote) {
    List<String> cmd = new ArrayList<>();
    cmd.add("sipp");
    if (remote > 0) {
      cmd.add("127.0.0.1:" + remote);
    }
    cmd.addAll(
        List.of(
            "-sf", scenario.toString(), "-i", "127.0.0.1", "-p", Integer.toString(local), "-t", "u1",
            "-m", "1", "-timeout", "20", "-timeout_error", "-recv_timeout", "8000", "-nostdin",
            "-trace_err", "-error_file", scenario.resolveSibling("errors-" + local + ".log").toString()));
    return cmd;
  }

  /** A scenario from the test resources with its placeholders filled in, as a file. */
  private static Path scenario(String name, Map<String, String> vars) throws IOException {
    String text;
    try (InputStream in = ProxyInteropIT.class.getResourceAsStream("/sipp/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> all = new java.util.HashMap<>(vars);
    all.putIfAbsent("@CALLER@", "alice");
    all.putIfAbsent("@CALLER_DOMAIN@", DOMAIN);
    for (Map.Entry<String, String> e : all.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    Path out = Files.createTempFile(data, name.replace(".xml", "-"), ".xml");
    Files.writeString(out, text);
    return out;
  }

  private static void assertPasses(Peers.Run run) {
    assertThat(run.exitCode()).as(run.output()).isZero();
  }
}
