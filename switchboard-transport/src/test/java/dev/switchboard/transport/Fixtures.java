// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Messages and helpers shared by the transport tests. */
final class Fixtures {
  private Fixtures() {}

  /** An OPTIONS request with this Via value and an optional body. */
  static String options(String via, String callId) {
    return "OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\n"
        + "Via: " + via + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
        + "To: <sip:bob@127.0.0.1>\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Content-Length: 0\r\n"
        + "\r\n";
  }

  static SipRequest request(String text) {
    return (SipRequest) SipParser.parse(bytes(text)).value();
  }

  static SipMessage parse(byte[] b) {
    return SipParser.parse(b).value();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A response to {@code in} copying its Via, From, To, Call-ID and CSeq (section 8.2.6.2). */
  static SipResponse response(Inbound in, int code, String reason) {
    SipResponse.Builder b = SipResponse.builder(code, reason);
    for (var h : in.message().headers()) {
      String n = h.name().name();
      if (n.equals("Via") || n.equals("From") || n.equals("To") || n.equals("Call-ID") || n.equals("CSeq")) {
        b.add(n, h.value());
      }
    }
    return b.build();
  }

  /** Collects inbound messages for a test thread to take. */
  static final class Inbox implements InboundHandler {
    private final BlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(Inbound inbound) {
      queue.add(inbound);
    }

    Inbound take() throws InterruptedException {
      Inbound i = queue.poll(5, TimeUnit.SECONDS);
      assertThat(i).as("an inbound message within 5 s").isNotNull();
      return i;
    }

    boolean isEmpty() {
      return queue.isEmpty();
    }
  }

  /**
   * Waits up to 5 s for a condition that another thread makes true, such as a counter bumped
   * when the server side of a connection has seen it close.
   */
  static void eventually(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.onSpinWait();
      Thread.sleep(1);
    }
  }

  /** Receives one datagram, waiting at most 5 s. */
  static byte[] receive(DatagramSocket socket) throws IOException {
    socket.setSoTimeout(5000);
    DatagramPacket p = new DatagramPacket(new byte[65_536], 65_536);
    socket.receive(p);
    return java.util.Arrays.copyOf(p.getData(), p.getLength());
  }

  static void send(DatagramSocket socket, String text, InetSocketAddress to) throws IOException {
    byte[] b = bytes(text);
    socket.send(new DatagramPacket(b, b.length, to));
  }

  /** Reads one framed message (header section plus Content-Length body) from a stream. */
  static String readMessage(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("stream closed after: " + head.toString(StandardCharsets.UTF_8));
      }
      head.write(c);
    }
    String h = head.toString(StandardCharsets.UTF_8);
    int length = 0;
    for (String line : h.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
