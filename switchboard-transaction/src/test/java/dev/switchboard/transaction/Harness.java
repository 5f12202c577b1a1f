// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.testkit.InMemoryNetwork;
import dev.switchboard.testkit.InMemoryTransport;
import dev.switchboard.transport.Inbound;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction layer on an in-memory network, in virtual time, and a hand-driven peer: the test
 * plays the other side's transaction layer by sending and inspecting raw messages.
 */
final class Harness {
  final InMemoryNetwork network = InMemoryNetwork.synchronous();
  final FakeTimers timers = new FakeTimers();
  final SameThreadStripes stripes = new SameThreadStripes();
  final RecordingTransactionUser tu = new RecordingTransactionUser();
  final InMemoryTransport local;
  final InMemoryTransport peer;
  final List<Inbound> peerInbox = new ArrayList<>();
  final TransactionLayer layer;

  private Harness(InetSocketAddress layerAt, InetSocketAddress peerAt) {
    local = network.attach(layerAt);
    peer = network.attach(peerAt);
    layer = TransactionLayer.builder(local, tu, timers, stripes).build();
    local.onInbound(layer);
    peer.onInbound(peerInbox::add);
  }

  /** The layer at the UAC, sending requests to a peer UAS. */
  static Harness atUac() {
    return new Harness(Fixtures.UAC, Fixtures.UAS);
  }

  /** The layer at the UAS, receiving requests from a peer UAC. */
  static Harness atUas() {
    return new Harness(Fixtures.UAS, Fixtures.UAC);
  }

  /** The peer sends {@code m} to the layer over UDP. */
  void peerSends(SipMessage m) {
    peerSends(m, Transport.UDP);
  }

  /** The peer sends {@code m} to the layer over {@code transport}. */
  void peerSends(SipMessage m, Transport transport) {
    peer.send(m, transport, local.address());
  }

  /** What the peer received, as requests. */
  List<SipRequest> peerRequests() {
    return peerInbox.stream().map(i -> (SipRequest) i.message()).toList();
  }

  /** What the peer received, as responses. */
  List<SipResponse> peerResponses() {
    return peerInbox.stream().map(i -> (SipResponse) i.message()).toList();
  }

  /** The status codes the peer received, in order. */
  List<Integer> peerStatuses() {
    return peerResponses().stream().map(SipResponse::statusCode).toList();
  }
}
