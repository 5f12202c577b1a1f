// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

/**
 * Thrown by the convenience accessors of a message when a header that was parsed lazily turns out
 * to be malformed. Code that handles untrusted messages calls {@code SipMessage.validate(...)} or
 * {@code SipMessage.parse(...)} first and never sees it; seeing it means such a check was missed.
 */
public final class MalformedHeaderException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** A header that failed to parse, with the parser's reason. */
  public MalformedHeaderException(String reason) {
    super(reason);
  }
}
