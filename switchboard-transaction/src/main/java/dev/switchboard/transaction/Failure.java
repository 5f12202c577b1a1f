// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import java.util.Objects;

/**
 * A transaction failure: the end of a client transaction without a final response, or what a
 * server transaction reports to its TU when its response could not be delivered (sections 17.1.4,
 * 17.2.4) or never got its ACK (timer H, section 17.2.1).
 */
public sealed interface Failure extends ClientOutcome permits Failure.Timeout, Failure.TransportError {
  /**
   * A timer ran out: B or F for a client transaction (a proxy answers 408 for it, section
   * 16.7), H for an INVITE server transaction.
   *
   * @param timer the timer that fired
   */
  record Timeout(TimerName timer) implements Failure {
    public Timeout {
      Objects.requireNonNull(timer, "timer");
    }
  }

  /**
   * The transport could not send (section 17.1.4: treated like a 503 for a client transaction;
   * section 17.2.4 for a server transaction).
   *
   * @param cause what the transport reported, normally a {@link
   *     dev.switchboard.transport.TransportException}
   */
  record TransportError(Throwable cause) implements Failure {
    public TransportError {
      Objects.requireNonNull(cause, "cause");
    }
  }
}
