// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.core.auth.DigestClient;
import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transaction.ClientOutcome;
import dev.switchboard.transaction.ClientTransaction;
import dev.switchboard.transaction.ClientTransactionListener;
import dev.switchboard.transaction.Failure;
import dev.switchboard.transport.Inbound;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAC side of RFC 3261 section 8.1 for one request: sends it in a client transaction and
 * reacts to the final response as section 8.1.3 says. A 401 or 407 is answered once per
 * challenge with credentials from {@link DigestClient} (section 22.2; again only when the server
 * says the nonce was stale); a 3xx is followed to its Contacts when the caller asked for that
 * (section 8.1.3.4); anything else ends the exchange. A timeout becomes a local 408 and a
 * transport failure a local 503 (section 8.1.3.1).
 *
 * <p>Thread-safe: each {@link #send} is an independent chain of transactions; its steps run on
 * transaction threads and never block.
 */
final class Requester {
  private static final Logger log = LoggerFactory.getLogger(Requester.class);
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_AUTH_ROUNDS = 3;

  /** What the caller of {@link #send} hears along the way. Methods run on transaction threads. */
  interface Progress {
    /** Each request actually sent, the first and every retry, with its transaction. */
    default void onSent(ClientTransaction transaction) {}

    /** A provisional response to the current attempt. */
    default void onProvisional(SipResponse response) {}

    /** A further 2xx to an INVITE (a retransmission or another fork, RFC 6026 section 7.2). */
    default void onAdditional2xx(ClientTransaction transaction, Inbound response) {}
  }

  /** How a request is sent. */
  record Options(boolean inDialog, boolean followRedirects, LongSupplier nextCseq) {}

  private final UaContext ctx;

  Requester(UaContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Sends {@code request} (complete but for its Via, which is added per attempt) and completes
   * with how it ended.
   */
  CompletableFuture<Exchange> send(SipRequest request, Options options, Progress progress) {
    CompletableFuture<Exchange> done = new CompletableFuture<>();
    new Attempt(options, progress, done).send(request);
    return done;
  }

  /** One exchange: its attempts, one at a time. Confined to the thread of its current step. */
  private final class Attempt {
    private final Options options;
    private final Progress progress;
    private final CompletableFuture<Exchange> done;
    private final Set<String> visited = new HashSet<>();
    private int redirects;
    private int authRounds;

    Attempt(Options options, Progress progress, CompletableFuture<Exchange> done) {
      this.options = options;
      this.progress = progress;
      this.done = done;
    }

    void send(SipRequest request) {
      Uri hopUri = ctx.hopUri(request, options.inDialog());
      NextHop.resolve(hopUri, ctx.resolver)
          .whenComplete((hop, err) -> {
            if (err != null) {
              log.debug("cannot resolve {}: {}", hopUri, err.toString());
              done.complete(new Exchange(request, request.reply(503, "Service Unavailable")
                  .build(), true));
              return;
            }
            transmit(request, hop);
          });
    }

    private void transmit(SipRequest request, NextHop hop) {
      SipRequest out;
      ClientTransaction tx;
      try {
        SipRequest.Builder b = request.toBuilder().remove(HeaderName.VIA);
        b.prepend(HeaderName.VIA, ctx.newVia(hop.transport()));
        out = b.build();
        tx = ctx.layer().sendRequest(out, hop.transport(), hop.address(), new Listener());
      } catch (RuntimeException e) {
        log.debug("cannot send {}: {}", request.startLine(), e.toString());
        done.complete(new Exchange(request, request.reply(503, "Service Unavailable").build(), true));
        return;
      }
      progress.onSent(tx);
      tx.outcome().thenAccept(outcome -> onOutcome(out, outcome));
    }

    private final class Listener implements ClientTransactionListener {
      @Override
      public void onProvisional(ClientTransaction transaction, Inbound response) {
        progress.onProvisional((SipResponse) response.message());
      }

      @Override
      public void onAdditional2xx(ClientTransaction transaction, Inbound response) {
        progress.onAdditional2xx(transaction, response);
      }
    }

    private void onOutcome(SipRequest sent, ClientOutcome outcome) {
      if (outcome instanceof Failure.Timeout) {
        done.complete(new Exchange(sent, sent.reply(408).build(), true));
        return;
      }
      if (outcome instanceof Failure.TransportError) {
        done.complete(new Exchange(sent, sent.reply(503).build(), true));
        return;
      }
      SipResponse response = ((ClientOutcome.FinalResponse) outcome).response();
      int code = Statuses.effective(response.statusCode());
      if ((code == 401 || code == 407) && retryWithCredentials(sent, response, code)) {
        return;
      }
      if (code >= 300 && code < 400 && options.followRedirects() && redirect(sent, response)) {
        return;
      }
      done.complete(new Exchange(sent, response, false));
    }

    /** Section 8.1.3.5 and 22.2: a new request with the credentials the challenge asks for. */
    private boolean retryWithCredentials(SipRequest sent, SipResponse response, int code) {
      DigestClient creds = ctx.credentials;
      HeaderName<AuthValue> challengeHeader =
          code == 401 ? HeaderName.WWW_AUTHENTICATE : HeaderName.PROXY_AUTHENTICATE;
      HeaderName<AuthValue> answerHeader =
          code == 401 ? HeaderName.AUTHORIZATION : HeaderName.PROXY_AUTHORIZATION;
      Optional<AuthValue> challenge = DigestClient.pick(response.all(challengeHeader));
      if (creds == null || challenge.isEmpty() || authRounds >= MAX_AUTH_ROUNDS) {
        return false;
      }
      String realm = challenge.get().param("realm").orElse("");
      boolean alreadyAnswered =
          sent.all(answerHeader).stream().anyMatch(a -> realm.equals(a.param("realm").orElse(null)));
      boolean stale = challenge.get().param("stale").map(s -> s.equalsIgnoreCase("true")).orElse(false);
      if (alreadyAnswered && !stale) {
        // The same realm refused our credentials: a wrong password, not something to retry.
        return false;
      }
      authRounds++;
      AuthValue answer =
          creds.answer(challenge.get(), sent.method().name(), sent.requestUri().toString());
      SipRequest.Builder b = next(sent);
      // Keep answers to other realms; replace the one for this realm.
      b.remove(answerHeader);
      for (AuthValue a : sent.all(answerHeader)) {
        if (!realm.equals(a.param("realm").orElse(null))) {
          b.add(answerHeader, a);
        }
      }
      b.add(answerHeader, answer);
      send(b.build());
      return true;
    }

    /** Section 8.1.3.4: try the Contacts of a 3xx, each once, as new requests. */
    private boolean redirect(SipRequest sent, SipResponse response) {
      visited.add(sent.requestUri().toString());
      List<Address> contacts = response.all(HeaderName.CONTACT);
      for (Address c : contacts) {
        if (c.isWildcard() || visited.contains(c.uri().toString()) || redirects >= MAX_REDIRECTS) {
          continue;
        }
        redirects++;
        SipRequest.Builder b = next(sent).requestUri(c.uri());
        send(b.build());
        return true;
      }
      return false;
    }

    /** The next request of the exchange: same Call-ID, tags and To, a higher CSeq (section 8.1.3.5). */
    private SipRequest.Builder next(SipRequest sent) {
      long seq = options.nextCseq().getAsLong();
      Method m = sent.method();
      return sent.toBuilder().set(HeaderName.CSEQ, new CSeq(seq, m));
    }
  }
}
