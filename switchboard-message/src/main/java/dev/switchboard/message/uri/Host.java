// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The host of a SIP URI or Via sent-by: a host name, an IPv4 address or an IPv6 address (RFC 3261
 * §25.1 {@code host = hostname / IPv4address / IPv6reference}).
 *
 * <p>{@link #text()} is the host as written, an IPv6 address without its brackets; {@link
 * #toString()} puts the brackets back. Equality is address equality, as §19.1.4 compares hosts:
 * names without regard to case, IP addresses by value ({@code [2001:DB8::1]} equals {@code
 * [2001:db8:0:0:0:0:0:1]}). A name never equals an address, even the one it resolves to, and no
 * method here ever consults DNS.
 *
 * <p>This is a final class with record-style accessors rather than a record so that its constructor
 * can stay private: every instance has passed the grammar, and a parsed IP address keeps its bytes
 * for comparison.
 */
public final class Host {
  /** What kind of host the text is. */
  public enum Kind {
    /** A host name ({@code hostname}); compared without regard to case. */
    NAME,
    /** A dotted-quad IPv4 address. */
    IPV4,
    /** An IPv6 address; written in brackets in URIs and sent-by. */
    IPV6
  }

  private static final String PREFIX = "Bad host: ";

  private final String text;
  private final Kind kind;
  private final byte[] address; // null for NAME
  private int hash; // cached; 0 until computed (racy single-check, safe for an int)

  private Host(String text, Kind kind, byte[] address) {
    this.text = text;
    this.kind = kind;
    this.address = address;
  }

  /**
   * Parses a host: a host name, an IPv4 address, or an IPv6 address with or without brackets.
   *
   * <p>A bare IPv6 address is accepted because the whole text is the host, so its colons cannot be
   * mistaken for a port separator; the Via {@code received} parameter is written that way (RFC 3261
   * §25.1, RFC 5118 §4.5). A caller splitting {@code host:port} must itself insist on brackets.
   */
  public static ParseResult<Host> parse(String text) {
    return parse(text, 0, text.length());
  }

  /** Parses {@code text[start, end)} as {@link #parse(String)} does, without copying first. */
  public static ParseResult<Host> parse(CharSequence text, int start, int end) {
    Objects.checkFromToIndex(start, end, text.length());
    return parse(text, start, end, PREFIX, true);
  }

  /**
   * A host from trusted text, for building URIs in code.
   *
   * @throws IllegalArgumentException when {@code text} is not a valid host
   */
  public static Host of(String text) {
    ParseResult<Host> r = parse(text);
    if (r instanceof ParseResult.Malformed<Host> m) {
      throw new IllegalArgumentException(m.reason());
    }
    return r.value();
  }

  /**
   * The shared parser. {@code prefix} starts each fault reason ("Bad SIP URI: "); {@code bareIpv6}
   * says whether an IPv6 address may appear without brackets.
   */
  static ParseResult<Host> parse(
      CharSequence s, int from, int to, String prefix, boolean bareIpv6) {
    if (from >= to) {
      return ParseResult.malformed(prefix + "empty host");
    }
    char first = s.charAt(from);
    if (first == '[') {
      if (s.charAt(to - 1) != ']') {
        return ParseResult.malformed(prefix + "IPv6 reference lacks ']'");
      }
      return ipv6(s, from + 1, to - 1, prefix);
    }
    if (IpLiterals.looksLikeIpv4(s, from, to)) {
      byte[] b = new byte[4];
      if (!IpLiterals.ipv4(s, from, to, b, 0)) {
        return ParseResult.malformed(prefix + "bad IPv4 address");
      }
      return ParseResult.parsed(new Host(s.subSequence(from, to).toString(), Kind.IPV4, b));
    }
    if (bareIpv6 && indexOf(s, ':', from, to) >= 0) {
      return ipv6(s, from, to, prefix);
    }
    return name(s, from, to, prefix);
  }

  /** The inside of an IPv6 reference, brackets already removed. */
  static ParseResult<Host> ipv6(CharSequence s, int from, int to, String prefix) {
    if (indexOf(s, ']', from, to) >= 0 || indexOf(s, '[', from, to) >= 0) {
      return ParseResult.malformed(prefix + "unbalanced brackets in host");
    }
    byte[] b = IpLiterals.ipv6(s, from, to);
    if (b == null) {
      return ParseResult.malformed(prefix + "bad IPv6 address");
    }
    return ParseResult.parsed(new Host(s.subSequence(from, to).toString(), Kind.IPV6, b));
  }

  /**
   * {@code hostname = *( domainlabel "." ) toplabel [ "." ]}, where a label is alphanumerics and
   * inner hyphens and the top label starts with a letter (RFC 3261 §25.1).
   */
  private static ParseResult<Host> name(CharSequence s, int from, int to, String prefix) {
    int labelStart = from;
    char topFirst = 0;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : '.';
      if (c == '.') {
        if (i == labelStart) {
          if (i == to && i > from) {
            break; // the optional trailing dot
          }
          return ParseResult.malformed(prefix + "empty label in host name");
        }
        if (s.charAt(i - 1) == '-') {
          return ParseResult.malformed(prefix + "host name label ends with '-'");
        }
        topFirst = s.charAt(labelStart);
        labelStart = i + 1;
      } else if (c == '-') {
        if (i == labelStart) {
          return ParseResult.malformed(prefix + "host name label starts with '-'");
        }
      } else if (!SipChars.isAlphanum(c)) {
        if (c == ']' || c == '[') {
          return ParseResult.malformed(prefix + "unbalanced brackets in host");
        }
        return ParseResult.malformed(prefix + Reasons.illegal(c, "host"));
      }
    }
    if (!Schemes.isAlpha(topFirst)) {
      return ParseResult.malformed(prefix + "host name ends in a numeric label");
    }
    return ParseResult.parsed(new Host(s.subSequence(from, to).toString(), Kind.NAME, null));
  }

  private static int indexOf(CharSequence s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The host as written; an IPv6 address without brackets. */
  public String text() {
    return text;
  }

  /** Whether this is a name, an IPv4 or an IPv6 address. */
  public Kind kind() {
    return kind;
  }

  /** True for an IPv4 or IPv6 address. */
  public boolean isIpAddress() {
    return kind != Kind.NAME;
  }

  /** The address of an IPv4 or IPv6 host, built from its bytes (no DNS); empty for a name. */
  public Optional<InetAddress> inetAddress() {
    if (address == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(address));
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always a valid address", e);
    }
  }

  /**
   * True when both name the same host as RFC 3261 §19.1.4 compares them: names without regard to
   * case, addresses by value. A name and an address never match.
   */
  public boolean matches(Host other) {
    if (kind != other.kind) {
      return false;
    }
    if (kind == Kind.NAME) {
      return text.equalsIgnoreCase(other.text);
    }
    return Arrays.equals(address, other.address);
  }

  /** Appends the host as it goes on the wire, an IPv6 address in brackets. */
  public void appendTo(StringBuilder sb) {
    if (kind == Kind.IPV6) {
      sb.append('[').append(text).append(']');
    } else {
      sb.append(text);
    }
  }

  /** Equal when {@link #matches} says so. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Host h && matches(h);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      if (address != null) {
        h = Arrays.hashCode(address);
      } else {
        h = Ascii.lowerHash(text);
      }
      h = h * 3 + kind.ordinal();
      hash = h;
    }
    return h;
  }

  /** The host as it goes on the wire, an IPv6 address in brackets. */
  @Override
  public String toString() {
    return kind == Kind.IPV6 ? "[" + text + "]" : text;
  }
}
