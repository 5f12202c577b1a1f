// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.DigestClient;
import dev.switchboard.core.location.Binding;
import dev.switchboard.core.users.UserStore;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.server.config.ConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source notes' registration flow against the running server over real loopback sockets:
 * REGISTER, 401 with a challenge, REGISTER with credentials, 200, binding stored (RFC 3261 section
 * 10.3). The client is sipsak over UDP, and a plain TCP socket driven by {@link DigestClient}.
 */
class RegistrarIT {
  @TempDir Path data;
  SipServer server;
  int port;

  @BeforeEach
  void start() throws Exception {
    try (UserStore users = UserStore.open(data)) {
      users.add("alice", "127.0.0.1", "secret");
    }
    port = Peers.freeUdpPort();
    server = startServer();
  }

  /**
   * sipsak answers only the first challenge and knows MD5 only, so the server offers MD5 alone
   * here (auth.algorithms); SHA-256-first challenges are covered by the TCP test.
   */
  private SipServer startServer() throws Exception {
    return SipServer.start(
        TestConfigs.forMd5Clients(data, port, "udp", "tcp").build());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close(Duration.ZERO);
    }
  }

  private Peers.Run sipsakRegister(String password, int contactPort, int seconds) throws Exception {
    Peers.require("sipsak", "sipsak");
    return Peers.run(
        30,
        List.of(
            "sipsak", "-U", "-i", "-vv",
            "-C", "sip:alice@127.0.0.1:" + contactPort,
            "-s", "sip:alice@127.0.0.1:" + port,
            "-u", "alice", "-a", password,
            "-x", Integer.toString(seconds),
            "-l", Integer.toString(contactPort)));
  }

  @Test
  void sipsakRegistersWithAPasswordAndTheBindingIsStored() throws Exception {
    int contactPort = Peers.freeUdpPort();
    Peers.Run r = sipsakRegister("secret", contactPort, 600);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).as("challenged, then registered").contains("authorizing", "OK");
    List<Binding> bindings = server.location().lookup("sip:alice@127.0.0.1");
    assertThat(bindings).extracting(Binding::contact).contains("sip:alice@127.0.0.1:" + contactPort);
    Binding b = bindings.get(0);
    assertThat(b.flow().transport()).isEqualTo("UDP");
    assertThat(b.flow().listener()).isEqualTo("127.0.0.1:" + port);
  }

  @Test
  void sipsakWithAWrongPasswordIsNotRegistered() throws Exception {
    Peers.Run r = sipsakRegister("wrong", Peers.freeUdpPort(), 600);
    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(server.location().lookup("sip:alice@127.0.0.1")).isEmpty();
  }

  @Test
  void withoutDomainsTheServerIsLocalhostReachedByItsAddress() throws Exception {
    // The user command's default domain is localhost; a client that writes the server's address
    // registers into it.
    server.close(Duration.ZERO);
    try (UserStore users = UserStore.open(data)) {
      users.add("carol", "localhost", "pw");
    }
    server =
        SipServer.start(
            new ConfigBuilder()
                .listen(List.of("udp:127.0.0.1:" + port), "test")
                .set("data", data.toString(), "test")
                .set("auth.algorithms", "MD5", "test")
                .build());
    int contactPort = Peers.freeUdpPort();
    Peers.Run r =
        Peers.run(
            30,
            List.of(
                "sipsak", "-U", "-i", "-C", "sip:carol@127.0.0.1:" + contactPort,
                "-s", "sip:carol@127.0.0.1:" + port, "-u", "carol", "-a", "pw", "-x", "600",
                "-l", Integer.toString(contactPort)));
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(server.location().lookup("sip:carol@localhost")).hasSize(1);
  }

  @Test
  void registrationSurvivesARestartWithItsRemainingExpiry() throws Exception {
    int contactPort = Peers.freeUdpPort();
    assertThat(sipsakRegister("secret", contactPort, 600).exitCode()).isZero();
    server.close(Duration.ofSeconds(1));
    server = startServer();
    List<Binding> bindings = server.location().lookup("sip:alice@127.0.0.1");
    assertThat(bindings).extracting(Binding::contact).containsExactly("sip:alice@127.0.0.1:" + contactPort);
    assertThat(bindings.get(0).remaining(Clock.systemUTC()))
        .isBetween(Duration.ofSeconds(540), Duration.ofSeconds(600));
  }

  @Test
  void registerOverTcpWithSha256StoresTheConnectionAsTheFlow() throws Exception {
    // A server offering SHA-256 first (RFC 8760); the client answers the first one it supports.
    server.close(Duration.ZERO);
    server =
        SipServer.start(
            TestConfigs.loopback(data, port, "tcp").build());
    try (Socket tcp = new Socket()) {
      tcp.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      tcp.setSoTimeout(5_000);
      int local = tcp.getLocalPort();
      InputStream in = tcp.getInputStream();
      SipResponse challenge = exchange(tcp, in, register(local, 1, null));
      assertThat(challenge.statusCode()).isEqualTo(401);
      AuthValue offer = DigestClient.pick(challenge.all(HeaderName.WWW_AUTHENTICATE)).orElseThrow();
      assertThat(offer.param("algorithm")).contains("SHA-256");
      AuthValue creds = new DigestClient("alice", "secret").answer(offer, "REGISTER", "sip:127.0.0.1:" + port);
      SipResponse ok = exchange(tcp, in, register(local, 2, creds));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headerLines(HeaderName.CONTACT)).containsExactly(
          "<sip:alice@127.0.0.1:" + local + ";transport=tcp>;expires=300");
      Binding b = server.location().lookup("sip:alice@127.0.0.1").get(0);
      assertThat(b.flow().transport()).isEqualTo("TCP");
      assertThat(b.flow().source()).isEqualTo("127.0.0.1:" + local);
    }
  }

  private String register(int localPort, int cseq, AuthValue credentials) {
    return "REGISTER sip:127.0.0.1:" + port + " SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 127.0.0.1:" + localPort + ";branch=z9hG4bK-tcp-" + cseq + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:alice@127.0.0.1>;tag=t1\r\n"
        + "To: <sip:alice@127.0.0.1>\r\n"
        + "Call-ID: tcp-register@127.0.0.1\r\n"
        + "CSeq: " + cseq + " REGISTER\r\n"
        + "Contact: <sip:alice@127.0.0.1:" + localPort + ";transport=tcp>\r\n"
        + "Expires: 300\r\n"
        + (credentials == null ? "" : "Authorization: " + credentials + "\r\n")
        + "Content-Length: 0\r\n\r\n";
  }

  /** Sends a request over the connection and reads the final response (skipping 100 Trying). */
  private static SipResponse exchange(Socket tcp, InputStream in, String request) throws IOException {
    tcp.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    while (true) {
      SipResponse r = (SipResponse) SipParser.parse(readMessage(in)).value();
      if (r.isFinal()) {
        return r;
      }
    }
  }

  /** One message from a stream: the header section, then Content-Length octets of body. */
  private static byte[] readMessage(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      assertThat(c).as("connection closed before a complete response").isNotNegative();
      head.append((char) c);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }
}
