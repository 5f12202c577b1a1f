// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import dev.switchboard.message.uri.Uri;
import java.util.Objects;
import java.util.Optional;

/**
 * A name-addr or addr-spec with header parameters: the value of From, To, Contact, Route,
 * Record-Route, Path, Reply-To, Refer-To, Referred-By, and of Alert-Info, Call-Info and Error-Info
 * (RFC 3261 sections 20.10, 20.20, 20.39, 25.1).
 *
 * <p>The Contact wildcard {@code *} is the distinguished value {@link #WILDCARD}, whose URI is
 * {@code null}.
 *
 * @param displayName the display name as written (quoted string with its quotes, or tokens), or
 *     {@code null}
 * @param uri the URI; {@code null} only for {@link #WILDCARD}
 * @param parameters header parameters (tag, expires, q, lr-less rr-params...), as written
 * @param bracketed whether the URI was written in angle brackets
 */
public record Address(String displayName, Uri uri, Parameters parameters, boolean bracketed)
    implements HeaderValue {
  /** The Contact value {@code *} of a REGISTER that removes every binding (section 10.2.2). */
  public static final Address WILDCARD = new Address(null, null, Parameters.empty(), false);

  public Address {
    Objects.requireNonNull(parameters, "parameters");
  }

  /** {@code <uri>} with no display name or parameters. */
  public static Address of(Uri uri) {
    return new Address(null, Objects.requireNonNull(uri, "uri"), Parameters.empty(), true);
  }

  /** Parses a value where {@code *} is not allowed. */
  public static ParseResult<Address> parse(String value) {
    return parse(value, "Address", false);
  }

  /** Parses a Contact value, where {@code *} is allowed. */
  public static ParseResult<Address> parseContact(String value) {
    return parse(value, "Contact", true);
  }

  /**
   * Parses {@code (name-addr / addr-spec) *(SEMI param)}, naming {@code header} in any fault.
   *
   * <p>Leniency, from RFC 4475: no white space is needed between a display name token and {@code
   * <} (lwsdisp, section 3.1.1.6). Strictness: white space inside the brackets (badaspec), an
   * unquoted display name with characters outside {@code token} (baddn), an unclosed quote
   * (quotbal) and an addr-spec carrying URI headers (regbadct) are faults.
   */
  public static ParseResult<Address> parse(String value, String header, boolean wildcardAllowed) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    // A token display name may start with '*' too ("*Bob <sip:bob@b.example.com>").
    if (wildcardAllowed && lx.peek() == '*' && value.indexOf('<', lx.position()) < 0) {
      lx.consume('*');
      lx.skipWs();
      if (!lx.atEnd()) {
        return HeaderValues.trailing(header, lx);
      }
      return ParseResult.parsed(WILDCARD);
    }
    String display = null;
    boolean bracketed;
    String uriText;
    if (lx.peek() == '"') {
      display = lx.quotedString();
      if (display == null) {
        return ParseResult.malformed("Bad " + header + ": unterminated quoted display name");
      }
      lx.skipWs();
      if (lx.peek() != '<') {
        return ParseResult.malformed("Bad " + header + ": expected '<' after display name");
      }
    } else if (isNameAddr(value, lx.position())) {
      int lt = value.indexOf('<', lx.position());
      String text = value.substring(lx.position(), lt).trim();
      if (!text.isEmpty()) {
        String fault = checkTokenDisplayName(text);
        if (fault != null) {
          return ParseResult.malformed("Bad " + header + ": " + fault);
        }
        display = text;
      }
      lx.position(lt);
    }
    if (lx.consume('<')) {
      bracketed = true;
      int gt = value.indexOf('>', lx.position());
      if (gt < 0) {
        return ParseResult.malformed("Bad " + header + ": missing '>'");
      }
      uriText = value.substring(lx.position(), gt);
      lx.position(gt + 1);
    } else {
      bracketed = false;
      int start = lx.position();
      while (!lx.atEnd() && lx.peek() != ';' && !SipChars.isWsp(lx.peek())) {
        lx.position(lx.position() + 1);
      }
      uriText = value.substring(start, lx.position());
      // Section 20.10: a URI with a comma, question mark or semicolon must be in angle brackets.
      if (uriText.indexOf('?') >= 0 || uriText.indexOf(',') >= 0) {
        return ParseResult.malformed("Bad " + header + ": URI with '?' or ',' must be enclosed in <>");
      }
    }
    if (uriText.isEmpty()) {
      return ParseResult.malformed("Bad " + header + ": missing URI");
    }
    ParseResult<Uri> uri = Uri.parse(uriText);
    if (uri instanceof ParseResult.Malformed<Uri> m) {
      return ParseResult.malformed("Bad " + header + ": " + m.reason());
    }
    Parameters params = lx.parameters();
    if (params == null) {
      return ParseResult.malformed("Bad " + header + ": bad parameter " + lx.where());
    }
    lx.skipWs();
    if (!lx.atEnd()) {
      return HeaderValues.trailing(header, lx);
    }
    return ParseResult.parsed(new Address(display, uri.value(), params, bracketed));
  }

  /**
   * True when a {@code '<'} opens a name-addr. A token display name holds no quote, so a quote
   * before the first {@code '<'} opens a quoted parameter value of an addr-spec instead, and a
   * {@code '<'} inside it ({@code sip:a@b;x="<"}) opens nothing.
   */
  private static boolean isNameAddr(String value, int from) {
    int lt = value.indexOf('<', from);
    int quote = value.indexOf('"', from);
    return lt >= 0 && (quote < 0 || lt < quote);
  }

  /** {@code display-name = *(token LWS)}: tokens separated by white space, nothing else. */
  private static String checkTokenDisplayName(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!SipChars.isToken(c) && !SipChars.isWsp(c)) {
        return "display name needs quotes for '" + Lexer.printable(String.valueOf(c)) + "'";
      }
    }
    return null;
  }

  /** True for the Contact wildcard {@code *}. */
  public boolean isWildcard() {
    return uri == null;
  }

  /** The display name without quotes, if there is one. */
  public Optional<String> display() {
    return Optional.ofNullable(displayName).map(Parameters::unquote);
  }

  /** The tag parameter of From or To (section 19.3). */
  public Optional<String> tag() {
    return parameters.get("tag");
  }

  /** This address with a tag, as a UAS adds to To (section 8.2.6.2). */
  public Address withTag(String tag) {
    return withParameter("tag", tag);
  }

  /** This address with a header parameter set or replaced. */
  public Address withParameter(String name, String value) {
    return new Address(displayName, uri, parameters.with(name, value), bracketed);
  }

  /** This address with a header parameter removed. */
  public Address withoutParameter(String name) {
    return new Address(displayName, uri, parameters.without(name), bracketed);
  }

  @Override
  public String toString() {
    if (uri == null) {
      return "*";
    }
    StringBuilder sb = new StringBuilder(64);
    if (displayName != null) {
      sb.append(displayName).append(' ');
    }
    // Brackets are kept when they were written and whenever leaving them out would let a URI
    // parameter be read as a header parameter (section 20.10).
    String u = uri.toString();
    boolean brackets =
        bracketed || displayName != null || u.indexOf(';') >= 0 || u.indexOf('?') >= 0 || u.indexOf(',') >= 0;
    if (brackets) {
      sb.append('<').append(u).append('>');
    } else {
      sb.append(u);
    }
    parameters.appendTo(sb);
    return sb.toString();
  }
}
