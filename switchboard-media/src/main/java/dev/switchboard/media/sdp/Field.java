// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

/**
 * A line this model does not type: {@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code z=},
 * {@code k=} or a type letter RFC 8866 does not define.
 *
 * <p>Kept so that a description passes through unchanged; the writer puts each back in its place
 * in the RFC 8866 section 5 order (unknown letters just before the attributes). Immutable.
 *
 * @param type the type letter, {@code a} to {@code z}
 * @param value the text after {@code =}
 */
public record Field(char type, String value) {

  /** Checks the letter is lowercase ASCII and the value is a single line. */
  public Field {
    if (type < 'a' || type > 'z') {
      throw new IllegalArgumentException("type is not a lowercase letter: " + type);
    }
    Sdp.requireText(value, "value");
  }
}
