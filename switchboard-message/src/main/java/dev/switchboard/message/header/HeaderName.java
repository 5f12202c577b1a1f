// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A header field name, and the one table that knows every name this stack understands: canonical
 * spelling, case-insensitive lookup key, compact form (RFC 3261 section 7.3.3), whether the header
 * is a comma-separated list, and the parser of its value type {@code T}.
 *
 * <p>Names are compared without regard to case (section 7.3.1). A name not in the table is kept
 * with the spelling it arrived with and parses as {@link Text}, so a proxy forwards it unchanged.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the type of one value of this header
 */
public final class HeaderName<T extends HeaderValue> {
  // Open-addressed table over the lower-case name bytes, so the parser can find a known name
  // without first making a String of it. Filled in by define() during class initialisation.
  private static final int TABLE_SIZE = 256;
  @SuppressWarnings("rawtypes")
  private static final HeaderName[] TABLE = new HeaderName[TABLE_SIZE];
  private static final List<HeaderName<?>> ALL = new ArrayList<>();

  // RFC 3261 section 20, in its order, then extensions.
  public static final HeaderName<MediaType> ACCEPT = list("Accept", MediaType::parse);
  public static final HeaderName<Token> ACCEPT_ENCODING = list("Accept-Encoding", Token::parse);
  public static final HeaderName<Token> ACCEPT_LANGUAGE = list("Accept-Language", Token::parse);
  public static final HeaderName<Address> ALERT_INFO = list("Alert-Info", Address::parse);
  public static final HeaderName<Token> ALLOW = list("Allow", Token::parse);
  public static final HeaderName<AuthValue> AUTHENTICATION_INFO =
      single("Authentication-Info", AuthValue::parseInfo);
  public static final HeaderName<AuthValue> AUTHORIZATION = single("Authorization", AuthValue::parse);
  public static final HeaderName<CallId> CALL_ID = define("Call-ID", 'i', false, CallId::parse);
  public static final HeaderName<Address> CALL_INFO = list("Call-Info", Address::parse);
  public static final HeaderName<Address> CONTACT =
      define("Contact", 'm', true, Address::parseContact);
  public static final HeaderName<Token> CONTENT_DISPOSITION =
      single("Content-Disposition", Token::parse);
  public static final HeaderName<Token> CONTENT_ENCODING =
      define("Content-Encoding", 'e', true, Token::parse);
  public static final HeaderName<Token> CONTENT_LANGUAGE = list("Content-Language", Token::parse);
  public static final HeaderName<ContentLength> CONTENT_LENGTH =
      define("Content-Length", 'l', false, ContentLength::parse);
  public static final HeaderName<MediaType> CONTENT_TYPE =
      define("Content-Type", 'c', false, MediaType::parse);
  public static final HeaderName<CSeq> CSEQ = single("CSeq", CSeq::parse);
  public static final HeaderName<SipDate> DATE = single("Date", SipDate::parse);
  public static final HeaderName<Address> ERROR_INFO = list("Error-Info", Address::parse);
  public static final HeaderName<Expires> EXPIRES = single("Expires", Expires::parse);
  public static final HeaderName<Address> FROM = define("From", 'f', false, Address::parse);
  public static final HeaderName<CallId> IN_REPLY_TO = list("In-Reply-To", CallId::parse);
  public static final HeaderName<MaxForwards> MAX_FORWARDS = single("Max-Forwards", MaxForwards::parse);
  public static final HeaderName<Token> MIME_VERSION = single("MIME-Version", Token::parse);
  public static final HeaderName<Expires> MIN_EXPIRES = single("Min-Expires", Expires::parse);
  public static final HeaderName<Text> ORGANIZATION = single("Organization", Text::parse);
  public static final HeaderName<Token> PRIORITY = single("Priority", Token::parse);
  public static final HeaderName<AuthValue> PROXY_AUTHENTICATE =
      single("Proxy-Authenticate", AuthValue::parse);
  public static final HeaderName<AuthValue> PROXY_AUTHORIZATION =
      single("Proxy-Authorization", AuthValue::parse);
  public static final HeaderName<Token> PROXY_REQUIRE = list("Proxy-Require", Token::parse);
  public static final HeaderName<Address> RECORD_ROUTE = list("Record-Route", Address::parse);
  public static final HeaderName<Address> REPLY_TO = single("Reply-To", Address::parse);
  public static final HeaderName<Token> REQUIRE = list("Require", Token::parse);
  public static final HeaderName<RetryAfter> RETRY_AFTER = single("Retry-After", RetryAfter::parse);
  public static final HeaderName<Address> ROUTE = list("Route", Address::parse);
  public static final HeaderName<Text> SERVER = single("Server", Text::parse);
  public static final HeaderName<Text> SUBJECT = define("Subject", 's', false, Text::parse);
  public static final HeaderName<Token> SUPPORTED = define("Supported", 'k', true, Token::parse);
  public static final HeaderName<Timestamp> TIMESTAMP = single("Timestamp", Timestamp::parse);
  public static final HeaderName<Address> TO = define("To", 't', false, Address::parse);
  public static final HeaderName<Token> UNSUPPORTED = list("Unsupported", Token::parse);
  public static final HeaderName<Text> USER_AGENT = single("User-Agent", Text::parse);
  public static final HeaderName<Via> VIA = define("Via", 'v', true, Via::parse);
  public static final HeaderName<Warning> WARNING = list("Warning", Warning::parse);
  public static final HeaderName<AuthValue> WWW_AUTHENTICATE =
      single("WWW-Authenticate", AuthValue::parse);
  // RFC 3327, 3262, 6665, 3515, 3892, 3326, 4028.
  public static final HeaderName<Address> PATH = list("Path", Address::parse);
  public static final HeaderName<RSeq> RSEQ = single("RSeq", RSeq::parse);
  public static final HeaderName<RAck> RACK = single("RAck", RAck::parse);
  public static final HeaderName<Token> EVENT = define("Event", 'o', false, Token::parse);
  public static final HeaderName<Token> ALLOW_EVENTS = define("Allow-Events", 'u', true, Token::parse);
  public static final HeaderName<Token> SUBSCRIPTION_STATE = single("Subscription-State", Token::parse);
  public static final HeaderName<Address> REFER_TO = define("Refer-To", 'r', false, Address::parse);
  public static final HeaderName<Address> REFERRED_BY = define("Referred-By", 'b', false, Address::parse);
  public static final HeaderName<Token> REASON = list("Reason", Token::parse);
  public static final HeaderName<Token> SESSION_EXPIRES = define("Session-Expires", 'x', false, Token::parse);

