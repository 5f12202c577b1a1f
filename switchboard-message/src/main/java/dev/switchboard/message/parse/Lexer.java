// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.parse;

import dev.switchboard.message.Parameters;

/**
 * A cursor over one header value (already unfolded), with the small steps of the RFC 3261 grammar
 * that every header parser shares: linear white space, tokens, quoted strings, separators with
 * optional white space around them ({@code SEMI}, {@code EQUAL}, {@code SLASH}, {@code COLON}) and
 * generic parameters.
 *
 * <p>Methods that can fail return {@code null} (or {@code false}) and leave the position where the
 * fault is; the header parser turns that into a {@link ParseResult.Malformed} naming the header.
 * Not thread-safe; one instance per parse.
 */
public final class Lexer {
  private final String s;
  private int pos;

  /** A lexer at the start of {@code s}. */
  public Lexer(String s) {
    this.s = s;
  }

  /** The current offset. */
  public int position() {
    return pos;
  }

  /** Moves to {@code p}. */
  public void position(int p) {
    pos = p;
  }

  /** The whole input. */
  public String input() {
    return s;
  }

  /** True when nothing is left. */
  public boolean atEnd() {
    return pos >= s.length();
  }

  /** The next character, or -1 at the end. */
  public int peek() {
    return pos < s.length() ? s.charAt(pos) : -1;
  }

  /** Skips spaces and tabs (values arrive unfolded, so LWS is just WSP here). */
  public void skipWs() {
    while (pos < s.length() && SipChars.isWsp(s.charAt(pos))) {
      pos++;
    }
  }

  /** Consumes {@code c} if it is next (no white space skipped). */
  public boolean consume(char c) {
    if (pos < s.length() && s.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * Consumes a separator with optional white space on either side, as {@code SEMI}, {@code EQUAL},
   * {@code COMMA}, {@code SLASH} and {@code COLON} are defined (section 25.1). Restores the
   * position when {@code c} is not there.
   */
  public boolean separator(char c) {
    int start = pos;
    skipWs();
    if (consume(c)) {
      skipWs();
      return true;
    }
    pos = start;
    return false;
  }

  /** Consumes a token; {@code null} when none is next. */
  public String token() {
    int start = pos;
    while (pos < s.length() && SipChars.isToken(s.charAt(pos))) {
      pos++;
    }
    return pos == start ? null : KnownTokens.substring(s, start, pos);
  }

  /** Consumes a run of {@code word} characters (Call-ID halves); {@code null} when none. */
  public String word() {
    int start = pos;
    while (pos < s.length() && SipChars.isWord(s.charAt(pos))) {
      pos++;
    }
    return pos == start ? null : s.substring(start, pos);
  }

  /** Consumes decimal digits; {@code null} when none. */
  public String digits() {
    int start = pos;
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
    }
    return pos == start ? null : s.substring(start, pos);
  }

  /**
   * Consumes a quoted string and returns it with its quotes and quoted-pairs as written (so that a
   * forwarded value is unchanged); {@code null} when no complete quoted string is next.
   */
  public String quotedString() {
    if (peek() != '"') {
      return null;
    }
    int start = pos++;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '\\') {
        // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F): anything but CR and LF.
        if (pos + 1 >= s.length()) {
          break;
        }
        pos += 2;
      } else if (c == '"') {
        pos++;
        return s.substring(start, pos);
      } else {
        pos++;
      }
    }
    pos = start;
    return null;
  }

  /** Consumes everything up to (not including) {@code c}, or to the end. */
  public String until(char c) {
    int start = pos;
    int i = s.indexOf(c, pos);
    pos = i < 0 ? s.length() : i;
    return s.substring(start, pos);
  }

  /** The rest of the input, consumed. */
  public String rest() {
    String r = s.substring(Math.min(pos, s.length()));
    pos = s.length();
    return r;
  }

  /**
   * Parses {@code *( SEMI generic-param )} where {@code generic-param = token [ EQUAL gen-value ]}
   * and {@code gen-value = token / host / quoted-string}. Returns {@code null} on a fault (an
   * empty parameter such as {@code ;;}, a missing value after {@code =}).
   */
  public Parameters parameters() {
    if (!lookingAtSeparator(';')) {
      return Parameters.empty();
    }
    Parameters.Builder p = Parameters.builder();
    while (separator(';')) {
      String name = token();
      if (name == null) {
        return null;
      }
      String value = null;
      if (separator('=')) {
        value = peek() == '"' ? quotedString() : paramValue();
        if (value == null) {
          return null;
        }
      }
      p.add(name, value);
    }
    return p.build();
  }

  /** True when {@code c}, after optional white space, is next; consumes nothing. */
  private boolean lookingAtSeparator(char c) {
    int i = pos;
    while (i < s.length() && SipChars.isWsp(s.charAt(i))) {
      i++;
    }
    return i < s.length() && s.charAt(i) == c;
  }

  /**
   * A token or a host, including a bracketed IPv6 reference (RFC 5118 section 4.5 asks that
   * {@code received=[2001:db8::9:255]} parse, with or without the brackets, so colons are allowed).
   */
  private String paramValue() {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (SipChars.isToken(c) || c == ':' || c == '[' || c == ']') {
        pos++;
      } else {
        break;
      }
    }
    return pos == start ? null : KnownTokens.substring(s, start, pos);
  }

  /** Text describing the current position, for error reasons: {@code "at 'xyz'"} or "at end". */
  public String where() {
    if (atEnd()) {
      return "at end of value";
    }
    int end = Math.min(s.length(), pos + 12);
    return "at '" + printable(s.substring(pos, end)) + "'";
  }

  /** Replaces control characters so that a reason phrase stays on one printable line. */
  public static String printable(String t) {
    StringBuilder sb = null;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        if (sb == null) {
          sb = new StringBuilder(t.substring(0, i));
        }
        sb.append('?');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? t : sb.toString();
  }
}
