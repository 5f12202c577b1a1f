// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** What both client machines share: the request, where it goes, and how the TU hears back. */
abstract class BaseClientTransaction extends Transaction implements ClientTransaction {
  final SipRequest request;
  private final String branch;
  private final Transport transport;
  private final InetSocketAddress remote;
  private final ClientTransactionListener listener;
  private final CompletableFuture<ClientOutcome> outcome = new CompletableFuture<>();

  BaseClientTransaction(
      TransactionContext ctx,
      Executor stripe,
      Consumer<Transaction> onTerminated,
      SipRequest request,
      String branch,
      Transport transport,
      InetSocketAddress remote,
      ClientTransactionListener listener) {
    super(ctx, stripe, transport.isReliable(), onTerminated);
    this.request = request;
    this.branch = branch;
    this.transport = transport;
    this.remote = remote;
    this.listener = listener;
  }

  @Override
  public final String branch() {
    return branch;
  }

  @Override
  public final SipRequest request() {
    return request;
  }

  @Override
  public final Transport transport() {
    return transport;
  }

  @Override
  public final InetSocketAddress remote() {
    return remote;
  }

  @Override
  public final CompletableFuture<ClientOutcome> outcome() {
    return outcome.copy();
  }

  /** Passes a request (the original, a retransmission, an ACK) to the transport. */
  final void send(SipRequest r) {
    watch(ctx.transport().send(r, transport, remote));
  }

  final void provisional(Inbound response) {
    listener.onProvisional(this, response);
  }

  final void additional2xx(Inbound response) {
    listener.onAdditional2xx(this, response);
  }

  /** True once the final outcome is known; callable from any thread. */
  final boolean settled() {
    return outcome.isDone();
  }

  /** Reports the outcome; each machine calls this once, after its transition. */
  final void report(ClientOutcome o) {
    listener.onOutcome(this, o);
    outcome.complete(o);
  }
}
