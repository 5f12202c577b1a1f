// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import java.util.Locale;

/**
 * The six classes of SIP response, named by the first digit of the status code (RFC 3261 section
 * 7.2 and section 21).
 *
 * <p>Only the first digit decides the class: an element that does not know a code still knows its
 * class, and treats a final response it does not recognise as the x00 of that class (RFC 3261
 * section 8.1.3.2, see {@link StatusCode#effective(int)}).
 */
public enum StatusClass {
  /** 1xx: the request was received and is being processed; never final. */
  PROVISIONAL(1),
  /** 2xx: the request succeeded. */
  SUCCESS(2),
  /** 3xx: the request should be tried elsewhere. */
  REDIRECTION(3),
  /** 4xx: the request failed at this server; it may succeed if changed or sent elsewhere. */
  CLIENT_ERROR(4),
  /** 5xx: the server failed to fulfil an apparently valid request. */
  SERVER_ERROR(5),
  /** 6xx: the request cannot succeed at any server. */
  GLOBAL_FAILURE(6);

  /** Lowest and highest code that has a class (RFC 3261 section 21: 100 to 699). */
  static final int MIN_CODE = 100;

  static final int MAX_CODE = 699;

  private static final StatusClass[] BY_DIGIT = values();

  private final int digit;

  StatusClass(int digit) {
    this.digit = digit;
  }

  /**
   * The class of a status code.
   *
   * @throws IllegalArgumentException if {@code code} is outside 100..699
   */
  public static StatusClass of(int code) {
    if (code < MIN_CODE || code > MAX_CODE) {
      throw new IllegalArgumentException(
          "not a SIP status code (" + MIN_CODE + "-" + MAX_CODE + "): " + code);
    }
    return BY_DIGIT[code / 100 - 1];
  }

  /** The first digit of every code in this class, 1 to 6. */
  public int digit() {
    return digit;
  }

  /** The x00 code of this class, for example 400 for {@link #CLIENT_ERROR}. */
  public int baseCode() {
    return digit * 100;
  }

  /** True when {@code code} belongs to this class. */
  public boolean contains(int code) {
    return code / 100 == digit && code >= MIN_CODE && code <= MAX_CODE;
  }

  /** The class written as a pattern, for example {@code "4xx"}. */
  public String pattern() {
    return digit + "xx";
  }

  /**
   * The class's name for people, for example "client error", or "客户端错误" when {@code locale}'s
   * language is Chinese. Any other language gets English.
   */
  public String displayName(Locale locale) {
    return StatusCode.text(locale, "class." + digit);
  }
}
