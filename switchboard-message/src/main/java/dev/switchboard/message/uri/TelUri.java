// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code tel} URI (RFC 3966): a global number {@code tel:+1-201-555-0123} or a local number with
 * its mandatory context {@code tel:7042;phone-context=example.com}, with optional {@code ext},
 * {@code isub} and other parameters.
 *
 * <p>The number and the parameters are kept as written, so {@link #toString()} gives back the
 * parsed text (with the scheme in lower case). {@link #equals} follows RFC 3966 §4.
 */
public final class TelUri implements Uri {
  private final String number;
  private final boolean global;
  private final Parameters parameters;

  TelUri(String number, boolean global, Parameters parameters) {
    this.number = number;
    this.global = global;
    this.parameters = parameters;
  }

  /** Parses a {@code tel} URI; faults read {@code "Bad tel URI: <what is wrong>"}. */
  public static ParseResult<TelUri> parse(String text) {
    return TelUriParser.parse(Objects.requireNonNull(text, "text"));
  }

  @Override
  public String scheme() {
    return "tel";
  }

  /** The number as written, visual separators included: {@code +1-201-555-0123}, {@code 7042}. */
  public String number() {
    return number;
  }

  /** True for a global number, one starting with {@code +}. */
  public boolean isGlobal() {
    return global;
  }

  /** The number without visual separators ({@code - . ( )}), hex digits in lower case. */
  public String digits() {
    return stripSeparators(number);
  }

  /** The parameters as written, {@code phone-context}, {@code ext} and {@code isub} included. */
  public Parameters parameters() {
    return parameters;
  }

  /** The {@code phone-context} of a local number (RFC 3966 §5.1.5). */
  public Optional<String> phoneContext() {
    return parameters.get("phone-context");
  }

  /** The {@code ext} extension (RFC 3966 §5.2). */
  public Optional<String> extension() {
    return parameters.get("ext");
  }

  /** The {@code isub} ISDN subaddress (RFC 3966 §5.3). */
  public Optional<String> isdnSubaddress() {
    return parameters.get("isub");
  }

  /** {@code s} without visual separators, hex digits folded to lower case. */
  static String stripSeparators(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!TelUriParser.isVisualSeparator(c)) {
        sb.append(Ascii.lower(c));
      }
    }
    return sb.toString();
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append("tel:").append(number);
    parameters.appendTo(sb);
  }

  /** The wire form: {@code tel:} and the rest as written. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(4 + number.length() + 16 * parameters.size());
    appendTo(sb);
    return sb.toString();
  }

  /**
   * The comparison of RFC 3966 §4: both global or both local; equal numbers once visual separators
   * are removed; the same parameter names in any order, none present in only one; {@code
   * phone-context} and {@code ext} values compared without visual separators when they are digits;
   * everything without regard to case.
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof TelUri t)
        || global != t.global
        || parameters.size() != t.parameters.size()
        || !digits().equals(t.digits())) {
      return false;
    }
    for (int i = 0; i < parameters.size(); i++) {
      String name = parameters.name(i);
      if (!t.parameters.contains(name)) {
        return false;
      }
      String a = parameters.value(i);
      String b = t.parameters.get(name).orElse(null);
      if (a == null || b == null) {
        if (a != b) {
          return false;
        }
      } else if (!comparable(name, a).equalsIgnoreCase(comparable(name, b))) {
        return false;
      }
    }
    return true;
  }

  /** The form of a parameter value that §4 compares. */
  private static String comparable(String name, String value) {
    boolean digits =
        name.equalsIgnoreCase("ext")
            || (name.equalsIgnoreCase("phone-context") && value.startsWith("+"));
    return digits ? stripSeparators(value) : value;
  }

  @Override
  public int hashCode() {
    return 31 * Boolean.hashCode(global) + digits().hashCode();
  }
}
