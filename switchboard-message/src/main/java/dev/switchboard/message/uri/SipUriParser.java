// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import java.util.Arrays;

/**
 * One pass over {@code sip:user:password@host:port;params?headers} (RFC 3261 §19.1.1, §25.1).
 *
 * <p>The text is read left to right; the only look-aheads are the search for the {@code @} that
 * ends the userinfo and, after an unbracketed host, for a second colon that betrays an IPv6
 * address. A component is copied out only when complete, and decoded only when it holds an
 * escape. One instance parses one URI and is then dropped.
 */
final class SipUriParser {
  private static final String PREFIX = "Bad SIP URI: ";

  private final String s;
  private final int end;
  private int pos;

  /** Set by {@link #scan} when the scanned run held at least one {@code %HH} escape. */
  private boolean escaped;

  /** Set when a step fails; the step then returns a sentinel. */
  private String fault;

  private SipUriParser(String s) {
    this.s = s;
    this.end = s.length();
  }

  static ParseResult<SipUri> parse(String s) {
    return new SipUriParser(s).run();
  }

  private ParseResult<SipUri> run() {
    boolean secure;
    if (s.regionMatches(true, 0, "sip:", 0, 4)) {
      secure = false;
      pos = 4;
    } else if (s.regionMatches(true, 0, "sips:", 0, 5)) {
      secure = true;
      pos = 5;
    } else {
      return fail("scheme is not sip or sips");
    }

    // userinfo = ( user / telephone-subscriber ) [ ":" password ] "@". Neither part may hold an
    // unescaped '@', so the first '@' ends the userinfo. The user may hold ';' and '?' (RFC 4475
    // §3.1.1.9), so the '@' must be found before looking for parameters or headers.
    String user = null;
    String password = null;
    int at = s.indexOf('@', pos);
    if (at >= 0) {
      int userEnd = scan(pos, at, UriEscapes.Part.USER);
      if (userEnd < 0) {
        return failed();
      }
      if (userEnd == pos) {
        return userEnd < at && s.charAt(userEnd) != ':'
            ? fail(Reasons.illegal(s.charAt(userEnd), "user"))
            : fail("empty user");
      }
      user = text(pos, userEnd);
      if (userEnd < at) {
        if (s.charAt(userEnd) != ':') {
          return fail(Reasons.illegal(s.charAt(userEnd), "user"));
        }
        int passStart = userEnd + 1;
        int passEnd = scan(passStart, at, UriEscapes.Part.PASSWORD);
        if (passEnd < 0) {
          return failed();
        }
        if (passEnd < at) {
          return fail(Reasons.illegal(s.charAt(passEnd), "password"));
        }
        password = text(passStart, passEnd);
      }
      pos = at + 1;
    }

    Host host = host();
    if (host == null) {
      return failed();
    }
    int port = port();
    if (port == -2) {
      return failed();
    }
    if (pos < end && s.charAt(pos) != ';' && s.charAt(pos) != '?') {
      return fail(Reasons.illegal(s.charAt(pos), "host"));
    }
    Parameters params = parameters();
    if (params == null) {
      return failed();
    }
    String paramFault = SipUri.checkParameters(params);
    if (paramFault != null) {
      return fail(paramFault);
    }
    UriHeaders headers = headers();
    if (headers == null) {
      return failed();
    }
    return ParseResult.parsed(new SipUri(secure, user, password, host, port, params, headers));
  }

  /** {@code host = hostname / IPv4address / IPv6reference}; leaves pos after the host. */
  private Host host() {
    if (pos == end) {
      fault = "empty host";
      return null;
    }
    int hostEnd;
    ParseResult<Host> r;
    if (s.charAt(pos) == '[') {
      int close = s.indexOf(']', pos);
      if (close < 0) {
        fault = "IPv6 reference lacks ']'";
        return null;
      }
      hostEnd = close + 1;
      r = Host.ipv6(s, pos + 1, close, PREFIX);
    } else {
      hostEnd = pos;
      while (hostEnd < end) {
        char c = s.charAt(hostEnd);
        if (c == ':' || c == ';' || c == '?') {
          break;
        }
        hostEnd++;
      }
      if (hostEnd < end && s.charAt(hostEnd) == ':' && colonBeforeParameters(hostEnd + 1)) {
        // sip:2001:db8::10 (RFC 5118 §4.2): without brackets the port cannot be told apart.
        fault = "IPv6 address lacks brackets";
        return null;
      }
      r = Host.parse(s, pos, hostEnd, PREFIX, false);
    }
    if (r instanceof ParseResult.Malformed<Host> m) {
      fault = m.reason().substring(PREFIX.length());
      return null;
    }
    pos = hostEnd;
    return r.value();
  }

