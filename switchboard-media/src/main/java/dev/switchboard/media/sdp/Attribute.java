// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@code a=} line (RFC 8866 section 5.13): a property ({@code a=sendrecv}) or a value
 * ({@code a=rtpmap:0 PCMU/8000}).
 *
 * <p>Every attribute is kept in its generic form and in its order, so that unknown ones ({@code
 * a=rtcp-xr}, {@code a=ssrc}) pass through; {@link MediaDescription} and {@link
 * SessionDescription} read the known ones into typed values on demand. Immutable.
 *
 * @param name the attribute name
 * @param value the text after the first {@code :}; empty for a property attribute
 */
public record Attribute(String name, Optional<String> value) {

  /** Checks the name is a token without {@code :} and the value is a single line. */
  public Attribute {
    Sdp.requireToken(name, "name");
    if (name.indexOf(':') >= 0) {
      throw new IllegalArgumentException("attribute name contains ':': " + name);
    }
    Objects.requireNonNull(value, "value");
    value.ifPresent(v -> Sdp.requireText(v, "value"));
  }

  /** A property attribute such as {@code sendrecv}. */
  public static Attribute property(String name) {
    return new Attribute(name, Optional.empty());
  }

  /** A value attribute such as {@code ptime:20}. */
  public static Attribute of(String name, String value) {
    return new Attribute(name, Optional.of(value));
  }

  /** The text after {@code a=}. */
  public String text() {
    return value.map(v -> name + ":" + v).orElse(name);
  }
}
