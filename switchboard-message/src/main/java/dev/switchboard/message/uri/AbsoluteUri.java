// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import java.util.Locale;
import java.util.Objects;

/**
 * A URI of a scheme SIP does not interpret, kept opaque: {@code scheme ":" rest} as written (RFC
 * 3261 §25.1 {@code absoluteURI}). Examples from RFC 4475: {@code
 * nobodyKnowsThisScheme:totallyopaquecontent}, {@code soap.beep://192.0.2.103:3002}, {@code
 * isbn:2983792873}, {@code http://www.example.com}, {@code name:John_Smith}.
 *
 * <p>Equality: the scheme without regard to case, the rest exactly (no scheme-specific rules).
 */
public final class AbsoluteUri implements Uri {
  private static final String PREFIX = "Bad URI: ";

  private final String scheme; // lower case
  private final String writtenScheme;
  private final String rest;

  private AbsoluteUri(String scheme, String writtenScheme, String rest) {
    this.scheme = scheme;
    this.writtenScheme = writtenScheme;
    this.rest = rest;
  }

  /**
   * Parses {@code scheme ":" rest}, where rest is one or more URI characters ({@code uric} of RFC
   * 2396: unreserved, reserved and {@code %HH} escapes; also {@code [ ]} for IPv6 hosts). The
   * schemes {@code sip}, {@code sips} and {@code tel} are refused here: {@link Uri#parse} gives
   * them their own types, so that equal URIs always have the same type.
   */
  public static ParseResult<AbsoluteUri> parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = Schemes.end(text);
    if (colon == Schemes.NO_COLON) {
      return ParseResult.malformed(PREFIX + "missing scheme");
    }
    if (colon == Schemes.BAD_CHAR) {
      return ParseResult.malformed(PREFIX + "bad scheme");
    }
    if (Schemes.is(text, colon, "sip")
        || Schemes.is(text, colon, "sips")
        || Schemes.is(text, colon, "tel")) {
      return ParseResult.malformed(
          PREFIX + "scheme " + text.substring(0, colon) + " is not opaque");
    }
    int n = text.length();
    if (colon + 1 == n) {
      return ParseResult.malformed(PREFIX + "nothing after the scheme");
    }
    for (int i = colon + 1; i < n; i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= n
            || !SipChars.isHex(text.charAt(i + 1))
            || !SipChars.isHex(text.charAt(i + 2))) {
          return ParseResult.malformed(PREFIX + "malformed escape");
        }
        i += 2;
      } else if (!isUric(c)) {
        return ParseResult.malformed(PREFIX + Reasons.illegal(c, "URI"));
      }
    }
    String written = text.substring(0, colon);
    return ParseResult.parsed(
        new AbsoluteUri(written.toLowerCase(Locale.ROOT), written, text.substring(colon + 1)));
  }

  /** {@code uric = reserved / unreserved / escaped}, plus the brackets of IPv6 hosts. */
  private static boolean isUric(char c) {
    if (SipChars.isUnreserved(c)) {
      return true;
    }
    switch (c) {
      case ';', '/', '?', ':', '@', '&', '=', '+', '$', ',', '[', ']':
        return true;
      default:
        return false;
    }
  }

  @Override
  public String scheme() {
    return scheme;
  }

  /** Everything after the first colon, as written. */
  public String rest() {
    return rest;
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append(writtenScheme).append(':').append(rest);
  }

  /** The URI as written. */
  @Override
  public String toString() {
    return writtenScheme + ":" + rest;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AbsoluteUri u && scheme.equals(u.scheme) && rest.equals(u.rest);
  }

  @Override
  public int hashCode() {
    return 31 * scheme.hashCode() + rest.hashCode();
  }
}
