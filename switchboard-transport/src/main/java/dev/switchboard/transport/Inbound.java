// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipMessage;
import java.util.Objects;

/**
 * A message as it arrived: the message itself, and how it came (house style habit 2: arrival data
 * lives beside the message, not in it).
 *
 * <p>For a request, the transport has already done section 18.2.1: its top Via carries {@code
 * received} when the sent-by host differs from the source address, and {@code rport} filled in
 * when the client asked for it (RFC 3581).
 *
 * @param message the parsed message
 * @param flow the transport, local and remote address it came over
 * @param receivedNanos {@link System#nanoTime()} at arrival
 */
public record Inbound(SipMessage message, Flow flow, long receivedNanos) {
  public Inbound {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(flow, "flow");
  }
}
