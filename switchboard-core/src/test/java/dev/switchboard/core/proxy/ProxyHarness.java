// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.core.MutableClock;
import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.auth.AuthPolicy;
import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.DigestAuthenticator;
import dev.switchboard.core.auth.Ha1;
import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.Flow;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.core.location.MemoryBindingStore;
import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.testkit.InMemoryNetwork;
import dev.switchboard.testkit.InMemoryTransport;
import dev.switchboard.transaction.FakeTimers;
import dev.switchboard.transaction.Failure;
import dev.switchboard.transaction.SameThreadStripes;
import dev.switchboard.transaction.ServerTransaction;
import dev.switchboard.transaction.TransactionLayer;
import dev.switchboard.transaction.TransactionUser;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A proxy on an in-memory network, in virtual time, with hand-driven peers around it: a caller
 * (UAC) and two callees (UAS1, UAS2) and a gateway. Domain {@code example.com} is served; users
 * alice, bob and carol exist there (password "secret"); the static host table maps {@code
 * gw.example.net} to the gateway.
 */
final class ProxyHarness {
  static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 5060);
  static final InetSocketAddress UAC = new InetSocketAddress("127.0.0.1", 5071);
  static final InetSocketAddress UAS1 = new InetSocketAddress("127.0.0.1", 5072);
  static final InetSocketAddress UAS2 = new InetSocketAddress("127.0.0.1", 5073);
  static final InetSocketAddress GATEWAY = new InetSocketAddress("127.0.0.2", 5080);
  static final String DOMAIN = "example.com";
  static final String PASSWORD = "secret";

  final InMemoryNetwork network = InMemoryNetwork.synchronous();
  final FakeTimers timers = new FakeTimers();
  final SameThreadStripes stripes = new SameThreadStripes();
  final MutableClock clock = new MutableClock();
  final LocationService location = new LocationService(new MemoryBindingStore(), clock);
  final InMemoryTransport proxyTransport = network.attach(PROXY);
  final Peer uac = new Peer(network.attach(UAC));
  final Peer uas1 = new Peer(network.attach(UAS1));
  final Peer uas2 = new Peer(network.attach(UAS2));
  final Peer gateway = new Peer(network.attach(GATEWAY));
  final Proxy proxy;
  final TransactionLayer layer;

  /** A peer that records what reaches it and sends what the test tells it to. */
  static final class Peer {
    final InMemoryTransport transport;
    final List<SipMessage> inbox = new ArrayList<>();

    Peer(InMemoryTransport transport) {
      this.transport = transport;
      transport.onInbound(i -> inbox.add(i.message()));
    }

    void send(SipMessage m) {
      transport.send(m, Transport.UDP, PROXY);
    }

    List<SipRequest> requests() {
      return inbox.stream().filter(SipMessage::isRequest).map(SipRequest.class::cast).toList();
    }

    List<SipResponse> responses() {
      return inbox.stream().filter(m -> !m.isRequest()).map(SipResponse.class::cast).toList();
    }

    List<Integer> statuses() {
      return responses().stream().map(SipResponse::statusCode).toList();
    }

    SipRequest lastRequest() {
      List<SipRequest> r = requests();
      if (r.isEmpty()) {
        throw new AssertionError("no request reached " + transport.address());
      }
      return r.get(r.size() - 1);
    }

    /** Answers the last request it received with {@code code}, with a To tag. */
    SipResponse answer(int code) {
      return answer(lastRequest(), code);
    }

    SipResponse answer(SipRequest request, int code) {
      SipResponse.Builder b = request.reply(code);
      if (code > 100) {
        b.set(HeaderName.TO, request.to().orElseThrow().withTag("uas" + transport.address().getPort()));
        if (request.has(HeaderName.RECORD_ROUTE)) {
          for (String rr : request.headerLines(HeaderName.RECORD_ROUTE)) {
            b.add(HeaderName.RECORD_ROUTE.name(), rr);
          }
        }
      }
      SipResponse r = b.build();
      send(r);
      return r;
    }
  }

  ProxyHarness() {
    this(p -> p);
  }

  ProxyHarness(UnaryOperator<ProxyPolicy> policy) {
    ProxyPolicy base =
        new ProxyPolicy(
            true,
            ProxyPolicy.DEFAULT_TIMER_C,
            Forking.PARALLEL,
            TrustedPeers.NONE,
            Optional.empty(),
            StaticHosts.parse(java.util.Map.of("gw.example.net", "udp:127.0.0.2:5080")),
            RoutingTable.EMPTY,
            RedirectPolicy.NONE);
    Set<String> users = Set.of("alice", "bob", "carol");
    DigestAuthenticator auth =
        new DigestAuthenticator(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
            (user, realm, algorithm) ->
                users.contains(user) ? Optional.of(Ha1.compute(algorithm, user, realm, PASSWORD)) : Optional.empty(),
            new AuthPolicy(
                List.of(DigestAlgorithm.MD5), Duration.ofMinutes(5), 5, Duration.ofMinutes(1), Duration.ofMinutes(5)),
            clock);
    TransactionLayer[] holder = new TransactionLayer[1];
    proxy =
        new Proxy(
            policy.apply(base),
            ServedDomains.of(List.of(DOMAIN)),
            new LocalAddresses(List.of(new ListenPoint(Transport.UDP, PROXY)), List.of(DOMAIN)),
            location,
            (user, domain) -> domain.equals(DOMAIN) && users.contains(user),
            auth,
            () -> holder[0],
            timers,
            stripes,
            Runnable::run,
            "Switchboard/test");
    layer = TransactionLayer.builder(proxyTransport, new Tu(), timers, stripes).build();
    holder[0] = layer;
    proxyTransport.onInbound(layer);
  }

  /** The transaction user of a server that proxies everything. */
  private final class Tu implements TransactionUser {
    @Override
    public void onRequest(ServerTransaction transaction, SipRequest request) {
      proxy.onRequest(transaction, request);
    }

    @Override
    public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
      proxy.onCancel(cancel, invite);
    }

    @Override
    public void onAck(Inbound ack) {
      proxy.onAck(ack);
    }

    @Override
    public void onStrayResponse(Inbound response) {
      proxy.onStrayResponse(response);
    }

    @Override
    public void onFailure(ServerTransaction transaction, Failure failure) {
      proxy.onFailure(transaction);
    }
  }

  /** Registers {@code user} with a contact at {@code contact}, whose REGISTER came from {@code from}. */
  void register(String user, String contact, InetSocketAddress from, double q) {
    register(user, contact, from, q, List.of());
  }

  void register(String user, String contact, InetSocketAddress from, double q, List<String> path) {
    register(user, contact, from, q, path, "UDP");
  }

  void register(String user, String contact, InetSocketAddress from, double q, List<String> path, String transport) {
    String aor = "sip:" + user + "@" + DOMAIN;
    Binding b =
        new Binding(
            aor, contact, q, clock.instant().plus(Duration.ofHours(1)), "reg-" + contact, 1, path, null, null,
            new Flow(transport, from.getAddress().getHostAddress() + ":" + from.getPort(), "127.0.0.1:5060"));
    location.update(aor, List.of(b), List.of());
  }

  /** Parses a message written with \n line ends. */
  static <T extends SipMessage> T parse(String text) {
    @SuppressWarnings("unchecked")
    T m = (T) SipParser.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)).value();
    return m;
  }

  /** An INVITE from the UAC, as a caller from another domain (never challenged) would send it. */
  static SipRequest invite(String requestUri, String branch, String... extraHeaders) {
    return request("INVITE", requestUri, branch, "sip:carol@elsewhere.test", "", 1, extraHeaders);
  }

  static SipRequest request(
      String method, String requestUri, String branch, String from, String toTag, int cseq, String... extra) {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(requestUri).append(" SIP/2.0\n");
    sb.append("Via: SIP/2.0/UDP 127.0.0.1:5071;branch=").append(branch).append('\n');
    sb.append("Max-Forwards: 70\n");
    sb.append("From: <").append(from).append(">;tag=uac\n");
    sb.append("To: <").append(requestUri).append('>').append(toTag.isEmpty() ? "" : ";tag=" + toTag).append('\n');
    sb.append("Call-ID: call-").append(branch).append('\n');
    sb.append("CSeq: ").append(cseq).append(' ').append(method).append('\n');
    sb.append("Contact: <sip:caller@127.0.0.1:5071>\n");
    for (String h : extra) {
      sb.append(h).append('\n');
    }
    sb.append("Content-Length: 0\n\n");
    return parse(sb.toString());
  }
}
