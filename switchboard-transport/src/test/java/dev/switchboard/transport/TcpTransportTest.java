// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static dev.switchboard.transport.Fixtures.bytes;
import static dev.switchboard.transport.Fixtures.options;
import static dev.switchboard.transport.Fixtures.readMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** TCP over real sockets on the loopback interface. */
class TcpTransportTest {
  private final Fixtures.Inbox inbox = new Fixtures.Inbox();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private NettyTransport start(NettyTransport.Builder b) throws Exception {
    NettyTransport t = b.listen(ListenPoint.parse("tcp:127.0.0.1:0").value()).build().start();
    closeables.add(t);
    return t;
  }

  private NettyTransport start() throws Exception {
    return start(NettyTransport.builder().handler(inbox));
  }

  private Socket connect(NettyTransport t) throws Exception {
    Socket s = new Socket();
    closeables.add(s);
    s.setTcpNoDelay(true);
    s.setSoTimeout(5000);
    s.connect(t.listening().get(0).address(), 5000);
    return s;
  }

  private static String via(Socket s) {
    return "SIP/2.0/TCP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bK" + System.nanoTime();
  }

  @Nested
  class Section18_3Framing {
    @Test
    void reassemblesAMessageWrittenByteByByte() throws Exception {
      // RFC 3261 §18.3: a stream carries no message boundaries; Content-Length marks them.
      NettyTransport t = start();
      Socket s = connect(t);
      String text = options(via(s), "bytewise").replace("Content-Length: 0", "Content-Length: 5") + "hello";
      OutputStream out = s.getOutputStream();
      for (byte b : bytes(text)) {
        out.write(b);
        out.flush();
      }

      Inbound in = inbox.take();
      assertThat(in.message().bodyText()).isEqualTo("hello");
      assertThat(in.message().callId().orElseThrow().value()).isEqualTo("bytewise");
      assertThat(in.flow().transport()).isEqualTo(Transport.TCP);
      assertThat(in.flow().remote()).isEqualTo(s.getLocalSocketAddress());
    }

    @Test
    void splitsMessagesCoalescedInOneWrite() throws Exception {
      NettyTransport t = start();
      Socket s = connect(t);
      s.getOutputStream().write(bytes(options(via(s), "one") + "\r\n\r\n" + options(via(s), "two") + options(via(s), "three")));

      assertThat(inbox.take().message().callId().orElseThrow().value()).isEqualTo("one");
      assertThat(inbox.take().message().callId().orElseThrow().value()).isEqualTo("two");
      assertThat(inbox.take().message().callId().orElseThrow().value()).isEqualTo("three");
    }

    @Test
    void answersMissingContentLengthWith400AndCloses() throws Exception {
      // RFC 3261 §18.3: Content-Length is mandatory on a stream.
      NettyTransport t = start();
      Socket s = connect(t);
      s.getOutputStream().write(bytes(options(via(s), "nocl").replace("Content-Length: 0\r\n", "")));

      String answer = readMessage(s.getInputStream());
      assertThat(answer).startsWith("SIP/2.0 400 Missing Content-Length");
      assertThat(answer).contains("Call-ID: nocl");
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat(t.stats().malformedAnswered()).isEqualTo(1);
    }

