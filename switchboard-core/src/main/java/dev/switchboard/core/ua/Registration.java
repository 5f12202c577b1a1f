// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.Expires;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transaction.Branches;
import dev.switchboard.transaction.TimerService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This user agent's binding at its registrar (RFC 3261 section 10.2): REGISTER with our Contact,
 * answered challenges, a refresh before the granted time runs out, and removal on {@link
 * #unregister()}. All REGISTERs of one registration share a Call-ID and From tag, with a rising
 * CSeq (section 10.2).
 *
 * <p>Thread-safe: state is guarded by {@code this}; REGISTERs go out asynchronously.
 */
public final class Registration {
  private static final Logger log = LoggerFactory.getLogger(Registration.class);
  /** How long to wait before trying again after a failed refresh. */
  private static final Duration RETRY = Duration.ofSeconds(30);

  private final UaCore core;
  private final UaContext ctx;
  private final Uri registrar;
  private final Address contact;
  private final String callId = Branches.newTag() + Branches.newTag();
  private final String fromTag = Branches.newTag();
  private final AtomicLong cseq = new AtomicLong();
  private final CompletableFuture<Exchange> first = new CompletableFuture<>();

  // Guarded by this.
  private boolean active = true;
  private Duration asked; // The lifetime we ask for: the configured one, raised by a 423.
  private Duration granted = Duration.ZERO;
  private TimerService.Handle refresh;

  Registration(UaCore core, UaContext ctx) {
    this.core = core;
    this.ctx = ctx;
    this.registrar = ctx.settings.registrar()
        .map(u -> (Uri) u)
        .orElseGet(() -> SipUri.of(null, ctx.settings.domain(), -1));
    this.contact = ctx.contact(ctx.listening().get(0).transport());
  }

  /** The first REGISTER's outcome (after any challenge): 2xx when registered. */
  public CompletableFuture<Exchange> registered() {
    return first.thenApply(x -> x);
  }

  /** The lifetime the registrar granted last; zero before the first 2xx or after removal. */
  public synchronized Duration granted() {
    return granted;
  }

  /** True while registered and refreshing. */
  public synchronized boolean isActive() {
    return active && !granted.isZero();
  }

  /** The Contact registered. */
  public Address contact() {
    return contact;
  }

  void start() {
    synchronized (this) {
      asked = ctx.settings.registerExpires();
    }
    send(ctx.settings.registerExpires());
  }

  private CompletableFuture<Exchange> send(Duration expires) {
    return exchange(expires).whenComplete((x, err) -> {
          if (x != null && !expires.isZero()) {
            onAnswer(x);
          }
        });
  }

  /** One REGISTER exchange, asking again with Min-Expires after a 423. */
  private CompletableFuture<Exchange> exchange(Duration expires) {
    SipRequest req = request(expires);
    return core.requester()
        .send(req, new Requester.Options(false, false, cseq::incrementAndGet), new Requester.Progress() {})
        .thenCompose(x -> {
          Optional<Duration> min = tooBrief(x, expires);
          return min.isPresent() ? exchange(min.get()) : CompletableFuture.completedFuture(x);
        });
  }

  /**
   * Section 10.2.8: a 423 Interval Too Brief names the shortest lifetime the registrar accepts in
   * Min-Expires; we ask again for that once (only when it is longer than what we asked for).
   */
  private Optional<Duration> tooBrief(Exchange x, Duration expires) {
    if (x.effectiveCode() != 423 || expires.isZero()) {
      return Optional.empty();
    }
    Optional<Duration> min = x.response().first(HeaderName.MIN_EXPIRES)
        .map(e -> Duration.ofSeconds(e.seconds()))
        .filter(d -> d.compareTo(expires) > 0);
    min.ifPresent(d -> {
      synchronized (this) {
        asked = d;
      }
    });
    return min;
  }

  private SipRequest request(Duration expires) {
    Address aor = ctx.aor();
    return ctx.decorate(
            SipRequest.builder(Method.REGISTER, registrar)
                .add(HeaderName.MAX_FORWARDS, MaxForwards.DEFAULT)
                .add(HeaderName.TO, aor)
                .add(HeaderName.FROM, aor.withTag(fromTag))
                .add(HeaderName.CALL_ID, new CallId(callId))
                .add(HeaderName.CSEQ, new CSeq(cseq.incrementAndGet(), Method.REGISTER))
                .add(HeaderName.CONTACT, contact)
                .add(HeaderName.EXPIRES, new Expires(expires.toSeconds())))
        .build();
  }

  private void onAnswer(Exchange x) {
    Duration next;
    boolean failed = !x.isSuccess();
    synchronized (this) {
      if (!active) {
        return;
      }
      if (failed) {
        granted = Duration.ZERO;
        next = RETRY;
      } else {
        granted = grantedBy(x.response());
        // Refresh well before expiry: halfway for short lifetimes, 30 s early for long ones.
        long s = granted.toSeconds();
        next = Duration.ofSeconds(s > 60 ? s - 30 : Math.max(1, s / 2));
      }
      refresh = ctx.timers.schedule(next, () -> ctx.events.execute(this::refresh));
    }
    if (failed) {
      log.info("registration of {} failed: {}", ctx.aor(), x.response().startLine());
      ctx.events.execute(() -> core.listener().onRegistrationFailed(this, x));
    }
    ctx.events.execute(() -> first.complete(x));
  }

  private void refresh() {
    Duration lifetime;
    synchronized (this) {
      if (!active) {
        return;
      }
      lifetime = asked;
    }
    send(lifetime);
  }

  /**
   * The lifetime granted (section 10.2.4): the expires parameter of our Contact in the 2xx, else
   * its Expires header, else what we asked for.
   */
  private Duration grantedBy(SipResponse ok) {
    Optional<Long> fromContact = ok.all(HeaderName.CONTACT).stream()
        .filter(c -> !c.isWildcard() && c.uri().equals(contact.uri()))
        .map(c -> c.parameters().get("expires"))
        .flatMap(Optional::stream)
        .map(Registration::seconds)
        .flatMap(Optional::stream)
        .findFirst();
    long s = fromContact
        .or(() -> ok.first(HeaderName.EXPIRES).map(Expires::seconds))
        .orElse(requested().toSeconds());
    return Duration.ofSeconds(s);
  }

  private synchronized Duration requested() {
    return asked;
  }

  private static Optional<Long> seconds(String v) {
    try {
      return Optional.of(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Removes the binding (section 10.2.2: Expires 0 for our Contact) and stops refreshing.
   * Completes with the registrar's answer.
   */
  public CompletableFuture<Exchange> unregister() {
    synchronized (this) {
      active = false;
      granted = Duration.ZERO;
      if (refresh != null) {
        refresh.cancel();
      }
    }
    CompletableFuture<Exchange> done = new CompletableFuture<>();
    send(Duration.ZERO).whenComplete((x, err) -> ctx.events.execute(() -> {
      if (err != null) {
        done.completeExceptionally(err);
      } else {
        done.complete(x);
      }
    }));
    return done;
  }
}
