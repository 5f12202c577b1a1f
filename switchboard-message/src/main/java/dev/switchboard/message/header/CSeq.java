// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Method;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * CSeq: a sequence number and the request method (RFC 3261 section 20.16).
 *
 * @param sequence the sequence number, 0 to 2^32-1
 * @param method the method, which must equal the request's
 */
public record CSeq(long sequence, Method method) implements HeaderValue {
  public CSeq {
    Objects.requireNonNull(method, "method");
    if (sequence < 0 || sequence > HeaderValues.MAX_32) {
      throw new IllegalArgumentException("CSeq out of range: " + sequence);
    }
  }

  /** Parses {@code 1*DIGIT LWS Method}. */
  public static ParseResult<CSeq> parse(String value) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    String digits = lx.digits();
    // RFC 4475 scalar02: a sequence number beyond 2^32-1 is a 400.
    long seq = HeaderValues.unsigned(digits, HeaderValues.MAX_32);
    if (seq < 0) {
      return HeaderValues.numberFault("CSeq", seq, HeaderValues.MAX_32, digits == null ? lx.rest() : digits);
    }
    int before = lx.position();
    lx.skipWs();
    if (lx.position() == before) {
      return ParseResult.malformed("Bad CSeq: no space between number and method");
    }
    String method = lx.token();
    if (method == null) {
      return ParseResult.malformed("Bad CSeq: missing method");
    }
    lx.skipWs();
    if (!lx.atEnd()) {
      return HeaderValues.trailing("CSeq", lx);
    }
    return ParseResult.parsed(new CSeq(seq, Method.of(method)));
  }

  @Override
  public String toString() {
    return sequence + " " + method;
  }
}
