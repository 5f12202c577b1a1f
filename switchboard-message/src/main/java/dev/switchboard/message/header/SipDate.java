// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * Date: an RFC 1123 date that must be in GMT (RFC 3261 section 20.17), e.g. {@code Sat, 13 Nov
 * 2010 23:29:00 GMT}.
 *
 * @param instant the moment named
 */
public record SipDate(Instant instant) implements HeaderValue {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss", Locale.ROOT);

  public SipDate {
    Objects.requireNonNull(instant, "instant");
  }

  /**
   * Parses a SIP-date. Any zone but {@code GMT} is a fault (RFC 4475 baddate); an element that
   * does not need the date simply does not ask for it, so the message itself still parses.
   */
  public static ParseResult<SipDate> parse(String value) {
    String v = value.trim();
    if (!v.endsWith(" GMT")) {
      return ParseResult.malformed("Bad Date: time zone must be GMT");
    }
    try {
      LocalDateTime t = LocalDateTime.parse(v.substring(0, v.length() - 4), FORMAT);
      return ParseResult.parsed(new SipDate(t.toInstant(ZoneOffset.UTC)));
    } catch (DateTimeParseException e) {
      return ParseResult.malformed("Bad Date: not an RFC 1123 date: '" + Lexer.printable(v) + "'");
    }
  }

  @Override
  public String toString() {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(FORMAT) + " GMT";
  }
}
