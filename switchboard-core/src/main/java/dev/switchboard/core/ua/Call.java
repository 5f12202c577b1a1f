// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.RetryAfter;
import dev.switchboard.transaction.ClientTransaction;
import dev.switchboard.transaction.ServerTransaction;
import dev.switchboard.transport.Inbound;
import dev.switchboard.message.uri.Uri;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call, placed or received: the INVITE transaction that sets it up, the dialog it creates
 * (RFC 3261 section 12), re-INVITEs for hold and resume (section 14), and its end by CANCEL
 * (section 9), rejection or BYE (section 15).
 *
 * <p>For a received call the application chooses the answer: {@link #ring()} (180), {@link
 * #progress} (183 with early media), {@link #accept} (200) or {@link #reject} (any 3xx-6xx). For
 * either direction, {@link #hangup()} ends it in the way its state allows: CANCEL while our INVITE
 * is unanswered, a rejection while theirs is, BYE once connected.
 *
 * <p>Thread-safe. State is guarded by {@code this}; messages are sent asynchronously, and futures
 * returned to the application complete on the user agent's event thread.
 */
public final class Call {
  private static final Logger log = LoggerFactory.getLogger(Call.class);

  /** Which side placed the call. */
  public enum Direction {
    /** We sent the INVITE. */
    OUTGOING,
    /** We received the INVITE. */
    INCOMING
  }

  /** Where the call stands. */
  public enum State {
    /** The INVITE is out (or in) and nothing but 100 has answered it. */
    TRYING,
    /** A 180, 183 or other provisional response was sent or received. */
    EARLY,
    /** A 2xx was sent or received: the dialog is confirmed. */
    CONNECTED,
    /** Over; see {@link #ended()}. */
    ENDED
  }

  private final UaCore core;
  private final UaContext ctx;
  private final Direction direction;
  private final Address remote;
  private final String callId;
  private final CompletableFuture<Exchange> outcome = new CompletableFuture<>();
  private final CompletableFuture<CallEnd> ended = new CompletableFuture<>();
  private final AckSender acks;
  private final DialogResponses responses;

  // Guarded by this.
  private State state = State.TRYING;
  private SessionNegotiator negotiator;
  private volatile Dialog dialog; // Set once (outgoing: on the 2xx); written under this.
  private boolean localHold;
  private Body earlyAnswer;

  // Outgoing calls, guarded by this.
  private SipRequest invite; // The INVITE as last sent (after any authentication retry).
  private ClientTransaction inviteTx;
  private boolean provisionalSeen;
  private boolean cancelWanted;
  private boolean reinviting;

  // Incoming calls, guarded by this.
  private final SipRequest receivedInvite;
  private final ServerTransaction inviteServerTx;
  private boolean finalSent;
  private TwoXxRetransmitter retransmitter;
  private long awaitingAckFor = -1; // CSeq of the INVITE whose 2xx awaits its ACK.
  private boolean lateOffer; // Our 2xx carried the offer; the ACK carries the answer.

  /** An outgoing call; {@link #start()} sends the INVITE. */
  Call(UaCore core, UaContext ctx, SipRequest invite, SessionNegotiator negotiator) {
    this.core = core;
    this.ctx = ctx;
    this.direction = Direction.OUTGOING;
    this.invite = invite;
    this.remote = invite.to().orElseThrow();
    this.callId = invite.callId().orElseThrow().value();
    this.negotiator = negotiator;
    this.receivedInvite = null;
    this.inviteServerTx = null;
    this.acks = new AckSender(ctx, core.requester());
    // An outgoing call answers requests only within its dialog, where To carries our tag.
    this.responses = new DialogResponses(ctx, invite.from().orElseThrow().tag().orElse(""));
  }

  /** An incoming call; the core registers its dialog so CANCEL, BYE and ACK find it. */
  Call(UaCore core, UaContext ctx, ServerTransaction tx, String localTag) {
    this.core = core;
    this.ctx = ctx;
    this.direction = Direction.INCOMING;
    this.receivedInvite = tx.request();
    this.inviteServerTx = tx;
    this.remote = receivedInvite.from().orElseThrow().withoutParameter("tag");
    this.callId = receivedInvite.callId().orElseThrow().value();
    this.dialog = Dialog.asCallee(receivedInvite, localTag);
    this.acks = new AckSender(ctx, core.requester());
    this.responses = new DialogResponses(ctx, localTag);
  }

  // ---------------------------------------------------------------- what the application sees

  /** Who placed the call. */
  public Direction direction() {
    return direction;
  }

  /** The current state. */
  public synchronized State state() {
    return state;
  }

  /** The other party: the To of our INVITE, or the From of theirs. */
  public Address remote() {
    return remote;
  }

  /** The Call-ID. */
  public String callId() {
    return callId;
  }

  /** The dialog, once there is one (for an incoming call, from the start). */
  public synchronized Optional<Dialog> dialog() {
    return Optional.ofNullable(dialog);
  }

  /** For an incoming call, the INVITE as received. */
  public Optional<SipRequest> request() {
    return Optional.ofNullable(receivedInvite);
  }

  /** For an incoming call, the offer in the INVITE, if it had one. */
  public Optional<Body> offer() {
    return receivedInvite == null ? Optional.empty() : Body.of(receivedInvite);
  }

  /** True while we hold the other side (our last offer was sendonly). */
  public synchronized boolean onHold() {
    return localHold;
  }

  /**
   * The INVITE's final outcome: for an outgoing call the final response (a 2xx when it was
   * answered); for an incoming call our final response, once sent.
   */
  public CompletableFuture<Exchange> outcome() {
    return outcome.thenApply(x -> x);
  }

  /** Completes once when the call ends, for any reason. */
  public CompletableFuture<CallEnd> ended() {
    return ended.thenApply(x -> x);
  }

  // ---------------------------------------------------------------- outgoing

  /** Sends the INVITE with its offer (or without one when there is no negotiator). */
  void start() {
    SipRequest first;
    synchronized (this) {
      first = invite;
    }
    long seq = first.cseq().orElseThrow().sequence();
    long[] next = {seq};
    core.requester()
        .send(first, new Requester.Options(false, ctx.settings.followRedirects(), () -> ++next[0]),
            new Requester.Progress() {
          @Override
          public void onSent(ClientTransaction tx) {
            onInviteSent(tx);
          }

          @Override
          public void onProvisional(SipResponse response) {
            onInviteProvisional(response);
          }

          @Override
          public void onAdditional2xx(ClientTransaction tx, Inbound response) {
            onRetransmitted2xx((SipResponse) response.message());
          }
        })
        .whenComplete((x, err) -> {
          if (err != null) {
            log.warn("INVITE exchange failed", err);
            end(new CallEnd(CallEnd.Reason.FAILED, 500, String.valueOf(err.getMessage())));
            return;
          }
          onInviteFinal(x);
        });
  }

  private void onInviteSent(ClientTransaction tx) {
    synchronized (this) {
      // After a 401/407 retry the new INVITE is the one to cancel, once it has a provisional
      // response of its own (section 9.1).
      invite = tx.request();
      inviteTx = tx;
      provisionalSeen = false;
    }
  }

  private void onInviteProvisional(SipResponse response) {
    boolean cancelNow;
    Body early = null;
    SessionNegotiator n;
    synchronized (this) {
      if (state == State.ENDED) {
        return;
      }
      cancelNow = cancelWanted && !provisionalSeen;
      provisionalSeen = true;
      n = negotiator;
      if (response.statusCode() > 100) {
        state = state == State.TRYING ? State.EARLY : state;
        Optional<Body> b = Body.of(response);
        if (b.isPresent() && b.get().isSdp() && earlyAnswer == null && invite.bodyLength() > 0) {
          // Early media (RFC 3261 section 13.2.1 with RFC 3960): the 18x carries the answer.
          earlyAnswer = b.get();
          early = b.get();
        }
      }
    }
    if (cancelNow) {
      sendCancel();
    }
    if (early != null && n != null) {
      n.accept(early);
    }
    if (response.statusCode() > 100) {
      int code = response.statusCode();
      String phrase = response.reasonPhrase();
      ctx.events.execute(() -> core.listener().onProgress(this, code, phrase));
    }
  }

  private void onInviteFinal(Exchange x) {
    SipResponse r = x.response();
    if (!r.isSuccess()) {
      int code = x.effectiveCode();
      CallEnd.Reason why;
      synchronized (this) {
        why = code == 487 && cancelWanted ? CallEnd.Reason.CANCELLED
            : x.local() ? CallEnd.Reason.FAILED : CallEnd.Reason.REJECTED;
      }
      complete(x);
      end(new CallEnd(why, r.statusCode(), r.reasonPhrase()));
      return;
    }
    boolean byeNow;
    boolean unusable = false;
    Body ackBody = null;
    SessionNegotiator n;
    synchronized (this) {
      if (state == State.ENDED) {
        return;
      }
      dialog = Dialog.asCaller(x.request(), r);
      core.addDialog(dialog.id(), this);
      state = State.CONNECTED;
      byeNow = cancelWanted;
      n = negotiator;
    }
    Optional<Body> body = Body.of(r);
    if (n != null) {
      if (x.request().bodyLength() == 0) {
        // Section 13.2.1: no offer in the INVITE, so the 2xx has it and the ACK answers.
        Optional<Body> answer = body.flatMap(n::answer);
        ackBody = answer.orElse(null);
        unusable = answer.isEmpty();
      } else if (body.isPresent() && !body.get().equals(earlyAnswerOrNull())) {
        unusable = !n.accept(body.get());
      } else if (body.isEmpty() && earlyAnswerOrNull() == null) {
        unusable = true;
      }
    }
    sendAck(x.request(), r, ackBody);
    complete(x);
    if (byeNow || unusable) {
      // Section 9.1: the CANCEL lost the race with the 2xx, so the call is ended with BYE; or
      // section 13.2.2.4: the answer is unusable, so the UAC acknowledges and hangs up.
      bye(byeNow ? CallEnd.Reason.CANCELLED : CallEnd.Reason.FAILED);
      return;
    }
    ctx.events.execute(() -> core.listener().onConnected(this));
  }

  private synchronized Body earlyAnswerOrNull() {
    return earlyAnswer;
  }

  /** Section 13.2.2.4: acknowledges our 2xx, or a 2xx from another fork, which is then ended. */
  private void sendAck(SipRequest inviteSent, SipResponse ok, Body body) {
    if (DialogId.ofResponse(ok).map(dialog.id()::equals).orElse(false)) {
      acks.acknowledge(dialog, inviteSent, ok, body);
    } else {
      acks.acknowledgeAndEnd(inviteSent, ok);
    }
  }

  /** A 2xx to our INVITE arrived again: send the same ACK again (section 13.2.2.4). */
  void onRetransmitted2xx(SipResponse ok) {
    Dialog d = dialog;
    SipRequest inv;
    synchronized (this) {
      inv = invite;
    }
    boolean sameDialog = d != null && DialogId.ofResponse(ok).map(d.id()::equals).orElse(false);
    if (sameDialog) {
      acks.resend(ok);
    } else if (d != null && inv != null) {
      acks.acknowledgeAndEnd(inv, ok);
    }
  }

  // ---------------------------------------------------------------- incoming

  /** Sends 180 Ringing (section 13.3.1.1). */
  public void ring() {
    provisional(180, null);
  }

  /**
   * Sends 183 Session Progress with our answer as early media; {@link #accept} then sends the
   * same answer in the 200. Without an acceptable offer the call is rejected with 488.
   */
  public void progress(SessionNegotiator negotiator) {
    Objects.requireNonNull(negotiator, "negotiator");
    Optional<Body> answer;
    synchronized (this) {
      requireIncoming();
      if (finalSent || state == State.ENDED) {
        return;
      }
      this.negotiator = negotiator;
      answer = earlyAnswer != null ? Optional.of(earlyAnswer) : answerOffer(negotiator);
      if (answer.isEmpty() && offer().isPresent()) {
        reject(488);
        return;
      }
      earlyAnswer = answer.orElse(null);
    }
    provisional(183, answer.orElse(null));
  }

  private Optional<Body> answerOffer(SessionNegotiator n) {
    return offer().flatMap(n::answer);
  }

  private void provisional(int code, Body body) {
    SipResponse r;
    synchronized (this) {
      requireIncoming();
      if (finalSent || state == State.ENDED) {
        return;
      }
      state = State.EARLY;
      SipResponse.Builder b = dialogResponse(receivedInvite, code);
      if (body != null) {
        b.body(body.type(), body.content());
      }
      r = b.build();
    }
    inviteServerTx.respond(r);
  }

  /**
   * Answers with 200 OK (section 13.3.1.4): the answer to the INVITE's offer, or our offer when
   * the INVITE had none (its ACK then carries the answer). With an offer nothing in which is
   * acceptable, the call is rejected with 488 instead. The 2xx is retransmitted until the ACK
   * arrives; without one the call ends with BYE after 64*T1.
   *
   * @param negotiator the media of this call; may be null for a call without a session
   */
  public void accept(SessionNegotiator negotiator) {
    SipResponse ok;
    synchronized (this) {
      requireIncoming();
      if (finalSent || state == State.ENDED) {
        return;
      }
      if (negotiator != null) {
        this.negotiator = negotiator;
      }
      SessionNegotiator n = this.negotiator;
      Body body = null;
      if (n != null) {
        if (offer().isPresent()) {
          Optional<Body> answer = earlyAnswer != null ? Optional.of(earlyAnswer) : answerOffer(n);
          if (answer.isEmpty()) {
            reject(488);
            return;
          }
          body = answer.get();
        } else {
          body = n.offer(false);
          lateOffer = true;
        }
      }
      SipResponse.Builder b = dialogResponse(receivedInvite, 200);
      if (body != null) {
        b.body(body.type(), body.content());
      }
      ok = b.build();
      finalSent = true;
      state = State.CONNECTED;
      awaitingAckFor = receivedInvite.cseq().orElseThrow().sequence();
      core.inviteAnswered(inviteServerTx);
      retransmitter =
          TwoXxRetransmitter.start(ctx.timers, ctx.timerConfig, inviteServerTx, ok,
              () -> ctx.events.execute(this::noAck));
    }
    inviteServerTx.respond(ok);
    complete(new Exchange(receivedInvite, ok, false));
  }

  /** Rejects the call with {@code statusCode} (300-699) and its standard reason phrase. */
  public void reject(int statusCode) {
    reject(statusCode, dev.switchboard.message.StatusCode.effective(statusCode).reasonPhrase());
  }

  /** Rejects the call with {@code statusCode} (300-699) and {@code reasonPhrase}. */
  public void reject(int statusCode, String reasonPhrase) {
    if (statusCode < 300 || statusCode > 699) {
      throw new IllegalArgumentException("a rejection is 300-699: " + statusCode);
    }
    answerFinally(() -> dialogResponse(receivedInvite, statusCode, reasonPhrase));
  }

  /**
   * Redirects the caller (section 8.3, section 21.3): a 3xx (e.g. 302 Moved Temporarily) whose
   * Contacts say where to try instead. A caller that follows redirects calls those.
   */
  public void redirect(int statusCode, List<Uri> contacts) {
    if (statusCode < 300 || statusCode > 399) {
      throw new IllegalArgumentException("a redirection is 300-399: " + statusCode);
    }
    answerFinally(
        () -> {
          SipResponse.Builder b = dialogResponse(receivedInvite, statusCode);
          contacts.forEach(c -> b.add(HeaderName.CONTACT, Address.of(c)));
          return b;
        });
  }

  /** Sends a 3xx-6xx final response to the incoming INVITE, once, and ends the call. */
  private void answerFinally(java.util.function.Supplier<SipResponse.Builder> response) {
    SipResponse r;
    synchronized (this) {
      requireIncoming();
      if (finalSent || state == State.ENDED) {
        return;
      }
      finalSent = true;
      r = response.get().build();
      core.inviteAnswered(inviteServerTx);
    }
    inviteServerTx.respond(r);
    complete(new Exchange(receivedInvite, r, false));
    end(new CallEnd(CallEnd.Reason.REJECTED, r.statusCode(), r.reasonPhrase()));
  }

  /** Section 9.2: the caller cancelled; 200 to the CANCEL and 487 to the INVITE if unanswered. */
  void onCancel(ServerTransaction cancel) {
    cancel.respond(dialogResponse(cancel.request(), 200).build());
    SipResponse terminated;
    synchronized (this) {
      if (finalSent) {
        return;
      }
      finalSent = true;
      terminated = dialogResponse(receivedInvite, 487).build();
      core.inviteAnswered(inviteServerTx);
    }
    inviteServerTx.respond(terminated);
    complete(new Exchange(receivedInvite, terminated, false));
    end(new CallEnd(CallEnd.Reason.CANCELLED, 487, terminated.reasonPhrase()));
  }

  /** The ACK for our 2xx arrived (section 13.3.1.4). */
  void onAck(SipRequest ackReceived) {
    boolean first;
    boolean applyAnswer;
    SessionNegotiator n;
    synchronized (this) {
      long seq = ackReceived.cseq().orElseThrow().sequence();
      first = seq == awaitingAckFor;
      if (!first) {
        return;
      }
      awaitingAckFor = -1;
      if (retransmitter != null) {
        retransmitter.acknowledged();
      }
      applyAnswer = lateOffer;
      lateOffer = false;
      n = negotiator;
    }
    if (applyAnswer && n != null) {
      Optional<Body> answer = Body.of(ackReceived);
      if (answer.isEmpty() || !n.accept(answer.get())) {
        bye(CallEnd.Reason.FAILED);
        return;
      }
    }
    if (ackReceived.cseq().orElseThrow().sequence() == receivedInviteSeq()) {
      ctx.events.execute(() -> core.listener().onConnected(this));
    }
  }

  private long receivedInviteSeq() {
    return receivedInvite == null ? -2 : receivedInvite.cseq().orElseThrow().sequence();
  }

  private void noAck() {
    log.info("no ACK for our 2xx on call {}; ending it with BYE", callId);
    bye(CallEnd.Reason.NO_ACK);
  }

  // ---------------------------------------------------------------- within the dialog

  /** A request within this call's dialog (section 12.2.2). */
  void onRequest(ServerTransaction tx, SipRequest request) {
    Dialog d;
    synchronized (this) {
      d = dialog;
    }
    if (!d.acceptRemoteSequence(request)) {
      tx.respond(dialogResponse(request, 500, "CSeq Out of Order").build());
      return;
    }
    Method m = request.method();
    if (m.equals(Method.BYE)) {
      onBye(tx, request);
    } else if (m.equals(Method.INVITE)) {
      onReinvite(tx, request);
    } else if (m.equals(Method.OPTIONS)) {
      tx.respond(ctx.withCapabilities(dialogResponse(request, 200)).build());
    } else if (m.equals(Method.MESSAGE)) {
      core.onMessage(tx, request);
    } else {
      tx.respond(ctx.withCapabilities(dialogResponse(request, 405)).build());
    }
  }

  /** Section 15.1.2: 200 to the BYE; an unanswered INVITE gets 487; the call is over. */
  private void onBye(ServerTransaction tx, SipRequest bye) {
    tx.respond(dialogResponse(bye, 200).build());
    SipResponse terminated = null;
    synchronized (this) {
      if (direction == Direction.INCOMING && !finalSent) {
        finalSent = true;
        terminated = dialogResponse(receivedInvite, 487).build();
        core.inviteAnswered(inviteServerTx);
      }
    }
    if (terminated != null) {
      inviteServerTx.respond(terminated);
      complete(new Exchange(receivedInvite, terminated, false));
    }
    end(new CallEnd(CallEnd.Reason.REMOTE_HANGUP, 0, "BYE received"));
  }

  /** Section 14.2: a re-INVITE changes the session; the remote target is refreshed (section 12.2). */
  private void onReinvite(ServerTransaction tx, SipRequest reinvite) {
    SipResponse r;
    synchronized (this) {
      if (state != State.CONNECTED || reinviting) {
        // Section 14.2: our own re-INVITE is pending (glare), so 491; or the call is not set up.
        tx.respond(dialogResponse(reinvite, state == State.CONNECTED ? 491 : 500).build());
        return;
      }
      if (awaitingAckFor >= 0) {
        // Section 14.2: an earlier INVITE still awaits its ACK; the peer should retry shortly.
        SipResponse.Builder b = dialogResponse(reinvite, 500);
        b.add(HeaderName.RETRY_AFTER, RetryAfter.parse("1").value());
        tx.respond(b.build());
        return;
      }
      dialog.refreshTarget(reinvite);
      SessionNegotiator n = negotiator;
      Optional<Body> offer = Body.of(reinvite);
      Body body = null;
      if (n != null && offer.isPresent()) {
        Optional<Body> answer = n.answer(offer.get());
        if (answer.isEmpty()) {
          // Section 14.2: an unacceptable re-offer leaves the session as it was.
          tx.respond(dialogResponse(reinvite, 488).build());
          return;
        }
        body = answer.get();
      } else if (n != null) {
        body = n.offer(localHold);
        lateOffer = true;
      }
      SipResponse.Builder b = dialogResponse(reinvite, 200);
      if (body != null) {
        b.body(body.type(), body.content());
      }
      r = b.build();
      awaitingAckFor = reinvite.cseq().orElseThrow().sequence();
      retransmitter = TwoXxRetransmitter.start(ctx.timers, ctx.timerConfig, tx, r,
          () -> ctx.events.execute(this::noAck));
    }
    tx.respond(r);
  }

  /** Puts the other side on hold with a sendonly re-offer (RFC 3264 section 8.4). */
  public CompletableFuture<Exchange> hold() {
    return reinvite(true);
  }

  /** Resumes a held call with a sendrecv re-offer. */
  public CompletableFuture<Exchange> resume() {
    return reinvite(false);
  }

  /**
   * Sends a re-INVITE with a new offer (section 14.1). A 2xx applies the answer; another final
   * response leaves the session as it was, except that 481 and 408 end the call (section
   * 12.2.1.2). Completes with the final response; fails with {@link IllegalStateException} when
   * the call is not connected or another re-INVITE is pending.
   */
  public CompletableFuture<Exchange> reinvite(boolean hold) {
    SipRequest req;
    Dialog d;
    SessionNegotiator n;
    synchronized (this) {
      if (state != State.CONNECTED || reinviting || awaitingAckFor >= 0) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("cannot re-INVITE a call that is " + state
                + (reinviting || awaitingAckFor >= 0 ? " with an INVITE pending" : "")));
      }
      reinviting = true;
      d = dialog;
      n = negotiator;
      SipRequest.Builder b = ctx.decorate(d.newRequest(Method.INVITE, 0));
      b.add(HeaderName.CONTACT, ctx.contact(ctx.listening().get(0).transport()));
      if (n != null) {
        Body offer = n.offer(hold);
        b.body(offer.type(), offer.content());
      }
      req = b.build();
    }
    CompletableFuture<Exchange> result = new CompletableFuture<>();
    core.requester()
        .send(req, new Requester.Options(true, false, d::nextLocalSequence), new Requester.Progress() {
          @Override
          public void onAdditional2xx(ClientTransaction tx, Inbound response) {
            onRetransmitted2xx((SipResponse) response.message());
          }
        })
        .whenComplete((x, err) -> {
          synchronized (this) {
            reinviting = false;
          }
          if (err != null) {
            ctx.events.execute(() -> result.completeExceptionally(err));
            return;
          }
          onReinviteFinal(x, hold, n);
          ctx.events.execute(() -> result.complete(x));
        });
    return result;
  }

  private void onReinviteFinal(Exchange x, boolean hold, SessionNegotiator n) {
    SipResponse r = x.response();
    if (r.isSuccess()) {
      Dialog d;
      synchronized (this) {
        d = dialog;
        localHold = hold;
      }
      d.refreshTarget(r);
      sendAck(x.request(), r, null);
      Optional<Body> answer = Body.of(r);
      if (n != null && answer.isPresent() && !n.accept(answer.get())) {
        bye(CallEnd.Reason.FAILED);
      }
      return;
    }
    int code = x.effectiveCode();
    if (code == 481 || code == 408) {
      end(new CallEnd(CallEnd.Reason.FAILED, r.statusCode(), r.reasonPhrase()));
    }
  }

  // ---------------------------------------------------------------- ending

  /**
   * Ends the call the way its state allows: CANCEL for our unanswered INVITE (sent once a
   * provisional response has arrived, section 9.1), 603 Decline for theirs, BYE once connected
   * (section 15.1.1). Completes when the call has ended.
   */
  public CompletableFuture<CallEnd> hangup() {
    boolean cancel = false;
    boolean decline = false;
    boolean bye = false;
    synchronized (this) {
      switch (state) {
        case ENDED -> {}
        case CONNECTED -> bye = true;
        default -> {
          if (direction == Direction.OUTGOING) {
            if (!cancelWanted) {
              cancelWanted = true;
              cancel = provisionalSeen;
            }
          } else {
            decline = true;
          }
        }
      }
    }
    if (cancel) {
      sendCancel();
    } else if (decline) {
      reject(603);
    } else if (bye) {
      bye(CallEnd.Reason.LOCAL_HANGUP);
    }
    return ended();
  }

  /** Sends the CANCEL (section 9.1) for the INVITE as last sent, to where it went. */
  private void sendCancel() {
    ClientTransaction tx;
    synchronized (this) {
      tx = inviteTx;
    }
    if (tx == null) {
      return;
    }
    try {
      ctx.layer().sendRequest(ctx.decorate(CancelRequest.of(tx.request())).build(), tx.transport(), tx.remote());
    } catch (IllegalStateException e) {
      log.debug("CANCEL already sent for {}", callId);
    }
  }

  /** Sends BYE (section 15.1.1) and ends the call without waiting for its answer. */
  private void bye(CallEnd.Reason reason) {
    Dialog d;
    synchronized (this) {
      if (state == State.ENDED) {
        return;
      }
      d = dialog;
    }
    SipRequest bye = ctx.decorate(d.newRequest(Method.BYE, 0)).build();
    CompletableFuture<Exchange> sent =
        core.requester().send(bye, new Requester.Options(true, false, d::nextLocalSequence), new Requester.Progress() {});
    end(new CallEnd(reason, 0, reason == CallEnd.Reason.LOCAL_HANGUP ? "hung up" : reason.name()));
    sent.whenComplete((x, err) -> {
      if (x != null) {
        log.debug("BYE for {} answered {}", callId, x.response().startLine());
      }
    });
  }

  /** Ends the call because the user agent is closing: BYE when connected, else as hangup. */
  void shutdown() {
    hangup();
    end(new CallEnd(CallEnd.Reason.SHUTDOWN, 0, "user agent closed"));
  }

  private void end(CallEnd end) {
    SessionNegotiator n;
    Dialog d;
    synchronized (this) {
      if (state == State.ENDED) {
        return;
      }
      state = State.ENDED;
      n = negotiator;
      d = dialog;
      if (retransmitter != null) {
        retransmitter.acknowledged();
      }
    }
    core.removeCall(this, d);
    if (n != null) {
      try {
        n.close();
      } catch (RuntimeException e) {
        log.warn("session negotiator failed to close", e);
      }
    }
    ctx.events.execute(() -> {
      ended.complete(end);
      core.listener().onCallEnded(this, end);
    });
  }

  private void complete(Exchange x) {
    ctx.events.execute(() -> outcome.complete(x));
  }

  // ---------------------------------------------------------------- helpers

  private void requireIncoming() {
    if (direction != Direction.INCOMING) {
      throw new IllegalStateException("only an incoming call can be answered or rejected");
    }
  }

  /** A response of ours in this call's dialog; see {@link DialogResponses}. */
  private SipResponse.Builder dialogResponse(SipRequest request, int code) {
    return responses.to(request, code);
  }

  private SipResponse.Builder dialogResponse(SipRequest request, int code, String phrase) {
    return responses.to(request, code, phrase);
  }

  @Override
  public String toString() {
    return "Call[" + direction + " " + remote + " " + state() + "]";
  }
}
