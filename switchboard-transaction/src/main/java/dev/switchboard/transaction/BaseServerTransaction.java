// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.transport.Inbound;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** What both server machines share: the request, the last response, and the TU's entry point. */
abstract class BaseServerTransaction extends Transaction implements ServerTransaction {
  final Inbound inbound;
  final SipRequest request;
  private final boolean invite;
  // Guarded by itself: respond() is called from any thread, so misuse is caught there, at once.
  private final AtomicInteger finalStatus = new AtomicInteger();
  // Confined to the stripe: what a retransmitted request is answered with.
  SipResponse lastResponse;
  // Confined to the stripe.
  private boolean failureReported;

  BaseServerTransaction(
      TransactionContext ctx, Executor stripe, Consumer<Transaction> onTerminated, Inbound inbound, boolean invite) {
    super(ctx, stripe, inbound.flow().transport().isReliable(), onTerminated);
    this.inbound = inbound;
    this.request = (SipRequest) inbound.message();
    this.invite = invite;
  }

  @Override
  public final SipRequest request() {
    return request;
  }

  @Override
  public final Inbound inbound() {
    return inbound;
  }

  @Override
  public final void respond(SipResponse response) {
    Objects.requireNonNull(response, "response");
    finalStatus.getAndUpdate(
        prior -> {
          // After a final response only the 2xx of an INVITE may follow, as the TU's own 2xx
          // retransmissions (section 13.3.1.4) pass through the Accepted state.
          boolean allowed = prior == 0 || (invite && prior < 300 && response.isSuccess());
          if (!allowed) {
            throw new IllegalStateException(
                "transaction already answered with " + prior + "; cannot send " + response.startLine());
          }
          return response.isFinal() ? response.statusCode() : prior;
        });
    post(new Event.TuResponse(response));
  }

  /** True once the TU has given a final response; callable from any thread. */
  final boolean answered() {
    return finalStatus.get() != 0;
  }

  /** Sends a response and remembers it for retransmitted requests. Confined to the stripe. */
  final void send(SipResponse response) {
    lastResponse = response;
    resendLast();
  }

  /** Sends the last response again, if there is one. Confined to the stripe. */
  final void resendLast() {
    if (lastResponse != null) {
      watch(ctx.transport().sendResponse(lastResponse, inbound));
    }
  }

  /** Tells the TU, once: a send failure after a timeout adds nothing it could act on. */
  final void reportFailure(Failure failure) {
    if (!failureReported) {
      failureReported = true;
      ctx.user().onFailure(this, failure);
    }
  }
}
