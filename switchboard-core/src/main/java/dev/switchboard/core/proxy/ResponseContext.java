// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.transaction.Branches;
import dev.switchboard.transaction.ClientOutcome;
import dev.switchboard.transaction.ClientTransaction;
import dev.switchboard.transaction.ClientTransactionListener;
import dev.switchboard.transaction.Failure;
import dev.switchboard.transaction.ServerTransaction;
import dev.switchboard.transaction.TimerService;
import dev.switchboard.transaction.TransactionLayer;
import dev.switchboard.transport.Inbound;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response context of one proxied request, RFC 3261 sections 16.6 (items 10, 11) to 16.10:
 * it sends the branches, relays what comes back and decides the final answer.
 *
 * <pre>
 *                  start: branches sent (parallel: all, sequential: the first)
 *                          |
 *                          v        1xx (not 100): forwarded, Timer C restarted
 *                   +-------------+ ---+
 *    2xx: forwarded | TRYING      | &lt;--+
 *    at once, other +-------------+
 *    branches       |      | every branch final (sequential: none left to try)
 *    cancelled      |      | best response forwarded (16.7 items 6, 7)
 *          +--------+      v
 *          v        +-------------+
 *   +-------------+ | COMPLETED   |  a late 2xx is still forwarded, statelessly
 *   | ACCEPTED    | +-------------+
 *   +-------------+        |
 *    further 2xx forwarded | every branch final
 *          |               v
 *          +--------&gt; TERMINATED (leaves the proxy's table)
 * </pre>
 *
 * A 6xx cancels the other branches and stops sequential forking; an upstream CANCEL (16.10) does
 * the same, and the 487s that come back are relayed. Timer C (INVITE only) cancels a branch that
 * has rung too long and counts it as a 408. A timeout counts as 408, a transport error as 503
 * (section 16.9), which is then relayed as 500.
 *
 * <p>Confined to {@code executor}: every input, from the client transactions' stripes, the timer
 * thread or the DNS threads, is posted there first, so no field needs a lock.
 */
final class ResponseContext {
  private static final Logger log = LoggerFactory.getLogger(ResponseContext.class);

  /** Where the context stands. */
  enum State {
    TRYING,
    ACCEPTED,
    COMPLETED,
    TERMINATED
  }

  /** What a context needs from the proxy; shared by every context. */
  record Services(
      TransactionLayer layer,
      TimerService timers,
      HopResolver resolver,
      RequestForwarder forwarder,
      Replies replies,
      Duration timerC) {}

  private final Services services;
  private final ServerTransaction server;
  private final Executor executor;
  private final String loopHash;
  private final boolean invite;
  private final Runnable onTerminated;
  private final String toTag = Branches.newTag();

  // Confined to the executor.
  private State state = State.TRYING;
  private final List<Branch> branches = new ArrayList<>();
  private final Deque<RequestForwarder.Outgoing> untried = new ArrayDeque<>();
  private final List<SipResponse> finals = new ArrayList<>();
  private boolean stopForking;

  /**
   * @param server the transaction of the request being proxied
   * @param executor the serial executor this context is confined to
   * @param loopHash the request's loop hash, carried in every branch (RFC 5393)
   * @param onTerminated run once, when the context terminates
   */
  ResponseContext(
      Services services, ServerTransaction server, Executor executor, String loopHash, Runnable onTerminated) {
    this.services = services;
    this.server = server;
    this.executor = executor;
    this.loopHash = loopHash;
    this.invite = server.request().method().equals(Method.INVITE);
    this.onTerminated = onTerminated;
  }

  /**
   * Starts forwarding to {@code outgoing}, highest preference first: all at once for parallel
   * forking, one after another for sequential.
   */
  void start(List<RequestForwarder.Outgoing> outgoing, boolean sequential) {
    executor.execute(
        () -> {
          if (sequential) {
            untried.addAll(outgoing.subList(1, outgoing.size()));
            launch(outgoing.get(0));
          } else {
            outgoing.forEach(this::launch);
          }
        });
  }

  /** The client cancelled the request (section 16.10). */
  void cancel() {
    executor.execute(
        () -> {
          stopForking = true;
          untried.clear();
          cancelPending();
        });
  }

  /** The server transaction failed: nobody is left to answer, so stop ringing (section 16.10). */
  void abandon() {
    cancel();
  }

  private void launch(RequestForwarder.Outgoing out) {
    Branch branch = new Branch(out);
    branches.add(branch);
    CompletableFuture<Hop> hop =
        out.flow().map(CompletableFuture::completedFuture).orElseGet(() -> services.resolver().resolve(out.nextHop()));
    hop.whenComplete((h, error) -> executor.execute(() -> resolved(branch, h, error)));
  }

  private void resolved(Branch branch, Hop hop, Throwable error) {
    if (error != null) {
      log.debug("no hop for {}: {}", branch.outgoing.nextHop(), error.toString());
      complete(branch, synthetic(503, "Unresolvable Destination"));
      return;
    }
    if (stopForking) {
      // Cancelled before anything was sent: there is nothing to cancel downstream.
      complete(branch, synthetic(487, "Request Terminated"));
      return;
    }
    SipRequest request =
        services.forwarder().finish(branch.outgoing, hop.transport(), LoopDetector.branch(loopHash));
    branch.state = Branch.State.CALLING;
    branch.transaction =
        services.layer().sendRequest(request, hop.transport(), hop.address(), new Listener(branch));
    if (invite) {
      armTimerC(branch);
    }
  }

  /** Section 16.6 item 11: Timer C for an INVITE branch, restarted by provisional responses. */
  private void armTimerC(Branch branch) {
    branch.disarmTimerC();
    int generation = branch.timerCGeneration;
    branch.timerC =
        services.timers().schedule(services.timerC(), () -> executor.execute(() -> timerC(branch, generation)));
  }

  private void timerC(Branch branch, int generation) {
    if (generation != branch.timerCGeneration || !branch.isPending()) {
      return;
    }
    // Section 16.8: a branch with a provisional response is cancelled; one without behaves as if
    // it had received a 408. Either way the branch answers 408 from now on.
    log.debug("timer C fired for {}", branch.transaction.branch());
    requestCancel(branch);
    complete(branch, synthetic(408, "Request Timeout"));
  }

  private final class Listener implements ClientTransactionListener {
    private final Branch branch;

    Listener(Branch branch) {
      this.branch = branch;
    }

    @Override
    public void onProvisional(ClientTransaction transaction, Inbound response) {
      executor.execute(() -> provisional(branch, (SipResponse) response.message()));
    }

    @Override
    public void onOutcome(ClientTransaction transaction, ClientOutcome outcome) {
      executor.execute(() -> outcome(branch, outcome));
    }

    @Override
    public void onAdditional2xx(ClientTransaction transaction, Inbound response) {
      executor.execute(() -> forward2xx((SipResponse) response.message()));
    }
  }

  private void provisional(Branch branch, SipResponse response) {
    if (branch.state == Branch.State.CALLING) {
      branch.state = Branch.State.PROCEEDING;
    }
    if (branch.cancelWanted && !branch.cancelSent) {
      sendCancel(branch);
    }
    if (!branch.isPending()) {
      return;
    }
    int code = response.statusCode();
    if (code == 100) {
      // Section 16.7 item 5: a 100 is never forwarded; this proxy sent its own.
      return;
    }
    if (invite) {
      // Section 16.7 item 2: a provisional other than 100 restarts Timer C.
      armTimerC(branch);
    }
    if (state == State.TRYING) {
      server.respond(upstream(response));
    }
  }

  private void outcome(Branch branch, ClientOutcome outcome) {
    if (outcome instanceof ClientOutcome.FinalResponse f) {
      SipResponse response = f.response();
      if (response.isSuccess()) {
        branch.state = Branch.State.COMPLETED;
        branch.disarmTimerC();
        forward2xx(response);
        maybeFinish();
      } else if (branch.isPending()) {
        complete(branch, upstream(response));
      }
      return;
    }
    if (!branch.isPending()) {
      return;
    }
    if (outcome instanceof Failure.TransportError && branch.outgoing.flow().isPresent() && !stopForking) {
      // The flow the contact registered over is gone (its TCP connection closed, say): try the
      // contact's own address once before giving up on it.
      branch.state = Branch.State.COMPLETED;
      branch.disarmTimerC();
      RequestForwarder.Outgoing out = branch.outgoing;
      launch(new RequestForwarder.Outgoing(
          out.request(), Optional.empty(), (SipUri) out.request().requestUri(),
          out.recordRouted()));
      return;
    }
    // Section 16.7 item 6 and 16.9: no response at all counts as 408, an unreachable hop as 503.
    complete(
        branch,
        outcome instanceof Failure.Timeout ? synthetic(408, "Request Timeout") : synthetic(503, "Service Unavailable"));
  }

  /**
   * Section 16.7 item 4: every 2xx goes upstream at once, the first and each further one (other
   * branches, retransmissions); the other branches are cancelled.
   */
  private void forward2xx(SipResponse response) {
    SipResponse up = upstream(response);
    if (state == State.TRYING || state == State.ACCEPTED) {
      state = State.ACCEPTED;
      server.respond(up);
      stopForking = true;
      untried.clear();
      cancelPending();
    } else {
      // A final non-2xx already went upstream (Timer C, say); a 2xx must still reach the caller.
      services.layer().respondStateless(up, server.inbound());
    }
  }

  private void complete(Branch branch, SipResponse upstreamReady) {
    branch.state = Branch.State.COMPLETED;
    branch.disarmTimerC();
    finals.add(upstreamReady);
    if (upstreamReady.statusCode() >= 600) {
      // Section 16.7 item 5... "the proxy SHOULD cancel all client pending transactions".
      stopForking = true;
      untried.clear();
      cancelPending();
    }
    maybeFinish();
  }

  private void maybeFinish() {
    if (state == State.TERMINATED || branches.stream().anyMatch(Branch::isPending)) {
      return;
    }
    if (state == State.TRYING && !stopForking && !untried.isEmpty()) {
      launch(untried.poll());
      return;
    }
    if (state == State.TRYING) {
      state = State.COMPLETED;
      server.respond(BestResponse.choose(finals));
    }
    state = State.TERMINATED;
    onTerminated.run();
  }

  private void cancelPending() {
    for (Branch b : branches) {
      if (b.isPending()) {
        requestCancel(b);
      }
    }
  }

  /** Section 16.10 and 9.1: CANCEL once the branch has a provisional response; until then, owe it. */
  private void requestCancel(Branch branch) {
    if (!invite || branch.cancelSent) {
      return;
    }
    if (branch.state == Branch.State.PROCEEDING) {
      sendCancel(branch);
    } else {
      branch.cancelWanted = true;
    }
  }

  private void sendCancel(Branch branch) {
    branch.cancelSent = true;
    ClientTransaction tx = branch.transaction;
    services.layer().sendRequest(CancelRequest.of(tx.request()), tx.transport(), tx.remote());
  }

  /** Section 16.7 item 9: the response without this proxy's Via. */
  private static SipResponse upstream(SipResponse response) {
    return response.toBuilder().removeFirst(HeaderName.VIA).build();
  }

  /** A response the proxy makes for a branch: one To tag for the whole context. */
  private SipResponse synthetic(int code, String reason) {
    SipRequest request = server.request();
    return services.replies().finish(request, request.reply(code, reason), toTag);
  }
}
