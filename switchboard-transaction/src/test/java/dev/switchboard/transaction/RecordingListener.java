// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.transport.Inbound;
import java.util.ArrayList;
import java.util.List;

/** A {@link ClientTransactionListener} that records what it hears. */
final class RecordingListener implements ClientTransactionListener {
  final List<Inbound> provisionals = new ArrayList<>();
  final List<ClientOutcome> outcomes = new ArrayList<>();
  final List<Inbound> additional2xx = new ArrayList<>();

  @Override
  public void onProvisional(ClientTransaction transaction, Inbound response) {
    provisionals.add(response);
  }

  @Override
  public void onOutcome(ClientTransaction transaction, ClientOutcome outcome) {
    outcomes.add(outcome);
  }

  @Override
  public void onAdditional2xx(ClientTransaction transaction, Inbound response) {
    additional2xx.add(response);
  }
}
