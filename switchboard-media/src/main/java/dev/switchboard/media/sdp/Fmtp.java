// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import dev.switchboard.media.Decoding;

/**
 * The value of an {@code a=fmtp} attribute (RFC 8866 section 6.15): parameters for one format,
 * e.g. {@code 101 0-16} for the telephone-events a receiver understands. Immutable.
 *
 * @param format the format (for RTP, the payload type number)
 * @param parameters the format-specific text, as written
 */
public record Fmtp(String format, String parameters) {

  /** The attribute name. */
  public static final String NAME = "fmtp";

  /** Checks the format is a token and the parameters a single line. */
  public Fmtp {
    Sdp.requireToken(format, "format");
    Sdp.requireText(parameters, "parameters");
  }

  /** The attribute for these parameters. */
  public Attribute toAttribute() {
    return Attribute.of(NAME, format + " " + parameters);
  }

  /** Parses the value of an {@code a=fmtp} attribute, naming the fault when it is malformed. */
  public static Decoding<Fmtp> parse(String value) {
    int space = value.indexOf(' ');
    String format = space < 0 ? value : value.substring(0, space);
    if (format.isEmpty()) {
      return Decoding.malformed("a=fmtp needs '<format> <parameters>'");
    }
    String params = space < 0 ? "" : value.substring(space + 1).strip();
    return Decoding.ok(new Fmtp(format, params));
  }
}
