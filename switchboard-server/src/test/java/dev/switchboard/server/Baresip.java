// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real baresip 1.0.0 user agent (Debian package {@code baresip-core}) that a test drives over
 * baresip's {@code ctrl_tcp} channel: netstring-framed JSON commands in, JSON responses and events
 * (REGISTER_OK, CALL_ESTABLISHED, CALL_CLOSED, ...) out.
 *
 * <p>Each instance runs in a temporary folder that holds its generated {@code config} and empty
 * {@code accounts}; accounts are added at run time with {@link #add(Account)}, after the control
 * channel is connected, so that no event is missed. The SIP port is on 127.0.0.1 only, for UDP and
 * TCP. baresip's own output, with a trace of every SIP message it sends and receives, goes to
 * {@code baresip.log} in that folder; {@link #logTail()} is included in every failure message.
 *
 * <p>The binary is {@code baresip} on the PATH, or the system property {@value #BINARY_PROPERTY}.
 * Without it the test is skipped, or fails under CI (as {@link Peers#require} does).
 *
 * <p>Not thread-safe: one test thread drives an instance; events arrive on a reader thread.
 */
final class Baresip implements AutoCloseable {
  /** System property naming the baresip binary; {@code baresip} on the PATH by default. */
  static final String BINARY_PROPERTY = "switchboard.baresip";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
  // baresip quits by itself after this long (its -t option), so that an instance leaked by a
  // killed test JVM cannot outlive the build.
  private static final int MAX_LIFETIME_SECONDS = 600;

  /**
   * One SIP account: a line of baresip's {@code accounts} file.
   *
   * @param user the user part of the AOR, also the digest username
   * @param domain the AOR's host[:port]; without {@code outbound} requests go there directly
   * @param password the digest password, or null for none
   * @param transport {@code udp} or {@code tcp}
   * @param regint the registration interval asked for, in seconds; 0 for no REGISTER at all
   * @param autoAnswer whether incoming calls are answered at once
   * @param outbound an outbound proxy URI every request is sent through, or null
   */
  record Account(
      String user,
      String domain,
      String password,
      String transport,
      int regint,
      boolean autoAnswer,
      String outbound) {

    /** {@code sip:user@domain} over UDP, registering every 600 s, answering manually. */
    static Account of(String user, String domain, String password) {
      return new Account(user, domain, password, "udp", 600, false, null);
    }

    Account tcp() {
      return new Account(user, domain, password, "tcp", regint, autoAnswer, outbound);
    }

    Account withRegint(int seconds) {
      return new Account(user, domain, password, transport, seconds, autoAnswer, outbound);
    }

    Account withAutoAnswer() {
      return new Account(user, domain, password, transport, regint, true, outbound);
    }

    /** Sends every request to {@code proxyUri} (a preloaded Route) instead of to the domain. */
    Account withOutbound(String proxyUri) {
      return new Account(user, domain, password, transport, regint, autoAnswer, proxyUri);
    }

    /** The address of record, as baresip reports it in events ({@code accountaor}). */
    String aor() {
      return "sip:" + user + "@" + domain;
    }

    /** The {@code accounts} line (also what the {@code uanew} command takes). */
    String line() {
      StringBuilder b = new StringBuilder("<").append(aor());
      if (!transport.equals("udp")) {
        // The transport is a URI parameter of the AOR; the Request-URI of REGISTER gets it too.
        b.append(";transport=").append(transport);
      }
      b.append(">");
      if (password != null) {
        b.append(";auth_pass=").append(password);
      }
      // regint=0 makes baresip not register at all (for calls straight between user agents).
      b.append(";regint=").append(regint);
      // auto: answer at once (180 then 200); the callee then emits no CALL_INCOMING event.
      // manual: 180 and CALL_INCOMING, then accept() answers.
      b.append(";answermode=").append(autoAnswer ? "auto" : "manual");
      if (outbound != null) {
        String proxy = transport.equals("udp") ? outbound : outbound + ";transport=" + transport;
        b.append(";outbound=\"").append(proxy).append("\"");
      }
      return b.toString();
    }
  }

  /**
   * One event from baresip.
   *
   * @param type for example {@code REGISTER_OK}, {@code CALL_INCOMING}, {@code CALL_ESTABLISHED}
   * @param accountAor the account it concerns
   * @param peerUri the other party of a call event, or null
   * @param param the event's detail: a status line for REGISTER_FAIL, the reason for CALL_CLOSED
   * @param json the whole event
   */
  record Event(String type, String accountAor, String peerUri, String param, String json) {}

  private final Path dir;
  private final Path log;
  private final int sipPort;
  private final Process process;
  private final Socket control;
  private final OutputStream controlOut;
  private final Thread reader;
  private final AtomicInteger tokens = new AtomicInteger();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Event> history = new ArrayList<>(); // Guarded by itself.
  private final List<Event> unclaimed = new ArrayList<>(); // Guarded by history.
  private volatile String controlError;

  private Baresip(Path dir, Path log, int sipPort, Process process, Socket control)
      throws IOException {
    this.dir = dir;
    this.log = log;
    this.sipPort = sipPort;
    this.process = process;
    this.control = control;
    this.controlOut = control.getOutputStream();
    this.reader = new Thread(this::readControl, "baresip-ctrl-" + sipPort);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts baresip with no account, in {@code dir} (created if missing; use a fresh temporary
   * folder per instance), and connects to its control channel.
   */
  static Baresip start(Path dir) throws IOException, InterruptedException {
    String binary = binary();
    Files.createDirectories(dir);
    // Both ports are only probed free here; baresip binds them a moment later. SIP needs the port
    // free for UDP and TCP alike, since baresip listens on both.
    int sipPort = freeUdpAndTcpPort();
    int controlPort = freeTcpPort();
    Files.writeString(dir.resolve("config"), config(sipPort, controlPort));
    Files.writeString(dir.resolve("accounts"), "");
    Path log = dir.resolve("baresip.log");
    Process process =
        new ProcessBuilder(
                binary,
                "-f", dir.toString(), // our config folder, not ~/.baresip
                "-s", // trace every SIP message into the log
                "-t", Integer.toString(MAX_LIFETIME_SECONDS))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 1000);
        return new Baresip(dir, log, sipPort, process, s);
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
          throw new AssertionError(
              "baresip did not open its control port "
                  + controlPort
                  + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")")
                  + "\n"
                  + tail(log));
        }
        Thread.sleep(50);
      }
    }
  }

  /** The generated {@code config}. */
  private static String config(int sipPort, int controlPort) {
    return String.join(
        "\n",
        "# Generated by Baresip.java for one integration test.",
        "poll_method\t\tepoll",
        // Without this, in a network namespace that has only loopback, baresip finds no local
        // address and every REGISTER fails with "Protocol not supported". An interface name
        // ("lo") does not work in 1.0.0; the address does.
        "net_interface\t\t127.0.0.1",
        "sip_listen\t\t127.0.0.1:" + sipPort,
        // Never look a name up off this machine; the tests use IP literals only.
        "dns_server\t\t127.0.0.1:53",
        "call_local_timeout\t30",
        "call_max_calls\t\t4",
        // No sound card: aubridge is an in-process audio device whose player feeds its source,
        // so the call's RTP flows both ways (baresip reports CALL_RTPESTAB) with no hardware.
        "audio_player\t\taubridge,call",
        "audio_source\t\taubridge,call",
        // Ring and ringback tones go to a device of their own: a second player on the call's
        // bridge device stops the caller's audio (it then sends no RTP at all).
        "audio_alert\t\taubridge,alert",
        "ringback_disabled\tyes",
        "rtp_ports\t\t20000-29999",
        "module_path\t\t/usr/lib/baresip/modules",
        "module\t\t\tg711.so", // PCMU/PCMA, what every peer offers
        "module\t\t\taubridge.so",
        // uuid.so keeps a UUID in the folder for the Contact's +sip.instance, as real installs
        // do; account.so reads the accounts file (empty here: see add()).
        "module_tmp\t\tuuid.so",
        "module_tmp\t\taccount.so",
        // menu.so provides the commands (dial, accept, hangup, uanew, reginfo) and auto-answer;
        // ctrl_tcp.so carries them and the events. Not stdio.so: it needs a terminal on stdin.
        "module_app\t\tmenu.so",
        "module_app\t\tctrl_tcp.so",
        "ctrl_tcp_listen\t\t127.0.0.1:" + controlPort,
        "");
  }

  private static String binary() {
    String configured = System.getProperty(BINARY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) {
        throw new IllegalStateException(
            BINARY_PROPERTY + "=" + configured + " is not an executable file");
      }
      return configured;
    }
    Peers.require("baresip", "baresip-core");
    if (!Files.isDirectory(Path.of("/usr/lib/baresip/modules"))) {
      Assumptions.abort("baresip modules not found in /usr/lib/baresip/modules");
    }
    return "baresip";
  }

  /** The SIP port baresip listens on, UDP and TCP, on 127.0.0.1. */
  int sipPort() {
    return sipPort;
  }

  /** The folder with the config, the accounts and the log. */
  Path dir() {
    return dir;
  }

  /**
   * Adds {@code account} (baresip's {@code uanew}); with a regint it starts registering at once:
   * follow with {@link #awaitRegistered}.
   */
  Baresip add(Account account) {
    command("uanew", account.line());
    return this;
  }

  /**
   * Waits for {@code REGISTER_OK} of {@code account}. Fails at once on {@code REGISTER_FAIL}, with
   * what baresip got (for example {@code 403 Forbidden}, or {@code Function not implemented} for a
   * challenge it cannot answer).
   */
  Event awaitRegistered(Account account, Duration timeout) {
    return awaitRegistered(account.aor(), timeout);
  }

  /** Like {@link #awaitRegistered(Account, Duration)}, for whichever account registers first. */
  Event awaitRegistered(Duration timeout) {
    return awaitRegistered((String) null, timeout);
  }

  private Event awaitRegistered(String aor, Duration timeout) {
    Event e = awaitAny(List.of("REGISTER_OK", "REGISTER_FAIL"), aor, timeout);
    if (e.type().equals("REGISTER_FAIL")) {
      throw new AssertionError(
          "registration of " + e.accountAor() + " failed: " + e.param() + "\n" + logTail());
    }
    return e;
  }

  /** Calls {@code uri} from the current account (keep to one account per instance). */
  void dial(String uri) {
    command("dial", uri);
  }

  /** Answers the current incoming call (for accounts without auto-answer). */
  void accept() {
    command("accept", null);
  }

  /** Hangs up the current call. */
  void hangup() {
    command("hangup", null);
  }

  /**
   * Runs a baresip command ({@code help} lists them) and returns its output.
   *
   * @throws AssertionError if baresip does not answer in time or reports a failure
   */
  String command(String command, String params) {
    String token = Integer.toString(tokens.incrementAndGet());
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    pending.put(token, response);
    var json = JSON.createObjectNode().put("command", command).put("token", token);
    if (params != null) {
      json.put("params", params);
    }
    try {
      byte[] body = JSON.writeValueAsBytes(json);
      synchronized (controlOut) {
        // A netstring: length, colon, bytes, comma.
        controlOut.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        controlOut.write(body);
        controlOut.write(',');
        controlOut.flush();
      }
      JsonNode r = response.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!r.path("ok").asBoolean()) {
        throw new AssertionError("baresip: " + command + " failed: " + r + "\n" + logTail());
      }
      return r.path("data").asText("");
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new AssertionError("baresip: " + command + ": no answer (" + e + ")\n" + logTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      pending.remove(token);
    }
  }

  /**
   * Waits for the next event of {@code type} not yet returned by an await method, and returns it.
   * Events of other types stay available to later calls.
   */
  Event awaitEvent(String type, Duration timeout) {
    return awaitAny(List.of(type), null, timeout);
  }

  private Event awaitAny(List<String> types, String aor, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (history) {
      while (true) {
        for (Iterator<Event> it = unclaimed.iterator(); it.hasNext(); ) {
          Event e = it.next();
          if (types.contains(e.type()) && (aor == null || aor.equals(e.accountAor()))) {
            it.remove();
            return e;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !reader.isAlive()) {
          throw new AssertionError(
              "baresip: no "
                  + String.join(" or ", types)
                  + (aor == null ? "" : " for " + aor)
                  + " within "
                  + timeout
                  + "; events so far: "
                  + history.stream().map(Event::type).toList()
                  + (controlError == null ? "" : "; control channel: " + controlError)
                  + "\n"
                  + logTail());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(history, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  /** Every event so far, oldest first. */
  List<Event> events() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** The last 60 lines of baresip's output and SIP trace. */
  String logTail() {
    return tail(log);
  }

  private static String tail(Path log) {
    try {
      // Latin-1 decodes any bytes, so a stray non-UTF-8 byte cannot hide the log.
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      // The SIP trace is coloured with ANSI escapes; strip them for readable assertion messages.
      List<String> last = lines.subList(Math.max(0, lines.size() - 60), lines.size());
      return "--- tail of " + log + " ---\n"
          + String.join("\n", last).replaceAll("\u001B\\[[0-9;]*m", "");
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Reads netstrings from the control channel until it closes. */
  private void readControl() {
    try (InputStream in = new BufferedInputStream(control.getInputStream())) {
      while (true) {
        int length = 0;
        int c;
        while ((c = in.read()) != ':') {
          if (c < '0' || c > '9') {
            return; // end of stream, or not a netstring: nothing more we can read
          }
          length = length * 10 + (c - '0');
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length || in.read() != ',') {
          return;
        }
        dispatch(JSON.readTree(body));
      }
    } catch (IOException e) {
      // Usually the channel closed (baresip stopped, or close() closed it); kept for the
      // failure message in case it was something else, such as a message that is not JSON.
      controlError = e.toString();
    } finally {
      synchronized (history) {
        history.notifyAll();
      }
    }
  }

  private void dispatch(JsonNode message) {
    if (message.path("response").asBoolean()) {
      CompletableFuture<JsonNode> f = pending.get(message.path("token").asText());
      if (f != null) {
        f.complete(message);
      }
    } else if (message.path("event").asBoolean()) {
      Event e =
          new Event(
              message.path("type").asText(),
              text(message, "accountaor"),
              text(message, "peeruri"),
              text(message, "param"),
              message.toString());
      synchronized (history) {
        history.add(e);
        unclaimed.add(e);
        history.notifyAll();
      }
    }
  }

  private static String text(JsonNode message, String field) {
    JsonNode v = message.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * Stops baresip: SIGTERM first, on which it unregisters every account (so close it before the
   * server it registered with), then SIGKILL if it has not exited within two seconds; with its
   * registrar gone it would otherwise retransmit the un-REGISTER for 32 s.
   */
  @Override
  public void close() throws InterruptedException {
    try {
      control.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    process.destroy();
    if (!process.waitFor(2, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    reader.join(1000);
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int freeUdpAndTcpPort() throws IOException {
    for (int i = 0; i < 20; i++) {
      int port = Peers.freeUdpPort();
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException inUseForTcp) {
        // Try another.
      }
    }
    throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
  }

  @Override
  public String toString() {
    return "baresip on 127.0.0.1:" + sipPort + " in " + dir;
  }
}
