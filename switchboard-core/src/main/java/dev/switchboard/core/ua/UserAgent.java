// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.Parameters;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.MediaType;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transaction.Branches;
import dev.switchboard.transaction.Stripes;
import dev.switchboard.transaction.TimerConfig;
import dev.switchboard.transaction.TransactionLayer;
import dev.switchboard.transaction.WheelTimerService;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.NettyTransport;
import dev.switchboard.transport.Transport;
import dev.switchboard.transport.TransportException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP user agent (RFC 3261): registers, places and receives calls, sends and receives MESSAGE
 * (RFC 3428) and asks peers for their capabilities with OPTIONS. It runs its own transport and
 * transaction layer on the addresses it is given.
 *
 * <pre>{@code
 * try (UserAgent alice = UserAgent.builder("alice", "example.com")
 *         .password("secret")
 *         .outboundProxy("sip:127.0.0.1:5060")
 *         .build().start()) {
 *   alice.register().registered().join();
 *   Call call = alice.call("sip:bob@example.com", negotiator);
 *   call.outcome().join();                       // 200 OK, or why not
 *   call.hangup().join();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every operation returns at once; results come as {@link CompletableFuture}s and
 * events through the {@link UaListener}, all on the user agent's event thread.
 */
public final class UserAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UserAgent.class);
  private static final MediaType TEXT_PLAIN =
      new MediaType("text", "plain", Parameters.of("charset", "UTF-8"));

  private final UaContext ctx;
  private final UaCore core;
  private final NettyTransport transport;
  private final TransactionLayer layer;
  private final WheelTimerService timers;
  private final ExecutorService events;
  private final ExecutorService resolver;
  private final List<Registration> registrations = new ArrayList<>(); // Guarded by itself.
  private final Object closeLock = new Object();
  private boolean closed; // Guarded by closeLock.

  private UserAgent(Builder b) {
    UaSettings settings = b.settings();
    this.timers = new WheelTimerService();
    this.events = Executors.newSingleThreadExecutor(daemon("ua-events"));
    this.resolver = Executors.newCachedThreadPool(daemon("ua-resolver"));
    this.ctx = new UaContext(settings, timers, events, resolver);
    this.core = new UaCore(ctx);
    this.core.listener(b.listener);
    AtomicReference<TransactionLayer> built = new AtomicReference<>();
    this.transport =
        NettyTransport.builder()
            .listen(settings.listen().toArray(new ListenPoint[0]))
            .handler(inbound -> built.get().onMessage(inbound))
            .ioThreads(1)
            .build();
    // Each transaction runs on the I/O thread its key maps to, as in the server (house style
    // habit 10); the transport exists before the layer, and both before anything arrives.
    NettyTransport t = transport;
    Stripes stripes = key -> t.executorFor(key);
    built.set(TransactionLayer.builder(transport, core, timers, stripes)
        .timerConfig(settings.timerConfig())
        .build());
    this.layer = built.get();
  }

  /** A builder for the user agent of {@code user@domain}. */
  public static Builder builder(String user, String domain) {
    return new Builder(user, domain);
  }

  /**
   * Binds the listen points and starts receiving. On failure nothing is left running.
   *
   * @throws TransportException when an address cannot be bound
   */
  public UserAgent start() throws TransportException {
    try {
      transport.start();
    } catch (TransportException e) {
      shutdownThreads();
      throw e;
    }
    ctx.started(layer, transport.listening());
    log.info("user agent {} listening on {}", ctx.aor(), transport.listening());
    return this;
  }

  /** Where it listens, with real ports. */
  public List<ListenPoint> listening() {
    return transport.listening();
  }

  /** The address of record, {@code sip:user@domain}. */
  public Address aor() {
    return ctx.aor();
  }

  /** Our Contact for the first transport listened on. */
  public Address contact() {
    return ctx.contact(ctx.listening().get(0).transport());
  }

  /** Registers our Contact with the registrar and keeps it registered until closed. */
  public Registration register() {
    Registration r = new Registration(core, ctx);
    synchronized (registrations) {
      registrations.add(r);
    }
    r.start();
    return r;
  }

  /** Places a call to {@code target} (a SIP URI as text); see {@link #call(Uri, SessionNegotiator)}. */
  public Call call(String target, SessionNegotiator negotiator) {
    return call(parseTarget(target), negotiator);
  }

  /**
   * Places a call: an INVITE with the negotiator's offer (none when {@code negotiator} is null),
   * sent to the outbound proxy or else straight to the target, answering challenges and following
   * redirects. Watch it through {@link Call#outcome()} and the listener.
   */
  public Call call(Uri target, SessionNegotiator negotiator) {
    return call(target, negotiator, true);
  }

  /**
   * As {@link #call(Uri, SessionNegotiator)}; with {@code offerInInvite} false the INVITE carries
   * no offer, the callee offers in its 2xx and our ACK carries the answer (section 13.2.1).
   */
  public Call call(Uri target, SessionNegotiator negotiator, boolean offerInInvite) {
    SipRequest.Builder b = newRequest(Method.INVITE, target);
    b.add(HeaderName.CONTACT, ctx.contact(transportFor(target)));
    if (negotiator != null && offerInInvite) {
      Body offer = negotiator.offer(false);
      b.body(offer.type(), offer.content());
    }
    Call call = new Call(core, ctx, b.build(), negotiator);
    core.addCall(call);
    call.start();
    return call;
  }

  /** Sends a MESSAGE (RFC 3428) with a text/plain body; completes with its final response. */
  public CompletableFuture<Exchange> message(String target, String text) {
    return message(parseTarget(target), new Body(TEXT_PLAIN, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Sends a MESSAGE (RFC 3428) with any body; completes with its final response. */
  public CompletableFuture<Exchange> message(Uri target, Body body) {
    SipRequest req = newRequest(Method.MESSAGE, target).body(body.type(), body.content()).build();
    return outOfDialog(req);
  }

  /** Asks {@code target} for its capabilities (section 11); completes with its final response. */
  public CompletableFuture<Exchange> options(String target) {
    return options(parseTarget(target));
  }

  /** Asks {@code target} for its capabilities (section 11); completes with its final response. */
  public CompletableFuture<Exchange> options(Uri target) {
    SipRequest req = newRequest(Method.OPTIONS, target)
        .add(HeaderName.ACCEPT, MediaType.SDP)
        .build();
    return outOfDialog(req);
  }

  private CompletableFuture<Exchange> outOfDialog(SipRequest req) {
    long[] seq = {req.cseq().orElseThrow().sequence()};
    CompletableFuture<Exchange> out = new CompletableFuture<>();
    core.requester()
        .send(req, new Requester.Options(false, ctx.settings.followRedirects(), () -> ++seq[0]),
            new Requester.Progress() {})
        .whenComplete((x, err) -> events.execute(() -> {
          if (err != null) {
            out.completeExceptionally(err);
          } else {
            out.complete(x);
          }
        }));
    return out;
  }

  /** The calls in progress. */
  public List<Call> calls() {
    return core.calls();
  }

  /** Sets who hears incoming calls, messages and call events. */
  public void listener(UaListener listener) {
    core.listener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * A request outside any dialog (section 8.1.1): To is the target, From our address of record
   * with a new tag, a new Call-ID, CSeq 1.
   */
  private SipRequest.Builder newRequest(Method method, Uri target) {
    return ctx.decorate(
        SipRequest.builder(method, target)
            .add(HeaderName.MAX_FORWARDS, MaxForwards.DEFAULT)
            .add(HeaderName.TO, Address.of(target instanceof SipUri s ? s.withoutHeaders() : target))
            .add(HeaderName.FROM, ctx.aor().withTag(Branches.newTag()))
            .add(HeaderName.CALL_ID, new CallId(Branches.newTag() + Branches.newTag() + "@switchboard"))
            .add(HeaderName.CSEQ, new CSeq(1, method)));
  }

  private Transport transportFor(Uri target) {
    Uri hop = ctx.settings.outboundProxy().map(u -> (Uri) u).orElse(target);
    Transport t = hop instanceof SipUri s ? NextHop.transportOf(s) : Transport.UDP;
    return ctx.listening().stream().anyMatch(p -> p.transport() == t) ? t : ctx.listening().get(0).transport();
  }

  private static Uri parseTarget(String target) {
    var parsed = SipUri.parse(Objects.requireNonNull(target, "target").trim());
    if (!parsed.isParsed()) {
      throw new IllegalArgumentException("not a SIP URI: " + target);
    }
    return parsed.value();
  }

  /**
   * Hangs up every call, removes every registration (waiting up to two seconds for the
   * registrar), then stops the transport and threads. Idempotent. Blocks briefly: call it from the
   * application's thread, not from a {@link UaListener} method (the registrar's answer is
   * delivered on that thread, so there the wait always runs its full two seconds).
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (Call c : core.calls()) {
      c.shutdown();
    }
    synchronized (registrations) {
      for (Registration r : registrations) {
        if (r.isActive()) {
          pending.add(r.unregister());
        }
      }
    }
    try {
      CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).get(2, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      log.info("registrar did not confirm the removal in time");
    } catch (Exception e) {
      log.debug("unregister failed", e);
    }
    if (!core.calls().isEmpty() || !pending.isEmpty()) {
      // Give the BYEs and the last answers a moment to leave before the sockets close.
      sleep(Duration.ofMillis(200));
    }
    transport.close();
    shutdownThreads();
  }

  private void shutdownThreads() {
    timers.close();
    events.shutdown();
    resolver.shutdown();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures a {@link UserAgent}. Not thread-safe. */
  public static final class Builder {
    private final String user;
    private final String domain;
    private String authUser;
    private String password;
    private String displayName;
    private final List<ListenPoint> listen = new ArrayList<>();
    private SipUri outboundProxy;
    private SipUri registrar;
    private TimerConfig timerConfig = TimerConfig.DEFAULT;
    private String product = "Switchboard-UA";
    private String advertisedHost;
    private Duration registerExpires = Duration.ofSeconds(300);
    private UaListener listener = new UaListener() {};
    private boolean followRedirects;

    private Builder(String user, String domain) {
      this.user = Objects.requireNonNull(user, "user");
      this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** The digest password; without it challenges are not answered. */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The digest user name, when it is not the user part of the address of record. */
    public Builder authUser(String authUser) {
      this.authUser = Objects.requireNonNull(authUser, "authUser");
      return this;
    }

    /** The display name in From. */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /** Adds listen points; default {@code udp:127.0.0.1:0} (a free port). */
    public Builder listen(ListenPoint... points) {
      listen.addAll(List.of(points));
      return this;
    }

    /** Sends every request outside a dialog to this proxy (section 8.1.2), e.g. {@code sip:127.0.0.1:5060}. */
    public Builder outboundProxy(String uri) {
      var parsed = SipUri.parse(uri);
      if (!parsed.isParsed()) {
        throw new IllegalArgumentException("outbound proxy is not a SIP URI: " + uri);
      }
      this.outboundProxy = parsed.value();
      return this;
    }

    /** The registrar's URI; default {@code sip:domain}, sent to the outbound proxy if there is one. */
    public Builder registrar(SipUri registrar) {
      this.registrar = Objects.requireNonNull(registrar, "registrar");
      return this;
    }

    /** T1, T2 and T4; the RFC's defaults unless set. */
    public Builder timers(TimerConfig config) {
      this.timerConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The User-Agent and Server header value. */
    public Builder product(String product) {
      this.product = Objects.requireNonNull(product, "product");
      return this;
    }

    /** The host for Via and Contact when listening on a wildcard address. */
    public Builder advertisedHost(String host) {
      this.advertisedHost = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The registration lifetime to ask for; 300 s unless set. */
    public Builder registerExpires(Duration expires) {
      this.registerExpires = Objects.requireNonNull(expires, "expires");
      return this;
    }

    /**
     * Whether to follow a 3xx to its Contacts (section 8.1.3.4) instead of reporting it as the
     * outcome; off unless set.
     */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /** Who hears incoming calls and messages; may be replaced later with {@link UserAgent#listener}. */
    public Builder listener(UaListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    UaSettings settings() {
      List<ListenPoint> points = listen.isEmpty()
          ? List.of(new ListenPoint(Transport.UDP, new InetSocketAddress("127.0.0.1", 0)))
          : listen;
      return new UaSettings(
          user, domain, authUser == null ? user : authUser,
          Optional.ofNullable(password), Optional.ofNullable(displayName), points,
          Optional.ofNullable(outboundProxy), Optional.ofNullable(registrar), timerConfig, product,
          Optional.ofNullable(advertisedHost), registerExpires, followRedirects);
    }

    /** The user agent, not yet listening: call {@link UserAgent#start()}. */
    public UserAgent build() {
      return new UserAgent(this);
    }
  }
}
