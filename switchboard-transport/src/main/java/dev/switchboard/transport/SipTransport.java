// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends and receives SIP messages (RFC 3261 section 18). The layer above, the transaction layer,
 * sees only this interface, so its tests can run over an in-memory transport.
 *
 * <p>Thread-safe.
 */
public interface SipTransport extends AutoCloseable {
  /**
   * Sends a request, or a response whose destination was already decided, to {@code remote} over
   * {@code transport}, reusing an open connection to that address when there is one. The future
   * fails with {@link TransportException} when the message cannot be sent (connection refused,
   * no listener for that transport, message too large for UDP with no alternative).
   */
  CompletableFuture<Flow> send(SipMessage message, Transport transport, InetSocketAddress remote);

  /**
   * Sends a response to the request that arrived as {@code request}, choosing the destination by
   * section 18.2.2 and RFC 3581: over a stream, the connection the request came on while it is
   * open; otherwise {@code maddr}, then {@code received} with {@code rport}, then the sent-by
   * address with the transport's default port.
   */
  CompletableFuture<Flow> sendResponse(SipResponse response, Inbound request);

  /** The addresses listened on, with ports resolved (a configured port 0 shows the real port). */
  List<ListenPoint> listening();

  /** Stops listening and closes every connection. */
  @Override
  void close();
}
