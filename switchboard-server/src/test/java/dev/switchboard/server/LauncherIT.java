// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.core.users.UserStore;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real {@code bin/switchboard} launcher as an operator would: help, a mistyped flag, a
 * bad config file, a taken port, {@code explain}, and a server that starts, answers OPTIONS over
 * UDP and stops cleanly on SIGTERM. Everything stays on 127.0.0.1.
 *
 * <p>Faults are checked to come out as exactly one line on stderr: no stack trace, no usage text.
 * The launcher may first rebuild its jar when the sources are newer, and says so on stderr; that
 * notice is not the command's output and is left out of the line count (the class warms the
 * launcher up once so that it normally does not happen during a test).
 */
class LauncherIT {
  private static final String BUILD_NOTICE = "switchboard: building ";
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  /** The outcome of one launcher run. */
  record Result(int exitCode, String out, String err) {
    /** The stderr lines, without the launcher's own build notice. */
    List<String> errLines() {
      return err.lines().filter(l -> !l.startsWith(BUILD_NOTICE)).collect(Collectors.toList());
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private static Path launcher() {
    return Peers.home().resolve("bin/switchboard");
  }

  @BeforeAll
  static void launcherIsBuilt() throws Exception {
    // The first run builds the jar when it is missing or stale, which may take a while.
    Path work = Files.createTempDirectory("launcher");
    Result r;
    try {
      r = run(work, Map.of(), 300, "--version");
    } finally {
      Files.delete(work);
    }
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.out()).startsWith("switchboard ");
  }

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : started) {
      stop(p);
    }
  }

  @Nested
  class Help {
    @Test
    void topLevelHelpNamesTheCommands() throws Exception {
      Result r = run("--help");
      assertThat(r.exitCode()).as("%s", r).isZero();
      assertThat(r.out()).contains("Usage: switchboard", "serve", "explain");
      assertThat(r.errLines()).as("%s", r).isEmpty();
    }

    @Test
    void serveHelpNamesListen() throws Exception {
      Result r = run("serve", "--help");
      assertThat(r.exitCode()).as("%s", r).isZero();
      assertThat(r.out()).contains("Usage: switchboard serve", "--listen", "--data", "--config");
      assertThat(r.errLines()).as("%s", r).isEmpty();
    }
  }

  @Nested
  class BadArguments {
    @Test
    void unknownFlagIsOneLineNamingIt() throws Exception {
      Result r = run("serve", "--bogus");
      assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
      assertThat(r.errLines()).as("%s", r).singleElement().asString().contains("--bogus");
      assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownTransportInListenIsOneLine() throws Exception {
      Result r = run("serve", "--listen", "foo:1.2.3.4:5", "--data", dir.resolve("data").toString());
      assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
      assertThat(r.errLines()).as("%s", r).singleElement().asString().contains("--listen", "foo:1.2.3.4:5");
    }

    @Test
    void badPortInConfigFileIsOneLineNamingFileAndSetting() throws Exception {
      Path config = Files.writeString(dir.resolve("bad-port.yaml"), "listen: [udp:127.0.0.1:notaport]\n");
      Result r = run("serve", "--config", config.toString(), "--data", dir.resolve("data").toString());
      assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
      assertThat(r.errLines())
          .as("%s", r)
          .singleElement()
          .asString()
          .contains("bad-port.yaml", "listen", "notaport");
    }

    @Test
    void unknownKeyInConfigFileIsOneLineNamingIt() throws Exception {
      Path config = Files.writeString(dir.resolve("typo.yaml"), "lisen: [udp:127.0.0.1:5060]\n");
      Result r = run("serve", "--config", config.toString(), "--data", dir.resolve("data").toString());
      assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
      assertThat(r.errLines()).as("%s", r).singleElement().asString().contains("typo.yaml", "'lisen'");
    }
  }

  @Nested
  class Explain {
    @Test
    void explainsBusyHere() throws Exception {
      Result r = run("explain", "486");
      assertThat(r.exitCode()).as("%s", r).isZero();
      assertThat(r.out()).startsWith("486 Busy Here");
    }

    @Test
    void explainsBusyHereInChinese() throws Exception {
      // Under a non-UTF-8 locale (LANG=C) Java 17 writes the Chinese as '?': run with a UTF-8 one,
      // as an operator reading Chinese would have.
      // LC_ALL=C: the output is UTF-8 whatever the locale says.
      Result r = run(dir, Map.of("LC_ALL", "C"), 60, "explain", "486", "--lang", "zh");
      assertThat(r.exitCode()).as("%s", r).isZero();
      assertThat(r.out()).startsWith("486 Busy Here").contains("本端忙").containsPattern("\\p{IsHan}{10}");
    }

    @Test
    void codeOutOfRangeIsOneLineAndExit2() throws Exception {
      Result r = run("explain", "700");
      assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
      assertThat(r.errLines()).as("%s", r).singleElement().asString().contains("700");
      assertThat(r.out()).isEmpty();
    }
  }

  @Nested
  class Serve {
    @Test
    void answersOptionsThenStopsOnSigterm() throws Exception {
      int port = Peers.freeUdpPort();
      Path config = Files.writeString(dir.resolve("switchboard.yaml"), "shutdown-grace: 1s\n");
      Path err = dir.resolve("stderr.log");
      Process p =
          start(
              err,
              Map.of(),
              "serve",
              "--listen", "udp:127.0.0.1:" + port,
              "--listen", "tcp:127.0.0.1:" + port,
              "--data", dir.resolve("data").toString(),
              "--config", config.toString());
      try {
        String response = awaitOptionsAnswer(p, port, err, 30_000);
        // The launcher execs the JVM (by now, as the server answers), so the PID we hold, which
        // SIGTERM goes to, is the server's.
        Path procCmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        String cmdline = Files.readString(procCmdline).replace('\0', ' ');
        assertThat(cmdline).contains("java").contains("switchboard.jar");
        assertThat(response).startsWith("SIP/2.0 200 ");
        assertThat(header(response, "Allow")).hasValueSatisfying(v -> assertThat(v).contains("OPTIONS"));
        assertThat(header(response, "Server"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("Switchboard/"));
        try (Socket tcp = new Socket()) {
          tcp.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
        }
        assertThat(Files.isDirectory(dir.resolve("data"))).isTrue();

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited within 15 s of SIGTERM").isTrue();
        String log = Files.readString(err);
        assertThat(log).contains("Switchboard listening on").contains("Switchboard stopped");
        assertThat(log).doesNotContain("Exception");
      } finally {
        stop(p);
      }
    }

    @Test
    void registrationAnsweredMoreThanASecondBeforeKill9Survives() throws Exception {
      // Issue 4: after a crash at most the last second of changes may be lost; the location
      // store writes behind every 500 ms.
      Peers.require("sipsak", "sipsak");
      Path data = Files.createDirectories(dir.resolve("data"));
      try (UserStore users = UserStore.open(data)) {
        users.add("alice", "127.0.0.1", "secret");
      }
      int port = Peers.freeUdpPort();
      Path err = dir.resolve("stderr.log");
      Process p =
          start(
              err,
              Map.of(),
              "serve",
              "--listen", "udp:127.0.0.1:" + port,
              "--data", data.toString(),
              "--domain", "127.0.0.1",
              "--set", "auth.algorithms=MD5");
      try {
        awaitOptionsAnswer(p, port, err, 30_000);
        int contactPort = Peers.freeUdpPort();
        Peers.Run r =
            Peers.run(
                30,
                List.of(
                    "sipsak", "-U", "-i", "-C", "sip:alice@127.0.0.1:" + contactPort,
                    "-s", "sip:alice@127.0.0.1:" + port, "-u", "alice", "-a", "secret",
                    "-x", "600", "-l", Integer.toString(contactPort)));
        assertThat(r.exitCode()).as(r.output()).isZero();
        Thread.sleep(1_100);
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        try (LocationService location = LocationService.open(data, Clock.systemUTC())) {
          assertThat(location.lookup("sip:alice@127.0.0.1"))
              .extracting(Binding::contact)
              .containsExactly("sip:alice@127.0.0.1:" + contactPort);
        }
      } finally {
        stop(p);
      }
    }

    @Test
    void portInUseIsOneLineAndNonZeroExit() throws Exception {
      try (DatagramSocket taken = new DatagramSocket(0, LOOPBACK)) {
        int port = taken.getLocalPort();
        Path err = dir.resolve("stderr.log");
        Process p =
            start(
                err,
                Map.of(),
                "serve",
                "--listen", "udp:127.0.0.1:" + port,
                "--data", dir.resolve("data").toString());
        try {
          assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("gave up within 30 s").isTrue();
          Result r = new Result(p.exitValue(), "", Files.readString(err));
          assertThat(r.exitCode()).as("%s", r).isNotZero();
          assertThat(r.errLines())
              .as("%s", r)
              .singleElement()
              .asString()
              .contains("udp:127.0.0.1:" + port, "address already in use");
        } finally {
          stop(p);
        }
      }
    }
  }

  /**
   * Sends OPTIONS from a fresh socket until the server answers, the process dies or {@code
   * millis} pass; each try has its own branch and Call-ID. Returns the response text.
   */
  private static String awaitOptionsAnswer(Process p, int port, Path err, long millis) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try (DatagramSocket s = new DatagramSocket(0, LOOPBACK)) {
      s.setSoTimeout(250);
      for (int attempt = 1; ; attempt++) {
        assertThat(p.isAlive()).as("server exited early:\n%s", Files.readString(err)).isTrue();
        assertThat(System.nanoTime() < deadline)
            .as("no answer to OPTIONS within %d ms:\n%s", millis, Files.readString(err))
            .isTrue();
        String callId = "launcher-it-" + attempt + "@127.0.0.1";
        byte[] req = options(port, s.getLocalPort(), attempt, callId).getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(req, req.length, new InetSocketAddress(LOOPBACK, port)));
        byte[] buf = new byte[65_536];
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        try {
          while (true) {
            s.receive(in);
            String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
            if (header(text, "Call-ID").orElse("").equals(callId)) {
              return text;
            }
          }
        } catch (SocketTimeoutException notYet) {
          // Not listening yet, or the answer is late: try again with a new transaction.
        }
      }
    }
  }

  private static String options(int port, int localPort, int attempt, String callId) {
    return "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-launcher-" + attempt + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:operator@127.0.0.1>;tag=op" + attempt + "\r\n"
        + "To: <sip:127.0.0.1:" + port + ">\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Accept: application/sdp\r\n"
        + "Content-Length: 0\r\n"
        + "\r\n";
  }

  /** The value of the first header line called {@code name} (long form), if any. */
  private static Optional<String> header(String message, String name) {
    return message
        .lines()
        .takeWhile(l -> !l.isEmpty())
        .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
        .map(l -> l.substring(name.length() + 1).trim())
        .findFirst();
  }

  private Result run(String... args) throws Exception {
    return run(dir, Map.of(), 60, args);
  }

  /** Runs the launcher to completion in {@code work}, killing it after {@code seconds}. */
  private static Result run(Path work, Map<String, String> env, int seconds, String... args)
      throws Exception {
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    Process p = builder(work, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(p.waitFor(seconds, TimeUnit.SECONDS))
          .as("%s finished within %d s", List.of(args), seconds)
          .isTrue();
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      stop(p);
      Files.delete(out);
      Files.delete(err);
    }
  }

  /** Starts a long-running launcher with stderr going to {@code err}; stopped after the test. */
  private Process start(Path err, Map<String, String> env, String... args) throws IOException {
    Process p =
        builder(dir, env, args)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .redirectError(err.toFile())
            .start();
    started.add(p);
    return p;
  }

  private static ProcessBuilder builder(Path work, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
    pb.environment().putAll(env);
    return pb;
  }

  /**
   * SIGTERM, then SIGKILL if it is still there after 10 s; a no-op for a finished process. Any
   * children go too, by PID: should the launcher ever fork the JVM instead of exec'ing it, the
   * server would otherwise outlive the test.
   */
  private static void stop(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().collect(Collectors.toList());
    if (p.isAlive()) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    for (ProcessHandle child : children) {
      child.destroyForcibly();
    }
  }
}
