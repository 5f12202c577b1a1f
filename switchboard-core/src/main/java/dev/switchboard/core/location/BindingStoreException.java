// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

/** The binding database could not be read or written. */
public final class BindingStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message and its cause. */
  public BindingStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
