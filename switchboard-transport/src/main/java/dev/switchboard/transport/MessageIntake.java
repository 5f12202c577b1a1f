// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.parse.ParseResult;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every transport does with the bytes of one message (a datagram, or a frame cut from a
 * stream): parse it, check the mandatory headers, stamp a request's top Via (section 18.2.1) and
 * hand it up; or answer a malformed request with an error response; or drop and count.
 *
 * <p>Stateless apart from the shared counters; called on the I/O thread that read the bytes.
 */
final class MessageIntake {
  private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

  private final SipParser parser;
  private final InboundHandler handler;
  private final TransportStats stats;

  MessageIntake(SipParser parser, InboundHandler handler, TransportStats stats) {
    this.parser = parser;
    this.handler = handler;
    this.stats = stats;
  }

  /**
   * Takes in one message.
   *
   * @param framed true for a frame cut from a stream (Content-Length required), false for a
   *     datagram
   * @param reply sends an error response the transport made itself back to the sender
   */
  void accept(byte[] b, int off, int len, Flow flow, boolean framed, Consumer<SipResponse> reply) {
    long now = System.nanoTime();
    ParseResult<SipMessage> r =
        framed ? parser.parseFrame(b, off, len) : parser.parseDatagram(b, off, len);
    if (r instanceof ParseResult.Malformed<SipMessage> m) {
      reject(b, off, len, m.reason(), m.statusCode(), flow, reply);
      return;
    }
    SipMessage message = r.value();
    Optional<String> missing = message.checkMandatoryHeaders();
    if (missing.isPresent()) {
      reject(b, off, len, missing.get(), 400, flow, reply);
      return;
    }
    if (message instanceof SipRequest request) {
      message = ViaStamp.apply(request, flow.remote());
    }
    stats.countReceived();
    try {
      handler.onMessage(new Inbound(message, flow, now));
    } catch (RuntimeException e) {
      log.warn("inbound handler failed on a message from {}", flow, e);
    }
  }

  /**
   * Answers malformed input when it is a request with enough headers to answer (section 8.2.6.1);
   * drops and counts it otherwise.
   *
   * @return true when a response went to {@code reply}
   */
  boolean reject(
      byte[] b, int off, int len, String reason, int statusCode, Flow flow, Consumer<SipResponse> reply) {
    Optional<SipResponse> response =
        ErrorResponder.answer(b, off, len, reason, statusCode, flow.remote());
    if (response.isEmpty()) {
      stats.countMalformedDropped();
      log.debug("dropped malformed input from {}: {}", flow, reason);
      return false;
    }
    stats.countMalformedAnswered();
    log.debug("answering malformed request from {} with {} {}", flow, statusCode, reason);
    reply.accept(response.get());
    return true;
  }
}
