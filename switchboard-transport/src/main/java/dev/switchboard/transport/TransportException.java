// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import java.io.IOException;

/** A message could not be sent; the transaction layer reports it to its user (section 17.1.4). */
public final class TransportException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A failure with a cause. */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without a cause. */
  public TransportException(String message) {
    super(message);
  }
}