  private final String name;
  private final String key;
  private final char compact;
  private final boolean list;
  private final boolean known;
  private final Function<String, ParseResult<T>> parser;

  private HeaderName(
      String name, char compact, boolean list, boolean known, Function<String, ParseResult<T>> parser) {
    this.name = name;
    this.key = name.toLowerCase(Locale.ROOT);
    this.compact = compact;
    this.list = list;
    this.known = known;
    this.parser = parser;
  }

  private static <T extends HeaderValue> HeaderName<T> single(
      String name, Function<String, ParseResult<T>> parser) {
    return define(name, (char) 0, false, parser);
  }

  private static <T extends HeaderValue> HeaderName<T> list(
      String name, Function<String, ParseResult<T>> parser) {
    return define(name, (char) 0, true, parser);
  }

  private static <T extends HeaderValue> HeaderName<T> define(
      String name, char compact, boolean list, Function<String, ParseResult<T>> parser) {
    HeaderName<T> h = new HeaderName<>(name, compact, list, true, parser);
    ALL.add(h);
    byte[] k = h.key.getBytes(StandardCharsets.US_ASCII);
    insert(k, h);
    if (compact != 0) {
      insert(new byte[] {(byte) compact}, h);
    }
    return h;
  }

  private static void insert(byte[] lowerKey, HeaderName<?> h) {
    int i = hash(lowerKey, 0, lowerKey.length);
    while (TABLE[i] != null) {
      i = (i + 1) & (TABLE_SIZE - 1);
    }
    TABLE[i] = h;
  }

  private static int hash(byte[] b, int off, int len) {
    int h = len;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + (b[i] | 0x20);
    }
    return (h ^ (h >>> 8)) & (TABLE_SIZE - 1);
  }

  private boolean matches(byte[] b, int off, int len) {
    if (len == 1) {
      return compact != 0 && (b[off] | 0x20) == compact;
    }
    if (len != key.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      int c = b[off + i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The header named by {@code len} bytes at {@code off} (already checked to be token
   * characters), found without allocation when it is a known name or compact form.
   */
  public static HeaderName<?> of(byte[] b, int off, int len) {
    int i = hash(b, off, len);
    HeaderName<?> h;
    while ((h = TABLE[i]) != null) {
      if (h.matches(b, off, len)) {
        return h;
      }
      i = (i + 1) & (TABLE_SIZE - 1);
    }
    return unknown(new String(b, off, len, StandardCharsets.US_ASCII));
  }

  /**
   * The header with this name or compact form, in any case; an unknown name keeps its spelling.
   *
   * @throws IllegalArgumentException if {@code name} is not a token, as it could not be written
   *     back as a header line
   */
  public static HeaderName<?> of(String name) {
    Objects.requireNonNull(name, "name");
    if (!SipChars.isToken(name)) {
      throw new IllegalArgumentException("header names are ASCII tokens: " + name);
    }
    byte[] b = name.getBytes(StandardCharsets.US_ASCII);
    return of(b, 0, b.length);
  }

  private static HeaderName<Text> unknown(String name) {
    return new HeaderName<>(name, (char) 0, false, false, Text::parse);
  }

  /** Every header this stack knows, in definition order. */
  public static List<HeaderName<?>> known() {
    return Collections.unmodifiableList(ALL);
  }

  /** The canonical spelling ({@code Call-ID}), or the spelling an unknown name arrived with. */
  public String name() {
    return name;
  }

  /** The compact form letter, if the header has one. */
  public char compactForm() {
    return compact;
  }

  /** True when one header line may carry several comma-separated values. */
  public boolean isList() {
    return list;
  }

  /** True when this stack knows the header's grammar. */
  public boolean isKnown() {
    return known;
  }

  /** Parses one value (one element of a list) of this header. */
  public ParseResult<T> parseValue(String value) {
    return parser.apply(value);
  }

  /** Same name, ignoring case. */
  @Override
  public boolean equals(Object o) {
    return o instanceof HeaderName<?> h && h.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
