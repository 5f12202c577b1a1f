// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the routing table: a pattern on the Request-URI and the URI to send matching
 * requests to. Patterns are {@code user:PREFIX} (the user part starts with PREFIX, e.g. {@code
 * user:+44}), {@code domain:NAME} (the host is NAME, without regard to case) and {@code any}.
 *
 * <p>The target becomes the new Request-URI; when it names no user, the original user is kept, so
 * {@code user:+44 → sip:gw.example.net;transport=tcp} sends {@code sip:+44123@example.com} to
 * {@code sip:+44123@gw.example.net;transport=tcp}.
 *
 * @param kind what the pattern looks at
 * @param pattern the prefix or domain; empty for {@link Kind#ANY}
 * @param target where matching requests go
 */
public record RouteRule(Kind kind, String pattern, SipUri target) {
  /** What a pattern looks at. */
  public enum Kind {
    USER_PREFIX,
    DOMAIN,
    ANY
  }

  public RouteRule {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(target, "target");
  }

  /**
   * Parses {@code pattern} and {@code target} as written in the config.
   *
   * @throws IllegalArgumentException with one line naming what is wrong
   */
  public static RouteRule parse(String pattern, String target) {
    String p = pattern.strip();
    ParseResult<Uri> t = Uri.parse(target.strip());
    if (!(t instanceof ParseResult.Parsed<Uri> parsed) || !(parsed.value() instanceof SipUri uri)) {
      throw new IllegalArgumentException("route '" + p + "': target '" + target.strip() + "' is not a sip: or sips: URI");
    }
    if (p.equalsIgnoreCase("any")) {
      return new RouteRule(Kind.ANY, "", uri);
    }
    int colon = p.indexOf(':');
    String key = colon < 0 ? "" : p.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = colon < 0 ? "" : p.substring(colon + 1).strip();
    if (value.isEmpty() || !(key.equals("user") || key.equals("domain"))) {
      throw new IllegalArgumentException("route '" + p + "': pattern must be user:PREFIX, domain:NAME or any");
    }
    return new RouteRule(key.equals("user") ? Kind.USER_PREFIX : Kind.DOMAIN, value, uri);
  }

  /** True when the rule applies to {@code requestUri}. */
  public boolean matches(SipUri requestUri) {
    return switch (kind) {
      case ANY -> true;
      case DOMAIN -> requestUri.host().text().equalsIgnoreCase(pattern);
      case USER_PREFIX -> requestUri.user() != null && requestUri.user().startsWith(pattern);
    };
  }

  /** The Request-URI a matching request is sent with. */
  public SipUri apply(SipUri requestUri) {
    return target.user() == null && requestUri.user() != null ? target.withUser(requestUri.user()) : target;
  }

  @Override
  public String toString() {
    String p = switch (kind) {
      case ANY -> "any";
      case DOMAIN -> "domain:" + pattern;
      case USER_PREFIX -> "user:" + pattern;
    };
    return p + " -> " + target;
  }
}
