// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.users.UserStore;
import dev.switchboard.server.PeersAccess;
import dev.switchboard.server.SipServer;
import dev.switchboard.server.TestConfigs;
import dev.switchboard.server.cli.SwitchboardCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What the phone command ITs share: a Switchboard server with users alice and bob in domain
 * 127.0.0.1, a way to run {@code switchboard phone ...} in-process and capture its output, and a
 * {@code phone answer} running in the background.
 */
abstract class PhoneHarness {
  @TempDir protected Path dir;
  SipServer server;
  int port;

  /** One run of the command line, its output and exit code. */
  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    Path data = dir.resolve("data");
    java.nio.file.Files.createDirectories(data);
    try (UserStore users = UserStore.open(data)) {
      users.add("bob", "127.0.0.1", "bobpw");
      users.add("alice", "127.0.0.1", "alicepw");
    }
    port = PeersAccess.freeUdpPort();
    server = SipServer.start(TestConfigs.loopback(data, port, "udp")
        .build());
  }

  @AfterEach
  void stop() {
    server.close(Duration.ZERO);
  }

  static Run phone(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = SwitchboardCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "phone";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = cl.execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs {@code phone answer ...} in the background and waits until it is ready for calls. */
  record Answering(CompletableFuture<Run> run, StringWriter out) {}

  Answering answer(int listenPort, String... extra) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = SwitchboardCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> args = new java.util.ArrayList<>(List.of(
        "phone", "answer", "--server", "127.0.0.1:" + port, "--user", "bob", "--password", "bobpw",
        "--listen", "udp:127.0.0.1:" + listenPort, "--timeout", "30"));
    args.addAll(List.of(extra));
    CompletableFuture<Run> run = CompletableFuture.supplyAsync(
        () -> new Run(cl.execute(args.toArray(new String[0])), out.toString(), err.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!out.toString().contains("waiting for") && !run.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(out.toString()).as("answer is ready; err: " + err).contains("registered: 200 OK", "waiting for 1 call");
    return new Answering(run, out);
  }

}
