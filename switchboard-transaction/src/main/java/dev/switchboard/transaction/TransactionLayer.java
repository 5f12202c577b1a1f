// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Via;
import dev.switchboard.transport.Flow;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.InboundHandler;
import dev.switchboard.transport.SipTransport;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction layer (RFC 3261 section 17, RFC 6026): the tables of live client and server
 * transactions, the matching rules of sections 17.1.3 and 17.2.3, and the entry points for the TU.
 *
 * <p>It receives everything the transport delivers ({@link InboundHandler}). A response goes to
 * the client transaction it matches, or to {@link TransactionUser#onStrayResponse}. A request
 * goes to its server transaction as a retransmission, or creates one and is offered to {@link
 * TransactionUser#onRequest}; a CANCEL matching an INVITE transaction goes to {@link
 * TransactionUser#onCancel}; an ACK goes to its INVITE transaction, or to {@link
 * TransactionUser#onAck} when it acknowledges a 2xx or matches nothing.
 *
 * <p>Thread-safe. The tables are concurrent maps; each transaction is confined to the stripe its
 * key selects (its branch, or its Call-ID without the magic cookie), so an INVITE and its CANCEL
 * share a stripe. A transaction leaves its table when it terminates.
 */
public final class TransactionLayer implements InboundHandler {
  /** How long an INVITE server transaction waits for the TU before it sends 100 (section 17.2.1). */
  public static final Duration DEFAULT_TRYING_DELAY = Duration.ofMillis(200);

  private static final Logger LOG = LoggerFactory.getLogger(TransactionLayer.class);
  private static final ClientTransactionListener NO_LISTENER = new ClientTransactionListener() {};

  private final TransactionContext ctx;
  private final Stripes stripes;
  private final ConcurrentMap<ClientKey, BaseClientTransaction> clients = new ConcurrentHashMap<>();
  private final ConcurrentMap<ServerKey, BaseServerTransaction> servers = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  private TransactionLayer(Builder b) {
    this.ctx = new TransactionContext(b.transport, b.timers, b.config, b.tryingDelay, b.user);
    this.stripes = b.stripes;
  }

  /**
   * A builder for a layer over {@code transport}, passing requests up to {@code user}, with its
   * timers on {@code timers} and its transactions confined to {@code stripes}.
   */
  public static Builder builder(SipTransport transport, TransactionUser user, TimerService timers, Stripes stripes) {
    return new Builder(transport, user, timers, stripes);
  }

  /**
   * Sends a request in a new client transaction, retransmitting it over UDP (timers A and E) until
   * a response, a timeout (B or F) or a transport error ends it.
   *
   * @param request the request; its top Via carries an RFC 3261 branch, e.g. from {@link
   *     Branches#newBranch()}
   * @param transport the transport to send it over
   * @param remote where to send it (the next hop, resolved by the caller per RFC 3263)
   * @param listener what hears the provisional responses and the outcome
   * @throws IllegalArgumentException for an ACK (it has no client transaction: section 17.1.1.3
   *     for non-2xx, section 13.2.2.4 for 2xx; send it with {@link #sendStateless}) or a request
   *     without a magic-cookie branch
   * @throws IllegalStateException when a transaction with the same branch and method is live
   */
  public ClientTransaction sendRequest(
      SipRequest request, Transport transport, InetSocketAddress remote, ClientTransactionListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(listener, "listener");
    Method method = request.method();
    if (method.equals(Method.ACK)) {
      throw new IllegalArgumentException("an ACK has no client transaction; use sendStateless");
    }
    Via via = request.topVia().orElseThrow(() -> new IllegalArgumentException("request has no Via"));
    if (!via.isRfc3261Branch()) {
      throw new IllegalArgumentException("top Via branch must start with " + Via.MAGIC_COOKIE + ": " + via);
    }
    String branch = via.branch().orElseThrow();
    ClientKey key = new ClientKey(branch, method);
    Executor stripe = stripes.stripe(branch);
    Consumer<Transaction> leave = t -> clients.remove(key, t);
    BaseClientTransaction tx =
        method.equals(Method.INVITE)
            ? new InviteClientTransaction(ctx, stripe, leave, request, branch, transport, remote, listener)
            : new NonInviteClientTransaction(ctx, stripe, leave, request, branch, transport, remote, listener);
    if (clients.putIfAbsent(key, tx) != null) {
      throw new IllegalStateException("a " + method + " transaction with branch " + branch + " is live");
    }
    tx.post(Event.START);
    return tx;
  }

  /**
   * {@link #sendRequest(SipRequest, Transport, InetSocketAddress, ClientTransactionListener)} for a
   * caller that only needs {@link ClientTransaction#outcome()}.
   */
  public ClientTransaction sendRequest(SipRequest request, Transport transport, InetSocketAddress remote) {
    return sendRequest(request, transport, remote, NO_LISTENER);
  }

  /**
   * Sends a message with no transaction: an ACK for a 2xx, or a request or response a stateless
   * proxy forwards (section 16.11). Nothing is retransmitted or matched.
   */
  public CompletableFuture<Flow> sendStateless(SipMessage message, Transport transport, InetSocketAddress remote) {
    return ctx.transport().send(message, transport, remote);
  }

  /** Answers a request with no server transaction (section 16.11), routed by section 18.2.2. */
  public CompletableFuture<Flow> respondStateless(SipResponse response, Inbound request) {
    return ctx.transport().sendResponse(response, request);
  }

  /** Live transactions, client and server; zero once every transaction has terminated. */
  public int activeCount() {
    return clients.size() + servers.size();
  }

  /**
   * Transactions still waiting for their final answer: server transactions the TU has not
   * answered and client transactions with no outcome yet. The rest only absorb retransmissions
   * until their timers end them, so a graceful shutdown need not wait for those.
   */
  public int pendingCount() {
    int n = 0;
    for (BaseServerTransaction t : servers.values()) {
      n += t.answered() ? 0 : 1;
    }
    for (BaseClientTransaction t : clients.values()) {
      n += t.settled() ? 0 : 1;
    }
    return n;
  }

  /** Requests dropped because they had no Via to answer along (they cannot even get a 400). */
  public long droppedCount() {
    return dropped.get();
  }

  @Override
  public void onMessage(Inbound inbound) {
    if (inbound.message() instanceof SipResponse) {
      onResponse(inbound);
    } else {
      onRequest(inbound, (SipRequest) inbound.message());
    }
  }

  private void onResponse(Inbound inbound) {
    Optional<ClientKey> key = ClientKey.of((SipResponse) inbound.message());
    BaseClientTransaction tx = key.map(clients::get).orElse(null);
    if (tx != null) {
      tx.post(new Event.ResponseIn(inbound));
      return;
    }
    String stripe = key.map(ClientKey::branch).orElseGet(() -> callIdOf(inbound.message()));
    stripes.stripe(stripe).execute(() -> ctx.user().onStrayResponse(inbound));
  }

  private void onRequest(Inbound inbound, SipRequest request) {
    Optional<String> fault = request.checkMandatoryHeaders();
    if (fault.isPresent()) {
      reject(inbound, request, fault.get());
      return;
    }
    Via via = request.topVia().orElseThrow();
    Method method = request.method();
    if (method.equals(Method.ACK)) {
      onAck(inbound, request, via);
      return;
    }
    ServerKey key = ServerKey.of(request, via, method);
    BaseServerTransaction existing = servers.get(key);
    if (existing != null) {
      existing.post(new Event.RequestIn(inbound));
      return;
    }
    Executor stripe = stripes.stripe(key.stripe());
    if (ctx.user().answersStatelessly(request)) {
      // Section 8.2.7: a stateless UAS keeps no transaction; a retransmission is simply
      // answered again, which is harmless for the idempotent requests a TU chooses this for.
      stripe.execute(() -> ctx.user().onStatelessRequest(inbound));
      return;
    }
    BaseServerTransaction tx;
    if (method.equals(Method.INVITE)) {
      tx = new InviteServerTransaction(ctx, stripe, t -> servers.remove(key, t), inbound);
    } else {
      // Section 9.2: a CANCEL is matched to the INVITE it cancels like an ACK is, by the INVITE's key.
      Optional<ServerTransaction> cancelled =
          method.equals(Method.CANCEL)
              ? Optional.ofNullable(servers.get(ServerKey.of(request, via, Method.INVITE)))
              : Optional.empty();
      tx = new NonInviteServerTransaction(ctx, stripe, t -> servers.remove(key, t), inbound, cancelled);
    }
    BaseServerTransaction raced = servers.putIfAbsent(key, tx);
    if (raced != null) {
      // The same request arrived twice at once on two I/O threads: the second is a retransmission.
      raced.post(new Event.RequestIn(inbound));
      return;
    }
    tx.post(Event.START);
  }

  private void onAck(Inbound inbound, SipRequest ack, Via via) {
    ServerKey key = ServerKey.of(ack, via, Method.INVITE);
    BaseServerTransaction tx = servers.get(key);
    if (tx == null && key instanceof ServerKey.Rfc2543 legacy) {
      // The INVITE had no To tag; its ACK carries the tag of the response. The transaction
      // checks that tag itself (section 17.2.3).
      tx = servers.get(legacy.withToTag(""));
    }
    if (tx instanceof InviteServerTransaction invite) {
      invite.post(new Event.AckIn(inbound));
      return;
    }
    stripes.stripe(key.stripe()).execute(() -> ctx.user().onAck(inbound));
  }

  /** Section 8.1.1: without the mandatory headers a request cannot be matched; answer 400. */
  private void reject(Inbound inbound, SipRequest request, String reason) {
    if (request.method().equals(Method.ACK) || request.topVia().isEmpty()) {
      // An ACK is never answered; without Via a response has nowhere to go.
      dropped.incrementAndGet();
      LOG.debug("dropped {} from {}: {}", request.method(), inbound.flow(), reason);
      return;
    }
    respondStateless(Responses.badRequest(request, reason), inbound);
  }

  private static String callIdOf(SipMessage m) {
    return m.callId().map(Object::toString).orElse("");
  }

  /** Configures a {@link TransactionLayer}. Not thread-safe. */
  public static final class Builder {
    private final SipTransport transport;
    private final TransactionUser user;
    private final TimerService timers;
    private final Stripes stripes;
    private TimerConfig config = TimerConfig.DEFAULT;
    private Duration tryingDelay = DEFAULT_TRYING_DELAY;

    private Builder(SipTransport transport, TransactionUser user, TimerService timers, Stripes stripes) {
      this.transport = Objects.requireNonNull(transport, "transport");
      this.user = Objects.requireNonNull(user, "user");
      this.timers = Objects.requireNonNull(timers, "timers");
      this.stripes = Objects.requireNonNull(stripes, "stripes");
    }

    /** T1, T2 and T4; {@link TimerConfig#DEFAULT} unless set. */
    public Builder timerConfig(TimerConfig c) {
      this.config = Objects.requireNonNull(c, "timerConfig");
      return this;
    }

    /**
     * How long an INVITE server transaction waits for the TU's first response before it sends 100
     * itself; {@link #DEFAULT_TRYING_DELAY} unless set, zero to send it at once.
     */
    public Builder tryingDelay(Duration d) {
      Objects.requireNonNull(d, "tryingDelay");
      if (d.isNegative()) {
        throw new IllegalArgumentException("tryingDelay must not be negative: " + d);
      }
      this.tryingDelay = d;
      return this;
    }

    /** The layer. Hand it to the transport as its {@link InboundHandler}. */
    public TransactionLayer build() {
      return new TransactionLayer(this);
    }
  }
}
