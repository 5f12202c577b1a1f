// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;

/**
 * One pass over a {@code tel} URI (RFC 3966 §3).
 *
 * <pre>
 * telephone-subscriber = global-number / local-number
 * global-number        = "+" *phonedigit DIGIT *phonedigit *par
 * local-number         = *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex *par context *par
 * par                  = parameter / extension / isdn-subaddress
 * </pre>
 *
 * <p>RFC 3966 §3 also fixes the order of the parameters (isub or ext, then phone-context, then the
 * rest sorted); real numbers do not always follow it and nothing depends on it, so any order is
 * accepted and kept.
 */
final class TelUriParser {
  private static final String PREFIX = "Bad tel URI: ";

  private TelUriParser() {}

  static ParseResult<TelUri> parse(String s) {
    if (!s.regionMatches(true, 0, "tel:", 0, 4)) {
      return fail("scheme is not tel");
    }
    int end = s.length();
    int numberEnd = s.indexOf(';', 4);
    if (numberEnd < 0) {
      numberEnd = end;
    }
    if (numberEnd == 4) {
      return fail("empty number");
    }
    boolean global = s.charAt(4) == '+';
    String numberFault = global ? globalDigits(s, 5, numberEnd) : localDigits(s, 4, numberEnd);
    if (numberFault != null) {
      return fail(numberFault);
    }
    Parameters params = Parameters.empty();
    int pos = numberEnd;
    while (pos < end) {
      // s[pos] is ';' here.
      int nameStart = pos + 1;
      int i = nameStart;
      while (i < end && (SipChars.isAlphanum(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      if (i == nameStart) {
        return fail(
            i < end && s.charAt(i) != ';' && s.charAt(i) != '='
                ? Reasons.illegal(s.charAt(i), "parameter")
                : "empty parameter name");
      }
      String name = s.substring(nameStart, i);
      String value = null;
      if (i < end && s.charAt(i) == '=') {
        int valueStart = i + 1;
        boolean isub = name.equalsIgnoreCase("isub");
        i = valueStart;
        while (i < end && s.charAt(i) != ';') {
          char c = s.charAt(i);
          if (c == '%') {
            if (i + 2 >= end
                || !SipChars.isHex(s.charAt(i + 1))
                || !SipChars.isHex(s.charAt(i + 2))) {
              return fail("malformed escape in parameter");
            }
            i += 3;
          } else if (SipChars.isParamChar(c) || (isub && isUricOfIsub(c))) {
            i++;
          } else {
            return fail(Reasons.illegal(c, "parameter"));
          }
        }
        if (i == valueStart) {
          return fail("empty value of parameter " + Reasons.printable(name));
        }
        value = s.substring(valueStart, i);
      }
      if (i < end && s.charAt(i) != ';') {
        return fail(Reasons.illegal(s.charAt(i), "parameter"));
      }
      if (params.contains(name)) {
        return fail("duplicate parameter " + Reasons.printable(name));
      }
      String fault = checkParameter(name, value);
      if (fault != null) {
        return fail(fault);
      }
      params = params.with(name, value);
      pos = i;
    }
    if (!global && !params.contains("phone-context")) {
      // RFC 3966 §5.1.5: a local number MUST carry its context.
      return fail("local number lacks phone-context");
    }
    return ParseResult.parsed(new TelUri(s.substring(4, numberEnd), global, params));
  }

  /** The value rules of ext (§5.2) and phone-context (§5.1.5); null when fine. */
  private static String checkParameter(String name, String value) {
    boolean ext = name.equalsIgnoreCase("ext");
    boolean context = name.equalsIgnoreCase("phone-context");
    if (!ext && !context && !name.equalsIgnoreCase("isub")) {
      return null;
    }
    if (value == null) {
      return Reasons.printable(name) + " parameter lacks a value";
    }
    if (ext) {
      // extension = ";ext=" 1*phonedigit
      boolean digit = false;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Schemes.isDigit(c)) {
          digit = true;
        } else if (!isVisualSeparator(c)) {
          return "ext is not a number";
        }
      }
      return digit ? null : "ext is not a number";
    }
    if (context) {
      // descriptor = domainname / global-number-digits
      if (value.startsWith("+")) {
        return globalDigits(value, 1, value.length()) == null ? null : "bad phone-context number";
      }
      ParseResult<Host> h = Host.parse(value);
      return h.isParsed() && h.value().kind() == Host.Kind.NAME ? null : "bad phone-context domain";
    }
    return null;
  }

  /** {@code *phonedigit DIGIT *phonedigit} after the '+'. */
  private static String globalDigits(String s, int from, int to) {
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Schemes.isDigit(c)) {
        digit = true;
      } else if (!isVisualSeparator(c)) {
        return Reasons.illegal(c, "number");
      }
    }
    return digit ? null : "number has no digits";
  }

  /** {@code *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex}. */
  private static String localDigits(String s, int from, int to) {
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (SipChars.isHex(c) || c == '*' || c == '#') {
        digit = true;
      } else if (!isVisualSeparator(c)) {
        return Reasons.illegal(c, "number");
      }
    }
    return digit ? null : "number has no digits";
  }

  /** {@code visual-separator = "-" / "." / "(" / ")"}. */
  static boolean isVisualSeparator(char c) {
    return c == '-' || c == '.' || c == '(' || c == ')';
  }

  /** The {@code uric} characters an isub value may hold beyond paramchar (RFC 3966 §3). */
  private static boolean isUricOfIsub(char c) {
    return c == '?' || c == '@' || c == '=' || c == ',';
  }

  private static ParseResult<TelUri> fail(String why) {
    return ParseResult.malformed(PREFIX + why);
  }
}
