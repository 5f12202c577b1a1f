// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.ua.Call;
import dev.switchboard.core.ua.CallEnd;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipResponse;
import dev.switchboard.transaction.TimerConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user agent's UAS behaviour seen from a raw UDP socket, where a test can withhold the ACK:
 * the 2xx is retransmitted until the ACK (RFC 3261 section 13.3.1.4), the call ends with BYE when
 * no ACK ever comes, and a request for an unknown dialog gets 481 (section 12.2.2).
 */
class UaWireIT {
  private static final TimerConfig FAST =
      new TimerConfig(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(250));

  UserAgent bob;
  DatagramSocket peer;
  final CompletableFuture<Call> incoming = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    bob = UserAgent.builder("bob", "127.0.0.1").timers(FAST)
        .listener(new UaListener() {
          @Override
          public void onIncomingCall(Call call) {
            incoming.complete(call);
            call.accept(null);
          }
        })
        .build().start();
    peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    peer.setSoTimeout(2_000);
  }

  @AfterEach
  void stop() {
    peer.close();
    bob.close();
  }

  int bobPort() {
    return bob.listening().get(0).address().getPort();
  }

  void send(String message) throws Exception {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    peer.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), bobPort()));
  }

  dev.switchboard.message.SipMessage receive() throws Exception {
    byte[] buf = new byte[65535];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    peer.receive(p);
    return SipParser.parse(java.util.Arrays.copyOf(buf, p.getLength())).value();
  }

  String request(String method, String toTag, int cseq, String branch) {
    int me = peer.getLocalPort();
    return method + " sip:bob@127.0.0.1:" + bobPort() + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + me + ";branch=" + branch + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:carol@127.0.0.1>;tag=c1\r\n"
        + "To: <sip:bob@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
        + "Call-ID: wire-1@test\r\n"
        + "CSeq: " + cseq + " " + method + "\r\n"
        + "Contact: <sip:carol@127.0.0.1:" + me + ">\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  @Test
  void twoHundredIsRetransmittedUntilTheAckArrives() throws Exception {
    // RFC 3261 §13.3.1.4
    send(request("INVITE", null, 1, "z9hG4bK-wire-1"));
    List<SipResponse> oks = new ArrayList<>();
    while (oks.size() < 3) {
      if (receive() instanceof SipResponse r && r.statusCode() == 200) {
        oks.add(r);
      }
    }
    String toTag = oks.get(0).to().orElseThrow().tag().orElseThrow();
    send(request("ACK", toTag, 1, "z9hG4bK-wire-ack"));
    Call call = incoming.get(2, TimeUnit.SECONDS);
    // Drain what was in flight, then nothing more arrives.
    long quietSince = System.nanoTime();
    peer.setSoTimeout(100);
    while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(800)) {
      try {
        receive();
        quietSince = System.nanoTime();
      } catch (SocketTimeoutException e) {
        // quiet
      }
    }
    assertThat(call.state()).isEqualTo(Call.State.CONNECTED);
    send(request("BYE", toTag, 2, "z9hG4bK-wire-bye"));
    peer.setSoTimeout(2_000);
    SipResponse byeOk = (SipResponse) receive();
    assertThat(byeOk.statusCode()).isEqualTo(200);
    assertThat(call.ended().get(2, TimeUnit.SECONDS).reason()).isEqualTo(CallEnd.Reason.REMOTE_HANGUP);
  }

  @Test
  void withoutAnAckTheCallIsEndedWithBye() throws Exception {
    // RFC 3261 §13.3.1.4: "the UAS core SHOULD ... end the dialog" with BYE after 64*T1
    send(request("INVITE", null, 1, "z9hG4bK-wire-2"));
    Call call = incoming.get(2, TimeUnit.SECONDS);
    CallEnd end = call.ended().get(10, TimeUnit.SECONDS);
    assertThat(end.reason()).isEqualTo(CallEnd.Reason.NO_ACK);
    boolean byeSeen = false;
    peer.setSoTimeout(500);
    try {
      while (!byeSeen) {
        byeSeen = receive() instanceof dev.switchboard.message.SipRequest r && r.method().name().equals("BYE");
      }
    } catch (SocketTimeoutException e) {
      // fall through to the assertion
    }
    assertThat(byeSeen).isTrue();
  }

  @Test
  void requestForAnUnknownDialogGets481() throws Exception {
    // RFC 3261 §12.2.2
    send(request("BYE", "nosuchtag", 5, "z9hG4bK-wire-3"));
    SipResponse r = (SipResponse) receive();
    assertThat(r.statusCode()).isEqualTo(481);
  }

  @Test
  void requireOfAnUnknownExtensionGets420() throws Exception {
    // RFC 3261 §8.2.2.3
    String options = request("OPTIONS", null, 1, "z9hG4bK-wire-4")
        .replace("Content-Length: 0", "Require: 100rel\r\nContent-Length: 0");
    send(options);
    SipResponse r = (SipResponse) receive();
    assertThat(r.statusCode()).isEqualTo(420);
    assertThat(r.headerLines(dev.switchboard.message.header.HeaderName.UNSUPPORTED)).containsExactly("100rel");
  }
}
