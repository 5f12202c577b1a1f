// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * A media type or media range: Content-Type ({@code c}) and each Accept value (RFC 3261 sections
 * 20.1, 20.15). Type and subtype compare without regard to case.
 *
 * @param type the type, such as {@code application}, or {@code *}
 * @param subtype the subtype, such as {@code sdp}, or {@code *}
 * @param parameters m-parameters (charset, boundary, q), as written
 */
public record MediaType(String type, String subtype, Parameters parameters) implements HeaderValue {
  /** {@code application/sdp}, the session description every INVITE-capable UA supports. */
  public static final MediaType SDP = new MediaType("application", "sdp", Parameters.empty());

  public MediaType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    Objects.requireNonNull(parameters, "parameters");
  }

  /** Parses {@code type SLASH subtype *(SEMI m-parameter)}. */
  public static ParseResult<MediaType> parse(String value) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    String type = lx.token();
    if (type == null || !lx.separator('/')) {
      return ParseResult.malformed("Bad media type: expected type/subtype " + lx.where());
    }
    String subtype = lx.token();
    if (subtype == null) {
      return ParseResult.malformed("Bad media type: missing subtype");
    }
    Parameters params = lx.parameters();
    if (params == null) {
      return ParseResult.malformed("Bad media type: bad parameter " + lx.where());
    }
    lx.skipWs();
    if (!lx.atEnd()) {
      return HeaderValues.trailing("media type", lx);
    }
    return ParseResult.parsed(new MediaType(type, subtype, params));
  }

  /** True when this range (which may hold {@code *}) includes {@code other}'s type/subtype. */
  public boolean includes(MediaType other) {
    return (type.equals("*") || type.equalsIgnoreCase(other.type))
        && (subtype.equals("*") || subtype.equalsIgnoreCase(other.subtype));
  }

  /** {@code type/subtype}, without parameters. */
  public String essence() {
    return type + "/" + subtype;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(32).append(type).append('/').append(subtype);
    parameters.appendTo(sb);
    return sb.toString();
  }
}
