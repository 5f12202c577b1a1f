// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends and receives SIP messages (RFC 3261 section 18). The layer above, the transaction layer,
 * sees only this interface, so its tests can run over an in-memory transport.
 *
 * <p>Thread-safe. The returned futures complete on a transport I/O thread, so their callbacks
 * must not block.
 */
public interface SipTransport extends AutoCloseable {
  /**
   * The largest request, in octets, sent over UDP when the path MTU is unknown (section 18.1.1).
   */
  int UDP_SIZE_LIMIT = 1300;

  /**
   * The transport a request should actually use when its target was resolved to {@code target}
   * (section 18.1.1): a request larger than {@link #UDP_SIZE_LIMIT} octets that would have gone
   * over UDP goes over TCP instead, because a fragmented datagram is easily lost. Any other
   * target is returned unchanged.
   *
   * <p>The caller builds the request with its Via naming UDP, asks this, and when the answer is
   * TCP rewrites the Via transport before sending (the Via must name the transport actually used;
   * "UDP" and "TCP" have the same length, so the size does not change). Call it only when the
   * target can be reached over TCP as well, for instance when RFC 3263 resolution did not rule TCP
   * out. If the TCP connection is then refused, section 18.1.1 says to retry over UDP.
   */
  default Transport chooseTransport(SipRequest request, Transport target) {
    if (target != Transport.UDP) {
      return target;
    }
    return request.encode().length > UDP_SIZE_LIMIT ? Transport.TCP : Transport.UDP;
  }

  /**
   * Sends a request, or a response whose destination was already decided, to {@code remote} over
   * {@code transport}, reusing an open connection to that address when there is one. The future
   * fails with {@link TransportException} when the message cannot be sent (connection refused,
   * no listener for that transport, message too large for UDP with no alternative). {@code
   * remote} must be a resolved address.
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
