// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transport.DatagramFilter;
import dev.switchboard.transport.DatagramFilter.Direction;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.NettyTransport;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The retransmission timers over real UDP sockets on 127.0.0.1: two {@link NettyTransport}s, each
 * with its own {@link TransactionLayer}, production timer wheel and stripes, and a {@link
 * DatagramFilter} that loses chosen datagrams. The state machines are covered in virtual time by
 * the per-machine tests; this checks that the pieces work together on the wire.
 *
 * <p>T1 is 100 ms, so a retransmission comes 100 ms after the original and the next one only 200
 * ms later: the exact datagram counts below leave that much time for the answer to arrive.
 */
class RetransmissionOverLoopbackTest {
  private static final TimerConfig FAST =
      new TimerConfig(Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofMillis(500));
  private static final long WAIT_SECONDS = 10;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Nested
  class Section17_1_2_2 {
    @Test
    void lostOptionsIsRetransmittedOnTimerEAndAnsweredOnce() throws Exception {
      // RFC 3261 §17.1.2.2: timer E retransmits the request until a response arrives.
      AnsweringUser uas = new AnsweringUser();
      Stack server = stack(uas, DatagramFilter.dropFirst(Direction.INBOUND, 2));
      Stack client = stack(new AnsweringUser(), DatagramFilter.PASS_ALL);

      ClientTransaction tx =
          client.layer.sendRequest(client.request(Method.OPTIONS, server), Transport.UDP, server.address());
      ClientOutcome outcome = tx.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(statusOf(outcome)).isEqualTo(200);
      assertThat(client.sent).containsExactly("OPTIONS", "OPTIONS", "OPTIONS");
      assertThat(server.received).containsExactly("OPTIONS", "OPTIONS", "OPTIONS");
      assertThat(server.transport.stats().filtered()).isEqualTo(2);
      assertThat(uas.requests).hasSize(1);
      assertThat(server.sent).containsExactly("200");
    }
  }

  @Nested
  class Section17_2_2 {
    @Test
    void retransmittedRequestMakesServerTransactionResendLostResponse() throws Exception {
      // RFC 3261 §17.2.2: in Completed, a retransmitted request is absorbed and the last
      // response is passed to the transport again; the TU sees the request once.
      AnsweringUser uas = new AnsweringUser();
      Stack server = stack(uas, DatagramFilter.dropFirst(Direction.OUTBOUND, 1));
      Stack client = stack(new AnsweringUser(), DatagramFilter.PASS_ALL);

      ClientTransaction tx =
          client.layer.sendRequest(client.request(Method.OPTIONS, server), Transport.UDP, server.address());
      ClientOutcome outcome = tx.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(statusOf(outcome)).isEqualTo(200);
      assertThat(client.sent).containsExactly("OPTIONS", "OPTIONS");
      assertThat(server.received).containsExactly("OPTIONS", "OPTIONS");
      assertThat(server.sent).containsExactly("200", "200");
      assertThat(server.transport.stats().filtered()).isEqualTo(1);
      assertThat(client.received).containsExactly("200");
      assertThat(uas.requests).hasSize(1);
    }
  }

  @Nested
  class Section17_1_1_2 {
    @Test
    void lostInviteIsRetransmittedOnTimerAAndItsNon2xxIsAcknowledged() throws Exception {
      // RFC 3261 §17.1.1.2: timer A retransmits the INVITE; a 300-699 response gets an ACK
      // (§17.1.1.3), which the server transaction absorbs and then ends on timer I (§17.2.1).
      AnsweringUser uas = new AnsweringUser();
      Stack server = stack(uas, DatagramFilter.dropFirst(Direction.INBOUND, 1));
      Stack client = stack(new AnsweringUser(), DatagramFilter.PASS_ALL);

      ClientTransaction tx =
          client.layer.sendRequest(client.request(Method.INVITE, server), Transport.UDP, server.address());
      ClientOutcome outcome = tx.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(statusOf(outcome)).isEqualTo(486);
      // Timer H is 64*T1 = 6.4 s: ending well before it means the ACK arrived and timer I ran.
      assertThat(awaitNoActiveTransactions(server.layer, Duration.ofSeconds(3)))
          .as("server transactions still active: %d", server.layer.activeCount())
          .isTrue();
      // At least one retransmission (the first INVITE was dropped); a loaded machine may need a
      // third before the 486 is out, which the server transaction answers with the same 486, and
      // each 486 retransmission is acknowledged again (section 17.1.1.2).
      assertThat(client.sent).startsWith("INVITE", "INVITE").endsWith("ACK")
          .containsOnly("INVITE", "ACK");
      assertThat(server.received).startsWith("INVITE").endsWith("ACK")
          .containsOnly("INVITE", "ACK");
      assertThat(server.sent).isNotEmpty().containsOnly("486");
      assertThat(uas.requests).hasSize(1);
      assertThat(uas.acks).as("the ACK for a non-2xx stays in the transaction").isEmpty();
      assertThat(uas.failures).isEmpty();
    }
  }

