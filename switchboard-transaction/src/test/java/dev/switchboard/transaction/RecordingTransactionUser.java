// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipRequest;
import dev.switchboard.transport.Inbound;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A {@link TransactionUser} that records every call and can answer requests as they come. */
final class RecordingTransactionUser implements TransactionUser {
  record Cancel(ServerTransaction cancel, ServerTransaction invite) {}

  record FailureReport(ServerTransaction transaction, Failure failure) {}

  final List<ServerTransaction> requests = new ArrayList<>();
  final List<Cancel> cancels = new ArrayList<>();
  final List<Inbound> acks = new ArrayList<>();
  final List<Inbound> strays = new ArrayList<>();
  final List<FailureReport> failures = new ArrayList<>();
  private Consumer<ServerTransaction> answer = tx -> { };

  /** Runs {@code a} on each new server transaction, right after recording it. */
  RecordingTransactionUser answering(Consumer<ServerTransaction> a) {
    this.answer = a;
    return this;
  }

  ServerTransaction lastRequest() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void onRequest(ServerTransaction transaction, SipRequest request) {
    requests.add(transaction);
    answer.accept(transaction);
  }

  @Override
  public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
    cancels.add(new Cancel(cancel, invite));
  }

  @Override
  public void onAck(Inbound ack) {
    acks.add(ack);
  }

  @Override
  public void onStrayResponse(Inbound response) {
    strays.add(response);
  }

  @Override
  public void onFailure(ServerTransaction transaction, Failure failure) {
    failures.add(new FailureReport(transaction, failure));
  }
}
