// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Corpus;
import dev.switchboard.server.config.ConfigBuilder;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 4475 / RFC 5118 message, byte-exact, sent over UDP to the running server: each gets
 * the response its manifest row expects for what this server is today (a registrar that
 * challenges every REGISTER, a UAS that answers OPTIONS to itself and a proxy for the rest), or
 * none where the RFC says to drop it; afterwards the server still answers. The server serves the corpus's
 * registrar domains, example.com and 2001:db8::10.
 *
 * <p>The messages name 192.0.2.0/24 hosts in their Via headers. The server adds {@code
 * received=127.0.0.1} (section 18.2.1), so its responses go to 127.0.0.1 at the sent-by port, where
 * this test listens. The build runs this inside a network namespace with only loopback.
 */
class ConformanceOverUdpIT {
  /**
   * What the proxy answers a request that nobody registered for (RFC 3261 section 16): a caller
   * from a served domain is challenged (407), an unknown user in a served domain gets 404, and an
   * anonymous request for another domain is refused (403, no open relay). The method is not
   * checked: a proxy forwards what it does not understand (section 16.1).
   */
  private static final Set<Integer> PROXIED = Set.of(403, 404, 407);

  /**
   * The response codes this server may answer with, where they differ from the manifest's: the
   * manifest names what a registrar, proxy or UA would say, and this server proxies every request
   * but REGISTER and OPTIONS for itself.
   */
  private static final Map<String, Set<Integer>> AS_SERVER =
      Map.ofEntries(
          Map.entry("invut.dat", PROXIED),
          Map.entry("sdp01.dat", PROXIED),
          // Unknown methods are proxied like any other.
          Map.entry("intmeth.dat", PROXIED),
          Map.entry("esc02.dat", PROXIED),
          // sip:[2001:db8::10:5070] names host 2001:db8::10:5070, a domain not served here.
          Map.entry("port-ambiguous.dat", Set.of(403)),
          // Section 16.3 item 3 lets a server answer an OPTIONS with Max-Forwards 0 itself, and
          // the source notes ask for exactly that.
          Map.entry("zeromf.dat", Set.of(200)),
          // A liberal reading accepts these; then normal processing decides, or a lazily parsed
          // header.
          Map.entry("baddate.dat", Set.of(400, 403, 404, 407)),
          // Valid-may-reject: 400, or normal processing (an OPTIONS for a user: proxied).
          Map.entry("badbranch.dat", Set.of(400, 403, 404, 407)),
          Map.entry("regbadct.dat", Set.of(400, 401)));

  @TempDir Path data;
  SipServer server;
  InetSocketAddress serverAddress;

