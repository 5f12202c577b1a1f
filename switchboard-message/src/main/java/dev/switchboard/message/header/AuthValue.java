// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Optional;

/**
 * Credentials or a challenge: Authorization, Proxy-Authorization, WWW-Authenticate,
 * Proxy-Authenticate ({@code scheme auth-param *(COMMA auth-param)}), and Authentication-Info,
 * which has parameters and no scheme (RFC 3261 sections 20.7, 20.27, 20.28, 20.44, 20.6).
 *
 * <p>An unknown scheme parses like any other (RFC 4475 regaut01): a proxy forwards it unchanged.
 *
 * @param scheme the scheme, such as {@code Digest}; {@code null} for Authentication-Info
 * @param parameters the auth-params; quoted values keep their quotes ({@link Parameters#unquoted})
 */
public record AuthValue(String scheme, Parameters parameters) implements HeaderValue {

  /** Parses {@code scheme LWS auth-param *(COMMA auth-param)}. */
  public static ParseResult<AuthValue> parse(String value) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    String scheme = lx.token();
    if (scheme == null) {
      return ParseResult.malformed("Bad credentials: missing scheme");
    }
    lx.skipWs();
    return params(lx, "credentials").map(p -> new AuthValue(scheme, p));
  }

  /** Parses Authentication-Info: {@code ainfo *(COMMA ainfo)}, no scheme. */
  public static ParseResult<AuthValue> parseInfo(String value) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    return params(lx, "Authentication-Info").map(p -> new AuthValue(null, p));
  }

  private static ParseResult<Parameters> params(Lexer lx, String what) {
    if (lx.atEnd()) {
      return ParseResult.parsed(Parameters.empty());
    }
    Parameters.Builder p = Parameters.builder();
    do {
      String name = lx.token();
      if (name == null || !lx.separator('=')) {
        return ParseResult.malformed("Bad " + what + ": expected name=value " + lx.where());
      }
      String v = lx.peek() == '"' ? lx.quotedString() : lx.token();
      if (v == null) {
        return ParseResult.malformed("Bad " + what + ": bad value of " + name);
      }
      p.add(name, v);
    } while (lx.separator(','));
    lx.skipWs();
    if (!lx.atEnd()) {
      return HeaderValues.trailing(what, lx);
    }
    return ParseResult.parsed(p.build());
  }

  /** A parameter's text with quotes removed, e.g. {@code param("realm")}. */
  public Optional<String> param(String name) {
    return parameters.unquoted(name);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(128);
    if (scheme != null) {
      sb.append(scheme).append(' ');
    }
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(parameters.name(i)).append('=').append(parameters.value(i));
    }
    return sb.toString();
  }
}
