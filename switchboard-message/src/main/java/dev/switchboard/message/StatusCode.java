// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A SIP response status code with its standard reason phrase, defining RFC and an explanation for
 * operators in English and Chinese.
 *
 * <p>The registry holds every code in the IANA "Session Initiation Protocol (SIP) Parameters —
 * Response Codes" registry, plus 409 Conflict and 411 Length Required from RFC 2543, which RFC 3261
 * dropped but old equipment still sends. Each registered code exists as exactly one instance, so
 * {@code ==} compares them; there is a constant for every one.
 *
 * <p>The reason phrase here is the one the RFC recommends. On the wire it is free text (RFC 3261
 * section 21: "the Reason-Phrase is intended for the human user"), so nothing may depend on it.
 *
 * <p>Descriptions live in {@code StatusCodes.properties} (English) and {@code
 * StatusCodes_zh.properties} (simplified Chinese) beside this class, read as UTF-8. The language is
 * chosen from the {@link Locale} argument alone, never from the JVM default locale, so a server
 * whose default locale is Chinese still writes English when English is asked for.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StatusCode implements Comparable<StatusCode> {
  private static final String RFC_3261 = "RFC 3261";
  private static final String RFC_2543_OBSOLETE = "RFC 2543 (obsolete)";

  // Filled by the constants below, in their declaration order; it must come first.
  private static final Map<Integer, StatusCode> BY_CODE = new TreeMap<>();

  // 1xx provisional (RFC 3261 section 21.1).

  /** 100 Trying: the next hop has the request; stops INVITE retransmission. */
  public static final StatusCode TRYING = register(100, "Trying", RFC_3261);
  /** 180 Ringing. */
  public static final StatusCode RINGING = register(180, "Ringing", RFC_3261);
  /** 181 Call Is Being Forwarded. */
  public static final StatusCode CALL_IS_BEING_FORWARDED =
      register(181, "Call Is Being Forwarded", RFC_3261);
  /** 182 Queued. */
  public static final StatusCode QUEUED = register(182, "Queued", RFC_3261);
  /** 183 Session Progress: also what an unknown provisional code is treated as. */
  public static final StatusCode SESSION_PROGRESS = register(183, "Session Progress", RFC_3261);
  /** 199 Early Dialog Terminated. */
  public static final StatusCode EARLY_DIALOG_TERMINATED =
      register(199, "Early Dialog Terminated", "RFC 6228");

  // 2xx success (RFC 3261 section 21.2).

  /** 200 OK. */
  public static final StatusCode OK = register(200, "OK", RFC_3261);
  /** 202 Accepted: defined for SUBSCRIBE and REFER, deprecated by RFC 6665 but still seen. */
  public static final StatusCode ACCEPTED =
      register(202, "Accepted", "RFC 3265; deprecated by RFC 6665");
  /** 204 No Notification. */
  public static final StatusCode NO_NOTIFICATION = register(204, "No Notification", "RFC 5839");

  // 3xx redirection (RFC 3261 section 21.3).

  /** 300 Multiple Choices. */
  public static final StatusCode MULTIPLE_CHOICES = register(300, "Multiple Choices", RFC_3261);
  /** 301 Moved Permanently. */
  public static final StatusCode MOVED_PERMANENTLY = register(301, "Moved Permanently", RFC_3261);
  /** 302 Moved Temporarily. */
  public static final StatusCode MOVED_TEMPORARILY = register(302, "Moved Temporarily", RFC_3261);
  /** 305 Use Proxy. */
  public static final StatusCode USE_PROXY = register(305, "Use Proxy", RFC_3261);
  /** 380 Alternative Service. */
  public static final StatusCode ALTERNATIVE_SERVICE =
      register(380, "Alternative Service", RFC_3261);

  // 4xx request failure (RFC 3261 section 21.4 and extensions).

  /** 400 Bad Request. */
  public static final StatusCode BAD_REQUEST = register(400, "Bad Request", RFC_3261);
  /** 401 Unauthorized: a challenge from a registrar or UAS (proxies use 407). */
  public static final StatusCode UNAUTHORIZED = register(401, "Unauthorized", RFC_3261);
  /** 402 Payment Required. */
  public static final StatusCode PAYMENT_REQUIRED = register(402, "Payment Required", RFC_3261);
  /** 403 Forbidden. */
  public static final StatusCode FORBIDDEN = register(403, "Forbidden", RFC_3261);
  /** 404 Not Found. */
  public static final StatusCode NOT_FOUND = register(404, "Not Found", RFC_3261);
  /** 405 Method Not Allowed. */
  public static final StatusCode METHOD_NOT_ALLOWED =
      register(405, "Method Not Allowed", RFC_3261);
  /** 406 Not Acceptable. */
  public static final StatusCode NOT_ACCEPTABLE = register(406, "Not Acceptable", RFC_3261);
  /** 407 Proxy Authentication Required: a challenge from a proxy. */
  public static final StatusCode PROXY_AUTHENTICATION_REQUIRED =
      register(407, "Proxy Authentication Required", RFC_3261);
  /** 408 Request Timeout. */
  public static final StatusCode REQUEST_TIMEOUT = register(408, "Request Timeout", RFC_3261);
  /** 409 Conflict: RFC 2543 only. */
  public static final StatusCode CONFLICT = register(409, "Conflict", RFC_2543_OBSOLETE);
  /** 410 Gone. */
  public static final StatusCode GONE = register(410, "Gone", RFC_3261);
  /** 411 Length Required: RFC 2543 only. */
  public static final StatusCode LENGTH_REQUIRED =
      register(411, "Length Required", RFC_2543_OBSOLETE);
  /** 412 Conditional Request Failed. */
  public static final StatusCode CONDITIONAL_REQUEST_FAILED =
      register(412, "Conditional Request Failed", "RFC 3903");
  /** 413 Request Entity Too Large. */
  public static final StatusCode REQUEST_ENTITY_TOO_LARGE =
      register(413, "Request Entity Too Large", RFC_3261);
  /** 414 Request-URI Too Long. */
  public static final StatusCode REQUEST_URI_TOO_LONG =
      register(414, "Request-URI Too Long", RFC_3261);
  /** 415 Unsupported Media Type. */
  public static final StatusCode UNSUPPORTED_MEDIA_TYPE =
      register(415, "Unsupported Media Type", RFC_3261);
  /** 416 Unsupported URI Scheme. */
  public static final StatusCode UNSUPPORTED_URI_SCHEME =
      register(416, "Unsupported URI Scheme", RFC_3261);
  /** 417 Unknown Resource-Priority. */
  public static final StatusCode UNKNOWN_RESOURCE_PRIORITY =
      register(417, "Unknown Resource-Priority", "RFC 4412");
  /** 420 Bad Extension. */
  public static final StatusCode BAD_EXTENSION = register(420, "Bad Extension", RFC_3261);
  /** 421 Extension Required. */
  public static final StatusCode EXTENSION_REQUIRED =
      register(421, "Extension Required", RFC_3261);
  /** 422 Session Interval Too Small. */
  public static final StatusCode SESSION_INTERVAL_TOO_SMALL =
      register(422, "Session Interval Too Small", "RFC 4028");
  /** 423 Interval Too Brief. */
  public static final StatusCode INTERVAL_TOO_BRIEF =
      register(423, "Interval Too Brief", RFC_3261);
  /** 424 Bad Location Information. */
  public static final StatusCode BAD_LOCATION_INFORMATION =
      register(424, "Bad Location Information", "RFC 6442");
  /** 425 Bad Alert Message. */
  public static final StatusCode BAD_ALERT_MESSAGE =
      register(425, "Bad Alert Message", "RFC 8876");
  /** 428 Use Identity Header. */
  public static final StatusCode USE_IDENTITY_HEADER =
      register(428, "Use Identity Header", "RFC 8224");
  /** 429 Provide Referrer Identity. */
  public static final StatusCode PROVIDE_REFERRER_IDENTITY =
      register(429, "Provide Referrer Identity", "RFC 3892");
  /** 430 Flow Failed. */
  public static final StatusCode FLOW_FAILED = register(430, "Flow Failed", "RFC 5626");
  /** 433 Anonymity Disallowed. */
  public static final StatusCode ANONYMITY_DISALLOWED =
      register(433, "Anonymity Disallowed", "RFC 5079");
  /** 436 Bad Identity Info. */
  public static final StatusCode BAD_IDENTITY_INFO =
      register(436, "Bad Identity Info", "RFC 8224");
  /** 437 Unsupported Credential. */
  public static final StatusCode UNSUPPORTED_CREDENTIAL =
      register(437, "Unsupported Credential", "RFC 8224");
  /** 438 Invalid Identity Header. */
  public static final StatusCode INVALID_IDENTITY_HEADER =
      register(438, "Invalid Identity Header", "RFC 8224");
  /** 439 First Hop Lacks Outbound Support. */
  public static final StatusCode FIRST_HOP_LACKS_OUTBOUND_SUPPORT =
      register(439, "First Hop Lacks Outbound Support", "RFC 5626");
  /** 440 Max-Breadth Exceeded. */
  public static final StatusCode MAX_BREADTH_EXCEEDED =
      register(440, "Max-Breadth Exceeded", "RFC 5393");
  /** 469 Bad Info Package. */
  public static final StatusCode BAD_INFO_PACKAGE = register(469, "Bad Info Package", "RFC 6086");
  /** 470 Consent Needed. */
  public static final StatusCode CONSENT_NEEDED = register(470, "Consent Needed", "RFC 5360");
  /** 480 Temporarily Unavailable. */
  public static final StatusCode TEMPORARILY_UNAVAILABLE =
      register(480, "Temporarily Unavailable", RFC_3261);
  /** 481 Call/Transaction Does Not Exist. */
  public static final StatusCode CALL_DOES_NOT_EXIST =
      register(481, "Call/Transaction Does Not Exist", RFC_3261);
  /** 482 Loop Detected. */
  public static final StatusCode LOOP_DETECTED = register(482, "Loop Detected", RFC_3261);
  /** 483 Too Many Hops. */
  public static final StatusCode TOO_MANY_HOPS = register(483, "Too Many Hops", RFC_3261);
  /** 484 Address Incomplete. */
  public static final StatusCode ADDRESS_INCOMPLETE =
      register(484, "Address Incomplete", RFC_3261);
  /** 485 Ambiguous. */
  public static final StatusCode AMBIGUOUS = register(485, "Ambiguous", RFC_3261);
  /** 486 Busy Here. */
  public static final StatusCode BUSY_HERE = register(486, "Busy Here", RFC_3261);
  /** 487 Request Terminated: the answer to an INVITE that was CANCELled. */
  public static final StatusCode REQUEST_TERMINATED =
      register(487, "Request Terminated", RFC_3261);
  /** 488 Not Acceptable Here. */
  public static final StatusCode NOT_ACCEPTABLE_HERE =
      register(488, "Not Acceptable Here", RFC_3261);
  /** 489 Bad Event. */
  public static final StatusCode BAD_EVENT = register(489, "Bad Event", "RFC 6665");
  /** 491 Request Pending. */
  public static final StatusCode REQUEST_PENDING = register(491, "Request Pending", RFC_3261);
  /** 493 Undecipherable. */
  public static final StatusCode UNDECIPHERABLE = register(493, "Undecipherable", RFC_3261);
  /** 494 Security Agreement Required. */
  public static final StatusCode SECURITY_AGREEMENT_REQUIRED =
      register(494, "Security Agreement Required", "RFC 3329");

  // 5xx server failure (RFC 3261 section 21.5 and extensions).

  /** 500 Server Internal Error. */
  public static final StatusCode SERVER_INTERNAL_ERROR =
      register(500, "Server Internal Error", RFC_3261);
  /** 501 Not Implemented. */
  public static final StatusCode NOT_IMPLEMENTED = register(501, "Not Implemented", RFC_3261);
  /** 502 Bad Gateway. */
  public static final StatusCode BAD_GATEWAY = register(502, "Bad Gateway", RFC_3261);
  /** 503 Service Unavailable. */
  public static final StatusCode SERVICE_UNAVAILABLE =
      register(503, "Service Unavailable", RFC_3261);
  /** 504 Server Time-out. */
  public static final StatusCode SERVER_TIMEOUT = register(504, "Server Time-out", RFC_3261);
  /** 505 Version Not Supported. */
  public static final StatusCode VERSION_NOT_SUPPORTED =
      register(505, "Version Not Supported", RFC_3261);
  /** 513 Message Too Large. */
  public static final StatusCode MESSAGE_TOO_LARGE = register(513, "Message Too Large", RFC_3261);
  /** 555 Push Notification Service Not Supported. */
  public static final StatusCode PUSH_NOTIFICATION_SERVICE_NOT_SUPPORTED =
      register(555, "Push Notification Service Not Supported", "RFC 8599");
  /** 580 Precondition Failure. */
  public static final StatusCode PRECONDITION_FAILURE =
      register(580, "Precondition Failure", "RFC 3312");

  // 6xx global failure (RFC 3261 section 21.6 and extensions).

  /** 600 Busy Everywhere. */
  public static final StatusCode BUSY_EVERYWHERE = register(600, "Busy Everywhere", RFC_3261);
  /** 603 Decline. */
  public static final StatusCode DECLINE = register(603, "Decline", RFC_3261);
  /** 604 Does Not Exist Anywhere. */
  public static final StatusCode DOES_NOT_EXIST_ANYWHERE =
      register(604, "Does Not Exist Anywhere", RFC_3261);
  /**
   * 606 Not Acceptable. The constant is named for its class because {@link #NOT_ACCEPTABLE} is
   * 406; the reason phrase is the RFC's "Not Acceptable".
   */
  public static final StatusCode NOT_ACCEPTABLE_ANYWHERE =
      register(606, "Not Acceptable", RFC_3261);
  /** 607 Unwanted. */
  public static final StatusCode UNWANTED = register(607, "Unwanted", "RFC 8197");
  /** 608 Rejected. */
  public static final StatusCode REJECTED = register(608, "Rejected", "RFC 8688");

  // After every constant: the registry is complete from here on.
  private static final List<StatusCode> ALL = List.copyOf(BY_CODE.values());

  private final int code;
  private final String reasonPhrase;
  private final String reference;
  private final StatusClass statusClass;

  private StatusCode(int code, String reasonPhrase, String reference) {
    this.code = code;
    this.reasonPhrase = reasonPhrase;
    this.reference = reference;
    this.statusClass = StatusClass.of(code);
  }

  private static StatusCode register(int code, String reasonPhrase, String reference) {
    StatusCode sc = new StatusCode(code, reasonPhrase, reference);
    if (BY_CODE.putIfAbsent(code, sc) != null) {
      throw new IllegalStateException("status code registered twice: " + code);
    }
    return sc;
  }

  /** The registered code, or empty if {@code code} is not in the registry (whatever its range). */
  public static Optional<StatusCode> lookup(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /**
   * The code a UAC acts on when it receives {@code code}: the code itself when registered,
   * otherwise the stand-in RFC 3261 section 8.1.3.2 names. That section says "a UAC MUST treat any
   * final response it does not recognize as being equivalent to the x00 response code of that
   * class", so an unknown 499 acts as 400 Bad Request; and it treats "any provisional response
   * different than 100 that it does not recognize as 183 (Session Progress)", so an unknown 150
   * acts as 183, not 100.
   *
   * @throws IllegalArgumentException if {@code code} is outside 100..699
   */
  public static StatusCode effective(int code) {
    StatusClass cls = StatusClass.of(code);
    StatusCode known = BY_CODE.get(code);
    if (known != null) {
      return known;
    }
    return cls == StatusClass.PROVISIONAL ? SESSION_PROGRESS : BY_CODE.get(cls.baseCode());
  }

  /** Every registered code, in ascending order. The list is immutable. */
  public static List<StatusCode> all() {
    return ALL;
  }

  /** The three-digit code. */
  public int code() {
    return code;
  }

  /** The reason phrase the defining RFC gives, in English, for example "Busy Here". */
  public String reasonPhrase() {
    return reasonPhrase;
  }

  /** The class, from the first digit. */
  public StatusClass statusClass() {
    return statusClass;
  }

  /**
   * The document that defines the code, as IANA lists it, for example "RFC 3261" or "RFC 2543
   * (obsolete)".
   */
  public String reference() {
    return reference;
  }

  /**
   * The code's name for people: the reason phrase for English, a Chinese name (for example "本端忙"
   * for 486) when {@code locale}'s language is {@code zh}. Never put this on the wire.
   */
  public String displayName(Locale locale) {
    return isChinese(locale) ? text(locale, code + ".name") : reasonPhrase;
  }

  /**
   * One paragraph saying what the code means, who sends it and what an operator should check when
   * seeing it. Simplified Chinese when {@code locale}'s language is {@code zh} (any region or
   * script), English for every other locale.
   */
  public String description(Locale locale) {
    return text(locale, code + ".description");
  }

  /** True for 1xx: provisional responses are not final and are never ACKed. */
  public boolean isProvisional() {
    return statusClass == StatusClass.PROVISIONAL;
  }

  /** True for 2xx to 6xx: the response ends the client transaction (RFC 3261 section 17.1). */
  public boolean isFinal() {
    return !isProvisional();
  }

  /** True for 2xx. */
  public boolean isSuccess() {
    return statusClass == StatusClass.SUCCESS;
  }

  /** Orders by code. */
  @Override
  public int compareTo(StatusCode other) {
    return Integer.compare(code, other.code);
  }

  /** The code and reason phrase as on a status line, for example "486 Busy Here". */
  @Override
  public String toString() {
    return code + " " + reasonPhrase;
  }

  // Texts. Shared with StatusClass, whose class names live in the same files.

  static String text(Locale locale, String key) {
    Properties texts = isChinese(locale) ? ChineseTexts.TEXTS : EnglishTexts.TEXTS;
    String value = texts.getProperty(key);
    if (value == null) {
      // Every key is checked by StatusCodeTest, so a gap is a packaging bug.
      throw new IllegalStateException("no status-code text for " + key + " in " + locale);
    }
    return value;
  }

  private static boolean isChinese(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    return "zh".equals(locale.getLanguage());
  }

  // Loaded on first use, and only for the language asked for (holder idiom). Properties are read
  // directly rather than through ResourceBundle: getBundle(..., Control) throws
  // UnsupportedOperationException in a named module, and once this module has a module-info that
  // would leave only the default-locale fallback this class must avoid.
  private static final class EnglishTexts {
    static final Properties TEXTS = load("StatusCodes.properties");
  }

  private static final class ChineseTexts {
    static final Properties TEXTS = load("StatusCodes_zh.properties");
  }

  private static Properties load(String resource) {
    try (InputStream in = StatusCode.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
