// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.core.auth.DigestClient;
import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Text;
import dev.switchboard.message.header.Token;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transaction.Branches;
import dev.switchboard.transaction.TimerConfig;
import dev.switchboard.transaction.TimerService;
import dev.switchboard.transaction.TransactionLayer;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the parts of one user agent share: the stack below it, its identity and where it
 * listens. Built once by {@link UserAgent}; immutable except for the layer, which is set once the
 * transport has started.
 *
 * <p>Thread-safe.
 */
final class UaContext {
  /** The methods this user agent accepts (section 20.5). */
  static final List<Method> ALLOW =
      List.of(Method.INVITE, Method.ACK, Method.CANCEL, Method.BYE, Method.OPTIONS, Method.MESSAGE);

  final UaSettings settings;
  final TimerService timers;
  final TimerConfig timerConfig;
  final Executor events;
  final Executor resolver;
  final DigestClient credentials; // Null without a password.
  private volatile TransactionLayer layer;
  private volatile List<ListenPoint> listening = List.of();

  UaContext(UaSettings settings, TimerService timers, Executor events, Executor resolver) {
    this.settings = settings;
    this.timers = timers;
    this.timerConfig = settings.timerConfig();
    this.events = events;
    this.resolver = resolver;
    this.credentials =
        settings.password().map(pw -> new DigestClient(settings.authUser(), pw)).orElse(null);
  }

  void started(TransactionLayer layer, List<ListenPoint> listening) {
    this.layer = layer;
    this.listening = List.copyOf(listening);
  }

  TransactionLayer layer() {
    return layer;
  }

  /** The address of record, {@code sip:user@domain}. */
  Address aor() {
    Address a = Address.of(SipUri.of(settings.user(), settings.domain(), -1));
    return settings.displayName()
        .map(d -> new Address("\"" + d.replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
            a.uri(), a.parameters(), true))
        .orElse(a);
  }

  /** The listen point that sends over {@code transport}. */
  ListenPoint listenPoint(Transport transport) {
    return listening.stream()
        .filter(p -> p.transport() == transport)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("this user agent does not listen on " + transport));
  }

  /** The transports listened on. */
  List<ListenPoint> listening() {
    return listening;
  }

  /** A Via for a new client transaction over {@code transport}, asking for rport (RFC 3581). */
  Via newVia(Transport transport) {
    InetSocketAddress a = advertised(listenPoint(transport));
    return Via.of(transport.name(), Host.of(a.getAddress().getHostAddress()), a.getPort(), Branches.newBranch())
        .withParameter("rport", null);
  }

  /** Our Contact for requests and responses that go over {@code transport} (section 8.1.1.8). */
  Address contact(Transport transport) {
    InetSocketAddress a = advertised(listenPoint(transport));
    SipUri uri = SipUri.of(settings.user(), a.getAddress().getHostAddress(), a.getPort());
    if (transport != Transport.UDP) {
      uri = uri.withParameter("transport", transport.name().toLowerCase(java.util.Locale.ROOT));
    }
    return Address.of(uri);
  }

  private InetSocketAddress advertised(ListenPoint p) {
    InetSocketAddress a = p.address();
    if (a.getAddress().isAnyLocalAddress()) {
      // A wildcard listener cannot go in a Via or Contact; the configured host stands in.
      return new InetSocketAddress(settings.advertisedHost().orElse("127.0.0.1"), a.getPort());
    }
    return a;
  }

  /**
   * The URI the next hop of a new request is found from (section 8.1.2): its first Route, else the
   * outbound proxy for a request outside a dialog, else its Request-URI.
   */
  Uri hopUri(SipRequest request, boolean inDialog) {
    Optional<Address> route = request.first(HeaderName.ROUTE);
    if (route.isPresent()) {
      return route.get().uri();
    }
    if (!inDialog && settings.outboundProxy().isPresent()) {
      return settings.outboundProxy().get();
    }
    return request.requestUri();
  }

  /** Adds what every request and response of ours carries: User-Agent. */
  SipRequest.Builder decorate(SipRequest.Builder b) {
    return b.set(HeaderName.USER_AGENT, new Text(settings.product()));
  }

  /** Allow, Accept and Supported: what OPTIONS and 405 answers tell (section 11.2). */
  <B extends dev.switchboard.message.SipMessage.Builder<B>> B withCapabilities(B b) {
    for (Method m : ALLOW) {
      b.add(HeaderName.ALLOW, Token.of(m.name()));
    }
    b.add(HeaderName.ACCEPT, dev.switchboard.message.header.MediaType.SDP);
    b.add(HeaderName.ACCEPT, new dev.switchboard.message.header.MediaType(
        "text", "plain", dev.switchboard.message.Parameters.empty()));
    b.add(HeaderName.SUPPORTED, Token.of("path"));
    return b;
  }
}
