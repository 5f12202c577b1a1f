// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.auth.DigestAuthenticator;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transaction.ServerTransaction;
import dev.switchboard.transaction.Stripes;
import dev.switchboard.transaction.TimerService;
import dev.switchboard.transaction.TransactionLayer;
import dev.switchboard.transport.Inbound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The stateful proxy (RFC 3261 section 16) as a transaction user's delegate: the server hands it
 * every request it does not answer itself, and the CANCELs, ACKs and stray responses.
 *
 * <p>For each request, in the order of section 16: validation ({@link RequestValidator}, 16.3),
 * route processing ({@link RouteProcessor}, 16.4), authorization ({@link ProxyAuthorizer}),
 * targets ({@link TargetFinder}, 16.5; a 302 in the redirect role), then one {@link
 * ResponseContext} that forwards ({@link RequestForwarder}, 16.6) and answers (16.7). An INVITE
 * gets a 100 (Trying) at once.
 *
 * <p>Thread-safe. Each request is handled on its server transaction's stripe; its response context
 * is confined to a stripe of its own.
 */
public final class Proxy {
  private final ProxyPolicy policy;
  private final LoopDetector loops;
  private final RequestValidator validator;
  private final RouteProcessor routes;
  private final ProxyAuthorizer authorizer;
  private final TargetFinder targets;
  private final RequestForwarder forwarder;
  private final StatelessRelay relay;
  private final Replies replies;
  private final Stripes stripes;
  private final Supplier<ResponseContext.Services> services;
  private final ServedDomains domains;
  private final Map<ServerTransaction, ResponseContext> contexts = new ConcurrentHashMap<>();

