// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * A token with optional parameters: option tags (Supported {@code k}, Require, Proxy-Require,
 * Unsupported), methods (Allow), codings (Content-Encoding {@code e}, Accept-Encoding), language
 * ranges, Event ({@code o}), Allow-Events ({@code u}), Subscription-State, Reason, Priority,
 * Content-Disposition, Session-Expires ({@code x}), MIME-Version.
 *
 * @param value the token, as written
 * @param parameters parameters, as written
 */
public record Token(String value, Parameters parameters) implements HeaderValue {
  public Token {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(parameters, "parameters");
  }

  /** A bare token. */
  public static Token of(String value) {
    return new Token(value, Parameters.empty());
  }

  /** Parses {@code token *(SEMI generic-param)}. */
  public static ParseResult<Token> parse(String value) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    String token = lx.token();
    if (token == null) {
      return ParseResult.malformed("Bad token " + lx.where());
    }
    Parameters params = lx.parameters();
    if (params == null) {
      return ParseResult.malformed("Bad parameter " + lx.where());
    }
    lx.skipWs();
    if (!lx.atEnd()) {
      return HeaderValues.trailing("token", lx);
    }
    return ParseResult.parsed(new Token(token, params));
  }

  @Override
  public String toString() {
    if (parameters.isEmpty()) {
      return value;
    }
    StringBuilder sb = new StringBuilder(value);
    parameters.appendTo(sb);
    return sb.toString();
  }
}