  /**
   * A fresh server per message: several corpus messages share a branch and sent-by, so to one
   * server they would be retransmissions of each other (section 17.2.3), answered with the
   * earlier response.
   */
  @BeforeEach
  void start() throws Exception {
    int port = Peers.freeUdpPort();
    server =
        SipServer.start(
            new ConfigBuilder()
                .listen(List.of("udp:127.0.0.1:" + port), "test")
                .set("data", data.toString(), "test")
                .domains(List.of("example.com", "2001:db8::10"), "test")
                .build());
    serverAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  @AfterEach
  void stop() {
    server.close(Duration.ZERO);
  }

  static Stream<Corpus.Row> rows() throws Exception {
    return Corpus.rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void answersAsTheManifestSays(Corpus.Row row) throws Exception {
    byte[] wire = row.wireForm();
    String text = new String(wire, StandardCharsets.ISO_8859_1);
    boolean response = text.startsWith("SIP/");
    try (DatagramSocket socket = new DatagramSocket(null)) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), responsePort(text)));
      socket.send(new DatagramPacket(wire, wire.length, serverAddress));
      OptionalInt status = finalStatus(socket, response ? 500 : 5000, marker(text));
      if (response) {
        // A response matches no transaction here; it is dropped, never answered (section 18.1.2).
        assertThat(status).as("answer to a response " + row).isEmpty();
        return;
      }
      assertThat(status).as("response to " + row).isPresent();
      assertThat(expected(row, text)).as("status for " + row).contains(status.getAsInt());
    }
  }

  @Test
  void keepsAnsweringAfterTheWholeCorpus() throws Exception {
    for (Corpus.Row row : Corpus.rows()) {
      byte[] wire = row.wireForm();
      try (DatagramSocket s = new DatagramSocket()) {
        s.send(new DatagramPacket(wire, wire.length, serverAddress));
      }
    }
    String options =
        "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-after-corpus\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:test@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\n"
            + "Call-ID: after-corpus\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      byte[] b = String.format(options, s.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
      s.send(new DatagramPacket(b, b.length, serverAddress));
      assertThat(finalStatus(s, 5000, "after-corpus")).hasValue(200);
    }
  }

  private static Set<Integer> expected(Corpus.Row row, String text) {
    Set<Integer> override = AS_SERVER.get(row.file());
    if (override != null) {
      return override;
    }
    if (row.expected().equals("-")) {
      // Rows without a code: an error response of the server's choosing, or, for valid
      // messages, normal processing: 200 for an OPTIONS to the server itself (no user part), a
      // challenge for REGISTER (section 22.1: the registrar authenticates before anything else
      // changes), and what the proxy says for everything else.
      if (row.verdict().startsWith("invalid")) {
        return Set.of(400);
      }
      if (text.startsWith("REGISTER ")) {
        return Set.of(401);
      }
      String requestUri = text.substring(0, text.indexOf("\r\n")).split(" ")[1];
      return text.startsWith("OPTIONS ") && requestUri.indexOf('@') < 0 ? Set.of(200) : PROXIED;
    }
    return Set.copyOf(Stream.of(row.expected().split("\\|")).map(Integer::valueOf).toList());
  }

  private static final Pattern TOP_VIA =
      Pattern.compile(
          "(?im)^(?:via|v)\\s*:\\s*SIP\\s*/\\s*2\\.0\\s*/\\s*[a-z]+\\s+(\\[[^\\]]+\\]|[^\\s;:,]+)(?:\\s*:\\s*(\\d+))?");

  /** Where the server will answer: the top Via's sent-by port, or 5060 (section 18.2.2). */
  private static int responsePort(String text) {
    String head = text.split("\r\n\r\n", 2)[0].replaceAll("\r\n[ \t]+", " ");
    Matcher m = TOP_VIA.matcher(head);
    return m.find() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 5060;
  }

  private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)\\s*:\\s*(\\S+)");

  /**
   * Text that the response to this message carries: its Call-ID, or else (RFC 4475 insuf has
   * none) its top Via branch. Responses for other messages are ignored.
   */
  private static String marker(String text) {
    String head = text.split("\r\n\r\n", 2)[0];
    Matcher m = CALL_ID.matcher(head);
    if (m.find()) {
      return m.group(1);
    }
    Matcher b = BRANCH.matcher(head);
    return b.find() ? b.group(1) : head.substring(0, head.indexOf("\r\n"));
  }

  private static final Pattern BRANCH = Pattern.compile("branch=([^;,\\s]+)");

  /** The first final status received within {@code millis} for a response containing {@code marker}. */
  private static OptionalInt finalStatus(DatagramSocket socket, int millis, String marker)
      throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    byte[] buf = new byte[65536];
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return OptionalInt.empty();
      }
      socket.setSoTimeout((int) left);
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
      } catch (SocketTimeoutException e) {
        return OptionalInt.empty();
      }
      String msg = new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1);
      if (!msg.contains(marker)) {
        continue;
      }
      String line = msg.substring(0, Math.min(msg.length(), 16));
      if (line.startsWith("SIP/2.0 ") && line.length() >= 11) {
        int code = Integer.parseInt(line.substring(8, 11));
        if (code >= 200) {
          return OptionalInt.of(code);
        }
      }
    }
  }
}
