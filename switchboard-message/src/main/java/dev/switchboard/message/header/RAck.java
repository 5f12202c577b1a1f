// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Method;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.parse.SipChars;
import java.util.Objects;

/**
 * RAck: which reliable provisional response a PRACK acknowledges (RFC 3262 section 7.2).
 *
 * @param rseq the RSeq of the response
 * @param cseq the CSeq number of the request it answered
 * @param method the method of that request
 */
public record RAck(long rseq, long cseq, Method method) implements HeaderValue {
  public RAck {
    Objects.requireNonNull(method, "method");
  }

  /** Parses {@code response-num LWS CSeq-num LWS Method}. */
  public static ParseResult<RAck> parse(String value) {
    Lexer lx = new Lexer(value.trim());
    String a = lx.digits();
    // The LWS between the parts is required: "1 2INVITE" is not an RAck, as "2INVITE" is no CSeq.
    boolean lws1 = SipChars.isWsp(lx.peek());
    lx.skipWs();
    String b = lx.digits();
    boolean lws2 = SipChars.isWsp(lx.peek());
    lx.skipWs();
    String m = lx.token();
    long rseq = HeaderValues.unsigned(a, HeaderValues.MAX_32);
    long cseq = HeaderValues.unsigned(b, HeaderValues.MAX_32);
    if (rseq < 0 || cseq < 0 || !lws1 || !lws2 || m == null || !lx.atEnd()) {
      return ParseResult.malformed("Bad RAck: expected 'rseq cseq method'");
    }
    return ParseResult.parsed(new RAck(rseq, cseq, Method.of(m)));
  }

  @Override
  public String toString() {
    return rseq + " " + cseq + " " + method;
  }
}