  /**
   * A proxy.
   *
   * @param layer the transaction layer under it; asked only once requests arrive
   * @param timers where Timer C runs
   * @param stripes serial executors for the response contexts
   * @param dns where DNS lookups block
   * @param product the Server header of the responses it makes
   */
  public Proxy(
      ProxyPolicy policy,
      ServedDomains domains,
      LocalAddresses local,
      LocationService location,
      KnownUsers users,
      DigestAuthenticator authenticator,
      Supplier<TransactionLayer> layer,
      TimerService timers,
      Stripes stripes,
      Executor dns,
      String product) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.domains = domains;
    this.loops = new LoopDetector(local);
    this.validator = new RequestValidator(loops);
    this.routes = new RouteProcessor(local);
    this.authorizer = new ProxyAuthorizer(domains, authenticator, policy.trustedPeers(), local);
    this.targets =
        new TargetFinder(domains, location, users, policy.routes(), policy.redirect(), policy.outboundProxy());
    this.forwarder = new RequestForwarder(local, policy.recordRoute());
    HopResolver resolver = new HopResolver(policy.hosts(), dns);
    this.relay = new StatelessRelay(layer, local, routes, resolver, forwarder);
    this.replies = new Replies(product);
    this.stripes = stripes;
    this.services =
        () -> new ResponseContext.Services(layer.get(), timers, resolver, forwarder, replies, policy.timerC());
  }

  /** Response contexts still open. */
  public int activeContexts() {
    return contexts.size();
  }

  /** Stateless messages dropped ({@link StatelessRelay#droppedCount()}). */
  public long droppedCount() {
    return relay.droppedCount();
  }

  /** Proxies {@code request}, which arrived in {@code server}; answers through {@code server}. */
  public void onRequest(ServerTransaction server, SipRequest request) {
    if (request.method().equals(Method.INVITE)) {
      // Section 16.2: the 100 comes from this proxy, at once; downstream 100s are not relayed.
      server.respond(replies.trying(request));
    }
    String hash = loops.hash(request);
    Optional<SipResponse.Builder> invalid = validator.rejection(request, hash);
    if (invalid.isPresent()) {
      answer(server, invalid.get());
      return;
    }
    RouteProcessor.Processed processed = routes.process(request);
    SipRequest r = processed.request();
    java.net.InetAddress source = server.inbound().flow().remote().getAddress();
    ProxyAuthorizer.Verdict verdict = authorizer.check(r, source, processed.routedHere(), headsOffDomain(r));
    if (verdict instanceof ProxyAuthorizer.Verdict.Refused refused) {
      answer(server, refused.response());
      return;
    }
    ProxyAuthorizer.Verdict.Allowed allowed = (ProxyAuthorizer.Verdict.Allowed) verdict;
    Targets found = targets.find(r, processed.routedHere());
    if (found instanceof Targets.Reject reject) {
      answer(server, r.reply(reject.status(), reject.reason()));
      return;
    }
    if (found instanceof Targets.Redirect redirect) {
      // Section 8.3: "the redirect server ... populates the list of Contact header fields".
      SipResponse.Builder b = r.reply(302);
      redirect.contacts().forEach(c -> b.add(HeaderName.CONTACT, c));
      answer(server, b);
      return;
    }
    Targets.Forward forward = (Targets.Forward) found;
    if (forward.offDomain() && allowed.standing() == ProxyAuthorizer.Standing.ANONYMOUS) {
      // The routing table sent a request for a served domain elsewhere: the relay rule applies.
      ProxyAuthorizer.Verdict again = authorizer.check(r, source, processed.routedHere(), true);
      if (again instanceof ProxyAuthorizer.Verdict.Refused refused) {
        answer(server, refused.response());
        return;
      }
      allowed = (ProxyAuthorizer.Verdict.Allowed) again;
    }
    SipRequest toForward = allowed.realm().map(realm -> withoutCredentials(r, realm)).orElse(r);
    List<Target> ordered = new ArrayList<>(forward.targets());
    ordered.sort(Comparator.comparingDouble(Target::q).reversed());
    List<RequestForwarder.Outgoing> outgoing = new ArrayList<>();
    for (Target t : ordered) {
      outgoing.add(forwarder.prepare(toForward, t, server.inbound().flow().transport()));
    }
    String key = request.topVia().flatMap(v -> v.branch()).orElse(request.callId().orElseThrow().toString());
    ResponseContext context =
        new ResponseContext(services.get(), server, stripes.stripe(key), hash, () -> contexts.remove(server));
    contexts.put(server, context);
    context.start(outgoing, policy.forking() == Forking.SEQUENTIAL && outgoing.size() > 1);
  }

  /** A request headed outside the served domains before any lookup: a Route, or another host. */
  private boolean headsOffDomain(SipRequest r) {
    if (r.has(HeaderName.ROUTE)) {
      return true;
    }
    return !(r.requestUri() instanceof SipUri ruri) || domains.find(ruri.host()).isEmpty();
  }

  /**
   * Section 22.3: credentials for this proxy's realm are consumed here; those for other realms
   * travel on.
   */
  private static SipRequest withoutCredentials(SipRequest r, String realm) {
    List<AuthValue> all = r.all(HeaderName.PROXY_AUTHORIZATION);
    if (all.isEmpty()) {
      return r;
    }
    SipRequest.Builder b = r.toBuilder().remove(HeaderName.PROXY_AUTHORIZATION);
    for (AuthValue v : all) {
      if (!v.param("realm").filter(realm::equals).isPresent()) {
        b.add(HeaderName.PROXY_AUTHORIZATION, v);
      }
    }
    return b.build();
  }

  /**
   * A CANCEL for an INVITE this proxy handles (section 16.10): 200 to the CANCEL, then every
   * pending branch is cancelled; the 487s come back through the response context.
   */
  public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
    answer(cancel, cancel.request().reply(200));
    ResponseContext context = contexts.get(invite);
    if (context != null) {
      context.cancel();
    }
  }

  /** An ACK that is not for a transaction here: the ACK for a 2xx, forwarded statelessly. */
  public void onAck(Inbound ack) {
    relay.ack(ack);
  }

  /** A response matching no client transaction: forwarded statelessly when it is ours. */
  public void onStrayResponse(Inbound response) {
    relay.response(response);
  }

  /** The server transaction could not deliver a response: its branches are cancelled. */
  public void onFailure(ServerTransaction server) {
    ResponseContext context = contexts.get(server);
    if (context != null) {
      context.abandon();
    }
  }

  private void answer(ServerTransaction server, SipResponse.Builder b) {
    server.respond(replies.finish(server.request(), b));
  }
}