    @Test
    void answersAnOversizeMessageWith513AndCloses() throws Exception {
      // RFC 3261 §21.5.14: 513 Message Too Large.
      NettyTransport t = start(NettyTransport.builder().handler(inbox).maxMessageSize(2048));
      Socket s = connect(t);
      s.getOutputStream().write(bytes(options(via(s), "big").replace("Content-Length: 0", "Content-Length: 5000")));

      assertThat(readMessage(s.getInputStream())).startsWith("SIP/2.0 513 ");
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void answersAMalformedFramedRequestAndKeepsTheConnection() throws Exception {
      // The framing is intact, so only the message is rejected (RFC 3261 §8.2.6.1).
      NettyTransport t = start();
      Socket s = connect(t);
      s.getOutputStream().write(bytes(options(via(s), "badcseq").replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS")));
      assertThat(readMessage(s.getInputStream())).startsWith("SIP/2.0 400 Bad CSeq");

      s.getOutputStream().write(bytes(options(via(s), "after")));
      assertThat(inbox.take().message().callId().orElseThrow().value()).isEqualTo("after");
    }
  }

  @Test
  void answersAKeepAlivePingWithAPong() throws Exception {
    // RFC 5626 §4.4.1: CRLFCRLF ping, CRLF pong.
    NettyTransport t = start();
    Socket s = connect(t);
    s.getOutputStream().write(bytes("\r\n\r\n"));

    InputStream in = s.getInputStream();
    assertThat(in.readNBytes(2)).isEqualTo(bytes("\r\n"));
    s.getOutputStream().write(bytes(options(via(s), "afterping")));
    assertThat(inbox.take().message().callId().orElseThrow().value()).isEqualTo("afterping");
  }

  @Nested
  class ConnectionReuse {
    @Test
    void sendsARequestToAClientOverTheConnectionItOpened() throws Exception {
      // RFC 3261 §18.1.1 (reuse), RFC 5626 flows: the client may be behind a NAT.
      NettyTransport t = start();
      Socket s = connect(t);
      s.getOutputStream().write(bytes(options(via(s), "register")));
      Inbound in = inbox.take();

      var request = Fixtures.request(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKreuse", "toclient"));
      Flow flow = t.send(request, Transport.TCP, in.flow().remote()).get();

      assertThat(readMessage(s.getInputStream())).contains("Call-ID: toclient");
      assertThat(flow).isEqualTo(in.flow());
      assertThat(t.stats().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void sendsTheResponseOverTheRequestsConnection() throws Exception {
      // RFC 3261 §18.2.2: a response over a reliable transport uses the existing connection.
      NettyTransport t = start();
      Socket s = connect(t);
      // The sent-by names a port nobody listens on: only the connection can carry the answer.
      s.getOutputStream().write(bytes(options("SIP/2.0/TCP 192.0.2.1:1;branch=z9hG4bKr", "resp")));
      Inbound in = inbox.take();

      t.sendResponse(Fixtures.response(in, 200, "OK"), in).get();

      assertThat(readMessage(s.getInputStream())).startsWith("SIP/2.0 200 OK");
    }

    @Test
    void opensOneConnectionAndReusesIt() throws Exception {
      Fixtures.Inbox serverInbox = new Fixtures.Inbox();
      NettyTransport server = start(NettyTransport.builder().handler(serverInbox));
      NettyTransport client = start();
      InetSocketAddress target = server.listening().get(0).address();

      Flow first = client.send(Fixtures.request(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "a")), Transport.TCP, target).get();
      Flow second = client.send(Fixtures.request(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK2", "b")), Transport.TCP, target).get();

      assertThat(second).isEqualTo(first);
      assertThat(serverInbox.take().flow().remote()).isEqualTo(first.local());
      assertThat(serverInbox.take().flow().remote()).isEqualTo(first.local());
      assertThat(client.openConnections()).isEqualTo(1);
      assertThat(client.stats().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void failsCleanlyWhenTheConnectionIsRefused() throws Exception {
      NettyTransport t = start();
      int closedPort;
      try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        closedPort = ss.getLocalPort();
      }
      var request = Fixtures.request(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKx", "x"));

      assertThat(t.send(request, Transport.TCP, new InetSocketAddress("127.0.0.1", closedPort)))
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(TransportException.class)
          .withMessageContaining("connection refused");
      Fixtures.eventually(() -> t.openConnections() == 0, "the failed connection released its slot");
    }
  }

  @Test
  void closesAnIdleConnection() throws Exception {
    NettyTransport t = start(NettyTransport.builder().handler(inbox).idleTimeout(Duration.ofMillis(200)));
    Socket s = connect(t);

    assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    Fixtures.eventually(() -> t.stats().connectionsClosed() == 1, "server counted the close");
    assertThat(t.openConnections()).isZero();
  }

  @Test
  void refusesConnectionsOverTheCap() throws Exception {
    NettyTransport t = start(NettyTransport.builder().handler(inbox).maxConnections(2));
    for (int i = 0; i < 2; i++) {
      Socket s = connect(t);
      s.getOutputStream().write(bytes("\r\n\r\n"));
      assertThat(s.getInputStream().readNBytes(2)).isEqualTo(bytes("\r\n"));
    }
    Socket third = connect(t);

    assertThat(third.getInputStream().read()).isEqualTo(-1);
    assertThat(t.stats().connectionsRefused()).isEqualTo(1);
    assertThat(t.openConnections()).isEqualTo(2);
    var request = Fixtures.request(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKcap", "cap"));
    assertThat(t.send(request, Transport.TCP, new InetSocketAddress("127.0.0.1", 9)))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("connection limit of 2 reached");
  }

  @Test
  void reportsAPortInUseInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      String point = "tcp:127.0.0.1:" + taken.getLocalPort();
      NettyTransport.Builder b = NettyTransport.builder().handler(inbox).listen(ListenPoint.parse(point).value());

      assertThatThrownBy(() -> b.build().start())
          .isInstanceOf(TransportException.class)
          .hasMessage(point + ": address already in use");
    }
  }
}
