// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the real SIP peers the integration tests use (SIPp, sipsak) and finds free ports. */
final class Peers {
  private Peers() {}

  /** The project's root folder (set by the build), where bin/ and bench/ are. */
  static Path home() {
    return Path.of(System.getProperty("switchboard.home", "..")).toAbsolutePath().normalize();
  }

  /**
   * Requires {@code tool} on the PATH: under CI its absence fails the test (the test command
   * installs it), elsewhere the test is skipped with a message naming it.
   */
  static void require(String tool, String debianPackage) {
    boolean found =
        List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")).stream()
            .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    if (!found) {
      String msg = tool + " not found; install Debian package " + debianPackage;
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(msg);
      }
      Assumptions.abort(msg);
    }
  }

  /** A UDP port free on 127.0.0.1 right now. */
  static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The result of a finished process. */
  record Run(int exitCode, String output) {}

  /** A peer started in the background ({@link #start}). */
  record Background(Process process, Path output, List<String> command) {
    /** Waits up to {@code seconds} for it to end, then kills it; its output either way. */
    Run finish(int seconds) throws IOException, InterruptedException {
      try {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          return new Run(-1, command + " did not finish within " + seconds + " s\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
      } finally {
        Files.deleteIfExists(output);
      }
    }
  }

  /** Starts a command in the background, output and errors together. */
  static Background start(List<String> command) throws IOException {
    Path out = Files.createTempFile("peer", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    return new Background(p, out, command);
  }

  /**
   * Waits until something is bound to UDP {@code port} (a peer started listening), reading
   * /proc/net/udp: probing by binding the port would steal it from the peer.
   */
  static void awaitUdpBound(int port, Duration within) throws InterruptedException, IOException {
    String hex = String.format(":%04X ", port);
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(l -> l.contains(hex))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("nothing bound to udp port " + port + " within " + within);
  }

  /** Runs a command to completion within {@code seconds}, output and errors together. */
  static Run run(int seconds, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("peer", ".log");
    try {
      Process p =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        assertThat(false).as("%s did not finish within %d s", command, seconds).isTrue();
      }
      return new Run(p.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
