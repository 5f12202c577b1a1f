// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.util.Objects;

/** Argument checks shared by the SDP value types: what may appear inside one line. */
final class Sdp {
  private Sdp() {}

  /** Checks the text fits on one line: no CR, LF or NUL (RFC 8866 section 9). */
  static String requireText(String text, String what) {
    Objects.requireNonNull(text, what);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException(what + " contains CR, LF or NUL");
      }
    }
    return text;
  }

  /** Checks the text is a non-empty single line without spaces: one field of a line. */
  static String requireToken(String text, String what) {
    requireText(text, what);
    if (text.isEmpty() || text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0) {
      throw new IllegalArgumentException(what + " is empty or contains a space: '" + text + "'");
    }
    return text;
  }
}