  /** The status code of a final-response outcome; fails the test on a timeout or error. */
  private static int statusOf(ClientOutcome outcome) {
    assertThat(outcome).isInstanceOf(ClientOutcome.FinalResponse.class);
    return ((ClientOutcome.FinalResponse) outcome).response().statusCode();
  }

  /** Polls {@link TransactionLayer#activeCount()} until it is zero or {@code limit} passes. */
  private static boolean awaitNoActiveTransactions(TransactionLayer layer, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (layer.activeCount() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private Stack stack(TransactionUser user, DatagramFilter loss) throws Exception {
    Stack s = new Stack(user, loss);
    open.add(s);
    return s;
  }

  /**
   * One SIP stack on an ephemeral UDP port of 127.0.0.1. Its filter records the first word of the
   * start line of each datagram (method or status code) in each direction, lost ones included,
   * before {@code loss} decides whether the datagram gets through.
   */
  private static final class Stack implements AutoCloseable {
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    final WheelTimerService timers = new WheelTimerService(Duration.ofMillis(5));
    final ThreadStripes stripes = new ThreadStripes(2);
    final NettyTransport transport;
    final TransactionLayer layer;

    Stack(TransactionUser user, DatagramFilter loss) throws Exception {
      AtomicReference<TransactionLayer> ref = new AtomicReference<>();
      DatagramFilter recording =
          (direction, peer, datagram) -> {
            (direction == Direction.OUTBOUND ? sent : received).add(firstWord(datagram));
            return loss.pass(direction, peer, datagram);
          };
      transport =
          NettyTransport.builder()
              .listen(ListenPoint.parse("udp:127.0.0.1:0").value())
              .handler(inbound -> ref.get().onMessage(inbound))
              .datagramFilter(recording)
              .build();
      layer = TransactionLayer.builder(transport, user, timers, stripes).timerConfig(FAST).build();
      ref.set(layer);
      transport.start();
    }

    InetSocketAddress address() {
      return transport.listening().get(0).address();
    }

    /** A request from this stack to {@code to}, with a fresh branch and this stack's sent-by. */
    SipRequest request(Method method, Stack to) {
      InetSocketAddress from = address();
      String branch = Branches.newBranch();
      SipUri target = SipUri.of("bob", "127.0.0.1", to.address().getPort());
      return SipRequest.builder(method, target)
          .add(HeaderName.VIA, Via.of("UDP", Host.of("127.0.0.1"), from.getPort(), branch))
          .add(HeaderName.MAX_FORWARDS, new MaxForwards(70))
          .add(HeaderName.FROM, Address.of(SipUri.of("alice", "127.0.0.1", from.getPort())).withTag("a1"))
          .add(HeaderName.TO, Address.of(target))
          .add(HeaderName.CALL_ID, new CallId("call-" + branch))
          .add(HeaderName.CSEQ, new CSeq(1, method))
          .build();
    }

    private static String firstWord(byte[] datagram) {
      String text = new String(datagram, StandardCharsets.UTF_8);
      String first = text.substring(0, Math.max(0, text.indexOf(' ')));
      // A response starts "SIP/2.0 200 OK": keep its status code.
      return first.equals("SIP/2.0") ? text.substring(8, 11) : first;
    }

    @Override
    public void close() {
      transport.close();
      timers.close();
      stripes.close();
    }
  }

  /**
   * A UAS core that answers OPTIONS with 200 and INVITE with 486, at once, with a To tag. Records
   * what it was given; thread-safe, as the layer calls it from several stripes.
   */
  private static final class AnsweringUser implements TransactionUser {
    private static final Map<Method, Integer> ANSWERS = Map.of(Method.OPTIONS, 200, Method.INVITE, 486);

    final List<SipRequest> requests = new CopyOnWriteArrayList<>();
    final List<Inbound> acks = new CopyOnWriteArrayList<>();
    final List<Failure> failures = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(ServerTransaction transaction, SipRequest request) {
      requests.add(request);
      SipResponse response =
          request
              .reply(ANSWERS.getOrDefault(request.method(), 501))
              .set(HeaderName.TO, request.to().orElseThrow().withTag("b1"))
              .build();
      transaction.respond(response);
    }

    @Override
    public void onCancel(ServerTransaction cancel, ServerTransaction invite) {}

    @Override
    public void onAck(Inbound ack) {
      acks.add(ack);
    }

    @Override
    public void onStrayResponse(Inbound response) {}

    @Override
    public void onFailure(ServerTransaction transaction, Failure failure) {
      failures.add(failure);
    }
  }
}
