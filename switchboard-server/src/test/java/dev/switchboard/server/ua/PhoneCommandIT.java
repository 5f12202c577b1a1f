// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.users.UserStore;
import dev.switchboard.media.audio.Goertzel;
import dev.switchboard.media.audio.PcmAudio;
import dev.switchboard.media.audio.ToneGenerator;
import dev.switchboard.media.audio.Wav;
import dev.switchboard.server.PeersAccess;
import dev.switchboard.server.SipServer;
import dev.switchboard.server.cli.SwitchboardCommand;
import dev.switchboard.server.config.ConfigBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code switchboard phone ...} run in-process against a Switchboard registrar: the answering
 * phone registers, prints a MESSAGE, answers and records; the calling phone plays a 1 kHz tone
 * that a Goertzel detector then finds in the recording. Failures print the status with its
 * meaning and exit 1; bad arguments exit 2 with one line.
 */
class PhoneCommandIT {
  @TempDir Path dir;
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
    server = SipServer.start(new ConfigBuilder()
        .listen(List.of("udp:127.0.0.1:" + port), "test")
        .set("data", data.toString(), "test")
        .domains(List.of("127.0.0.1"), "test")
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

  @Test
  void callerToneIsInTheCalleesRecordingAndMessagesArePrinted() throws Exception {
    Path tone = dir.resolve("tone.wav");
    Wav.write(tone, ToneGenerator.sine(1000, Duration.ofSeconds(2), 0.5, 8000));
    Path recording = dir.resolve("heard.wav");
    int bobPort = PeersAccess.freeUdpPort();
    Answering bob = answer(bobPort, "--record", recording.toString(), "--calls", "1");

    Run msg = phone("message", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice", "--text", "hello bob");
    assertThat(msg.exit()).as(msg.err()).isZero();
    assertThat(msg.out()).contains("delivered: 200 OK — the request succeeded");

    Run call = phone("call", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice",
        "--play", tone.toString(), "--duration", "2.5");
    assertThat(call.exit()).as(call.out() + call.err()).isZero();
    assertThat(call.out()).contains("180 Ringing", "connected: 200 OK", "playing", "hung up after");

    Run answered = bob.run().get(20, TimeUnit.SECONDS);
    assertThat(answered.exit()).as(answered.out() + answered.err()).isZero();
    assertThat(answered.out())
        .contains("message from sip:alice@127.0.0.1: hello bob")
        .contains("incoming call 1 from sip:alice@127.0.0.1")
        .contains("call 1 ended: the other side hung up")
        .contains("unregistered: 200 OK");

    PcmAudio heard = Wav.read(recording);
    assertThat(heard.durationMillis()).isGreaterThan(1500);
    assertThat(Goertzel.relativePower(heard, 1000)).isGreaterThan(0.5);
    assertThat(Goertzel.relativePower(heard, 1000)).isGreaterThan(10 * Goertzel.relativePower(heard, 700));
  }

  @Test
  void rejectedCallPrintsTheStatusAndItsMeaningAndExitsOne() throws Exception {
    int bobPort = PeersAccess.freeUdpPort();
    Answering bob = answer(bobPort, "--reject", "486");
    Run call = phone("call", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice", "--duration", "1");
    assertThat(call.exit()).isEqualTo(1);
    assertThat(call.err()).startsWith("call failed: 486 Busy Here — the callee");
    assertThat(bob.run().get(20, TimeUnit.SECONDS).exit()).isZero();
  }

  @Test
  void optionsPrintsAllowAcceptAndSupported() {
    Run r = phone("options", "sip:127.0.0.1:" + port);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("200 OK", "Allow: REGISTER", "Accept: application/sdp", "Supported: path");
  }

  @Test
  void registrationWithAWrongPasswordFails() {
    Run r = phone("answer", "--server", "127.0.0.1:" + port, "--user", "bob", "--password", "nope");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("registration failed: 40");
  }

  @Test
  void badArgumentsGetOneLineAndExitTwo() {
    Run notUri = phone("call", "bob", "--user", "alice");
    assertThat(notUri.exit()).isEqualTo(2);
    assertThat(notUri.err().strip()).doesNotContain("\n").contains("is not a SIP URI");

    Run noUser = phone("answer", "--server", "127.0.0.1:" + port, "--password", "x");
    assertThat(noUser.exit()).isEqualTo(2);
    assertThat(noUser.err().strip()).isEqualTo("switchboard phone answer: --user is required");

    Run badReject = phone("answer", "--server", "127.0.0.1:" + port, "--user", "bob", "--password", "x",
        "--reject", "200");
    assertThat(badReject.exit()).isEqualTo(2);

    Run missingFile = phone("call", "sip:bob@127.0.0.1", "--user", "alice", "--play", "/nonexistent.wav");
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(missingFile.err()).contains("no such readable file");

    Run unknown = phone("message", "sip:bob@127.0.0.1", "--user", "alice");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).doesNotContain("\n").contains("--text");
  }
}
