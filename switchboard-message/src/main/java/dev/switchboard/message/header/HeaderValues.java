// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;

/** Small parsing steps that several header grammars share. */
final class HeaderValues {
  /** {@code 2^32 - 1}, the largest CSeq, RSeq, delta-seconds and Retry-After (section 25.1). */
  static final long MAX_32 = 0xFFFF_FFFFL;

  private HeaderValues() {}

  /**
   * Parses {@code 1*DIGIT} no larger than {@code max}; -1 when {@code digits} is not a number and
   * -2 when it is one larger than {@code max}. Leading zeros are allowed (RFC 4475 wsinv).
   */
  static long unsigned(String digits, long max) {
    if (digits == null || digits.isEmpty()) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
      if (v > max) {
        return -2;
      }
    }
    return v;
  }

  /** The fault for {@link #unsigned} results -1 and -2, named for {@code header}. */
  static <T> ParseResult<T> numberFault(String header, long code, long max, String text) {
    if (code == -2) {
      return ParseResult.malformed("Bad " + header + ": value exceeds " + max);
    }
    return ParseResult.malformed("Bad " + header + ": '" + Lexer.printable(text) + "' is not a number");
  }

  /** Parses a whole value as one bounded unsigned number. */
  static ParseResult<Long> wholeNumber(String header, String value, long max) {
    String v = value.trim();
    long n = unsigned(v, max);
    return n < 0 ? numberFault(header, n, max, v) : ParseResult.parsed(n);
  }

  /** A fault for text left over after a complete value. */
  static <T> ParseResult<T> trailing(String header, Lexer lx) {
    return ParseResult.malformed("Bad " + header + ": unexpected text " + lx.where());
  }
}
