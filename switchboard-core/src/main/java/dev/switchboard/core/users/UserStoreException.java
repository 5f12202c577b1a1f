// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.users;

/**
 * The user store could not do its work: the database file is locked for too long, damaged or not
 * writable. Bad input (an invalid name, a duplicate user, a missing data folder) is an {@link
 * IllegalArgumentException} instead. The message is one line, ready to show to an operator.
 */
public final class UserStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public UserStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
