// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.config.ConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real peers ask the running server for its capabilities with OPTIONS (RFC 3261 section 11):
 * SIPp over UDP and TCP, and sipsak. Everything stays on 127.0.0.1.
 */
class OptionsInteropIT {
  @TempDir static Path data;
  static SipServer server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    port = Peers.freeUdpPort();
    server =
        SipServer.start(
            new ConfigBuilder()
                .listen(List.of("udp:127.0.0.1:" + port, "tcp:127.0.0.1:" + port), "test")
                .set("data", data.toString(), "test")
                .build());
  }

  @AfterAll
  static void stop() {
    server.close(Duration.ZERO);
  }

  private static List<String> sipp(String transport, int calls) {
    return List.of(
        "sipp", "127.0.0.1:" + port,
        "-sf", Peers.home().resolve("bench/sipp-options.xml").toString(),
        "-t", transport,
        "-m", Integer.toString(calls), "-r", "200", "-l", "50",
        "-timeout", "30", "-recv_timeout", "5000", "-nostdin");
  }

  @Test
  void sippGets200ForEveryOptionsOverUdp() throws Exception {
    Peers.require("sipp", "sip-tester");
    Peers.Run r = Peers.run(60, sipp("u1", 500));
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void sippGets200ForEveryOptionsOverTcp() throws Exception {
    Peers.require("sipp", "sip-tester");
    Peers.Run r = Peers.run(60, sipp("t1", 500));
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void sipsakOptionsPingSucceeds() throws Exception {
    Peers.require("sipsak", "sipsak");
    // sipsak binds 5060 by default, which may be ours: give it a port of its own.
    Peers.Run r =
        Peers.run(
            30,
            List.of("sipsak", "-s", "sip:127.0.0.1:" + port, "-l", Integer.toString(Peers.freeUdpPort()), "-vv"));
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SIP/2.0 200 OK", "Server: Switchboard/");
    assertThat(r.output()).containsPattern("Allow: [A-Z, ]*OPTIONS");
  }
}
