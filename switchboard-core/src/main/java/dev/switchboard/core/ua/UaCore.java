// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Text;
import dev.switchboard.message.header.Token;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transaction.Branches;
import dev.switchboard.transaction.Failure;
import dev.switchboard.transaction.ServerTransaction;
import dev.switchboard.transaction.TransactionUser;
import dev.switchboard.transport.Inbound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user agent's transaction user: the UAS side of RFC 3261 section 8.2 and the dispatch of
 * requests to the calls they belong to. A request with a To tag goes to its dialog, or gets 481
 * when it matches none (section 12.2.2); a new INVITE becomes an incoming {@link Call}; MESSAGE
 * (RFC 3428) is answered 200 and passed to the listener; OPTIONS is answered with our
 * capabilities (section 11.2); other methods get 405 with Allow (section 8.2.1).
 *
 * <p>Thread-safe: the tables are concurrent maps; callbacks run on transaction threads and hand
 * everything the application sees to the event thread.
 */
final class UaCore implements TransactionUser {
  private static final Logger log = LoggerFactory.getLogger(UaCore.class);

  private final UaContext ctx;
  private final Requester requester;
  private final ConcurrentMap<DialogId, Call> dialogs = new ConcurrentHashMap<>();
  private final Map<ServerTransaction, Call> pendingInvites = new ConcurrentHashMap<>();
  private final Map<Call, Boolean> calls = new ConcurrentHashMap<>();
  private volatile UaListener listener = new UaListener() {};

  UaCore(UaContext ctx) {
    this.ctx = ctx;
    this.requester = new Requester(ctx);
  }

  Requester requester() {
    return requester;
  }

  UaListener listener() {
    return listener;
  }

  void listener(UaListener l) {
    this.listener = l;
  }

  /** A call becomes reachable by its dialog (on the callee's side from the INVITE, section 12.1.1). */
  void addDialog(DialogId id, Call call) {
    dialogs.put(id, call);
    calls.put(call, Boolean.TRUE);
  }

  void addCall(Call call) {
    calls.put(call, Boolean.TRUE);
  }

  /** The INVITE of an incoming call got its final response: a CANCEL no longer concerns the call. */
  void inviteAnswered(ServerTransaction tx) {
    pendingInvites.remove(tx);
  }

  void removeCall(Call call, Dialog dialog) {
    calls.remove(call);
    if (dialog != null) {
      dialogs.remove(dialog.id(), call);
    }
    pendingInvites.values().removeIf(c -> c == call);
  }

  /** The calls not yet ended. */
  List<Call> calls() {
    return List.copyOf(calls.keySet());
  }

  @Override
  public void onRequest(ServerTransaction tx, SipRequest request) {
    Method m = request.method();
    if (rejectedForRequire(tx, request)) {
      return;
    }
    Optional<DialogId> id = DialogId.ofIncoming(request);
    if (id.isPresent()) {
      Call call = dialogs.get(id.get());
      if (call != null) {
        call.onRequest(tx, request);
      } else {
        // Section 12.2.2: a request for a dialog we do not know.
        tx.respond(reply(request, 481));
      }
      return;
    }
    if (!(request.requestUri() instanceof SipUri)) {
      // Section 8.2.2.1: a scheme we do not understand.
      tx.respond(reply(request, 416));
      return;
    }
    if (m.equals(Method.INVITE)) {
      onInvite(tx);
    } else if (m.equals(Method.MESSAGE)) {
      onMessage(tx, request);
    } else if (m.equals(Method.OPTIONS)) {
      tx.respond(ctx.withCapabilities(request.reply(200)).set(HeaderName.TO, tagged(request))
          .set(HeaderName.SERVER, new Text(ctx.settings.product())).build());
    } else if (m.equals(Method.CANCEL) || m.equals(Method.BYE)) {
      // Section 9.2 (a CANCEL matching no transaction) and section 15.1.2 (a BYE for no dialog).
      tx.respond(reply(request, 481));
    } else {
      tx.respond(ctx.withCapabilities(request.reply(405)).set(HeaderName.TO, tagged(request)).build());
    }
  }

  private void onInvite(ServerTransaction tx) {
    Call call = new Call(this, ctx, tx, Branches.newTag());
    addDialog(call.dialog().orElseThrow().id(), call);
    pendingInvites.put(tx, call);
    ctx.events.execute(() -> {
      try {
        listener.onIncomingCall(call);
      } catch (RuntimeException e) {
        log.warn("listener failed on an incoming call; rejecting it", e);
        call.reject(500);
      }
    });
  }

  /** RFC 3428 section 7: 200 for a MESSAGE we take, then the listener hears it. */
  void onMessage(ServerTransaction tx, SipRequest request) {
    tx.respond(reply(request, 200));
    Body body = Body.of(request).orElse(new Body(
        new dev.switchboard.message.header.MediaType("text", "plain", dev.switchboard.message.Parameters.empty()),
        new byte[0]));
    IncomingMessage msg = new IncomingMessage(request.from().orElseThrow(), body, request);
    ctx.events.execute(() -> listener.onMessage(msg));
  }

  @Override
  public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
    Call call = pendingInvites.get(invite);
    if (call != null) {
      call.onCancel(cancel);
    } else {
      // Section 9.2: the CANCEL matched a transaction that was already answered; it still gets 200.
      cancel.respond(reply(cancel.request(), 200));
    }
  }

  @Override
  public void onAck(Inbound ack) {
    SipRequest request = (SipRequest) ack.message();
    DialogId.ofIncoming(request).map(dialogs::get).ifPresent(c -> c.onAck(request));
  }

  @Override
  public void onStrayResponse(Inbound response) {
    SipResponse r = (SipResponse) response.message();
    boolean inviteOk = r.isSuccess() && r.cseq().map(c -> c.method().equals(Method.INVITE)).orElse(false);
    if (inviteOk) {
      // Section 13.2.2.4: a 2xx retransmitted after the INVITE transaction ended gets the ACK again.
      DialogId.ofResponse(r).map(dialogs::get).ifPresent(c -> c.onRetransmitted2xx(r));
    }
  }

  @Override
  public void onFailure(ServerTransaction transaction, Failure failure) {
    log.debug("server transaction for {} failed: {}", transaction.request().startLine(), failure);
  }

  /** A final response with a To tag (section 8.2.6.2) and our Server header. */
  SipResponse reply(SipRequest request, int code) {
    return request.reply(code)
        .set(HeaderName.TO, tagged(request))
        .set(HeaderName.SERVER, new Text(ctx.settings.product()))
        .build();
  }

  private static Address tagged(SipRequest request) {
    Address to = request.to().orElseThrow();
    return to.tag().isPresent() ? to : to.withTag(Branches.newTag());
  }

  /**
   * Section 8.2.2.3: a Require naming an extension we do not support gets 420 with Unsupported.
   * This user agent implements no option tags that a request may require.
   */
  private boolean rejectedForRequire(ServerTransaction tx, SipRequest request) {
    List<Token> required = request.all(HeaderName.REQUIRE);
    if (required.isEmpty() || request.method().equals(Method.CANCEL)) {
      return false;
    }
    SipResponse.Builder b = request.reply(420).set(HeaderName.TO, tagged(request));
    required.forEach(t -> b.add(HeaderName.UNSUPPORTED, Token.of(t.value())));
    tx.respond(b.build());
    return true;
  }
}