  private boolean colonBeforeParameters(int from) {
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (c == ':') {
        return true;
      }
      if (c == ';' || c == '?') {
        return false;
      }
    }
    return false;
  }

  /** {@code [":" port]}: the port, -1 when absent, -2 on a fault. */
  private int port() {
    if (pos == end || s.charAt(pos) != ':') {
      return -1;
    }
    int start = ++pos;
    int port = 0;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c < '0' || c > '9') {
        break;
      }
      port = port * 10 + (c - '0');
      if (port > 65535) {
        fault = "port exceeds 65535";
        return -2;
      }
      pos++;
    }
    if (pos < end && s.charAt(pos) != ';' && s.charAt(pos) != '?') {
      fault = Reasons.illegal(s.charAt(pos), "port");
      return -2;
    }
    if (pos == start) {
      fault = "empty port";
      return -2;
    }
    return port;
  }

  /** {@code *( ";" pname [ "=" pvalue ] )}; duplicates are refused. */
  private Parameters parameters() {
    Parameters.Builder params = Parameters.builder();
    while (pos < end && s.charAt(pos) == ';') {
      int nameStart = pos + 1;
      int nameEnd = scan(nameStart, end, UriEscapes.Part.PARAMETER);
      if (nameEnd < 0) {
        return null;
      }
      if (nameEnd == nameStart) {
        fault =
            nameEnd < end && !isParamDelimiter(s.charAt(nameEnd))
                ? Reasons.illegal(s.charAt(nameEnd), "parameter")
                : "empty parameter name";
        return null;
      }
      String name = text(nameStart, nameEnd);
      String value = null;
      pos = nameEnd;
      if (pos < end && s.charAt(pos) == '=') {
        // RFC 3261 says pvalue = 1*paramchar; an empty value is accepted and kept as "".
        int valueStart = pos + 1;
        int valueEnd = scan(valueStart, end, UriEscapes.Part.PARAMETER);
        if (valueEnd < 0) {
          return null;
        }
        value = text(valueStart, valueEnd);
        pos = valueEnd;
      }
      if (pos < end && s.charAt(pos) != ';' && s.charAt(pos) != '?') {
        fault = Reasons.illegal(s.charAt(pos), "parameter");
        return null;
      }
      if (params.contains(name)) {
        // Parameters holds one value per name; keeping either would change the URI silently.
        fault = "duplicate parameter " + Reasons.printable(name);
        return null;
      }
      params.add(name, value);
    }
    return params.build();
  }

  private static boolean isParamDelimiter(char c) {
    return c == ';' || c == '?' || c == '=';
  }

  /** {@code "?" header *( "&" header )}, {@code header = hname "=" hvalue}. */
  private UriHeaders headers() {
    if (pos == end) {
      return UriHeaders.empty();
    }
    // The caller has checked that s[pos] is '?'.
    String[] names = new String[4];
    String[] values = new String[4];
    int n = 0;
    do {
      int nameStart = ++pos;
      int nameEnd = scan(nameStart, end, UriEscapes.Part.HEADER);
      if (nameEnd < 0) {
        return null;
      }
      if (nameEnd == end || s.charAt(nameEnd) != '=') {
        if (nameEnd < end && s.charAt(nameEnd) != '&') {
          fault = Reasons.illegal(s.charAt(nameEnd), "header");
        } else {
          fault = nameEnd == nameStart ? "empty header name" : "header lacks '='";
        }
        return null;
      }
      if (nameEnd == nameStart) {
        fault = "empty header name";
        return null;
      }
      String name = text(nameStart, nameEnd);
      int valueStart = nameEnd + 1;
      int valueEnd = scan(valueStart, end, UriEscapes.Part.HEADER);
      if (valueEnd < 0) {
        return null;
      }
      if (valueEnd < end && s.charAt(valueEnd) != '&') {
        fault = Reasons.illegal(s.charAt(valueEnd), "header");
        return null;
      }
      if (n == names.length) {
        names = Arrays.copyOf(names, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      names[n] = name;
      values[n++] = text(valueStart, valueEnd);
      pos = valueEnd;
    } while (pos < end);
    return UriHeaders.trusted(Arrays.copyOf(names, n), Arrays.copyOf(values, n));
  }

  /**
   * Advances over characters {@code part} allows and well-formed escapes, from {@code from} to at
   * most {@code limit}; returns where it stopped, or -1 (with {@link #fault} set) on a malformed
   * escape. Sets {@link #escaped}.
   */
  private int scan(int from, int limit, UriEscapes.Part part) {
    escaped = false;
    int i = from;
    while (i < limit) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= limit
            || !SipChars.isHex(s.charAt(i + 1))
            || !SipChars.isHex(s.charAt(i + 2))) {
          fault = "malformed escape in " + part.label;
          return -1;
        }
        escaped = true;
        i += 3;
      } else if (part.allows(c)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** The component {@code s[from, to)} just scanned, decoded when it held an escape. */
  private String text(int from, int to) {
    return escaped ? UriEscapes.decode(s, from, to) : s.substring(from, to);
  }

  private ParseResult<SipUri> fail(String why) {
    return ParseResult.malformed(PREFIX + why);
  }

  private ParseResult<SipUri> failed() {
    return fail(fault);
  }
}
