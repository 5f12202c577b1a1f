// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.Method;
import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Max-Forwards, Content-Length, Expires, Min-Expires, RSeq, RAck and Call-ID. */
class NumericHeadersTest {
  static String reason(ParseResult<?> r) {
    assertThat(r).isInstanceOf(ParseResult.Malformed.class);
    return ((ParseResult.Malformed<?>) r).reason();
  }

  // RFC 3261 §20.22
  @Nested
  class MaxForwardsHeader {
    @Test
    void parsesZeroTo255() {
      assertThat(MaxForwards.parse("0").value().hops()).isZero();
      assertThat(MaxForwards.parse(" 70 ").value()).isEqualTo(MaxForwards.DEFAULT);
      assertThat(MaxForwards.parse("255").value().hops()).isEqualTo(255);
      assertThat(MaxForwards.parse("0070").value().hops()).isEqualTo(70);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256", "-1", "", "7 0", "seventy", "70;x", "99999999999999999999"})
    void rejectsAnythingElse(String text) {
      assertThat(reason(MaxForwards.parse(text))).startsWith("Bad Max-Forwards");
    }

    // RFC 3261 §16.6 step 3
    @Test
    void decrements() {
      assertThat(MaxForwards.DEFAULT.decrement()).isEqualTo(new MaxForwards(69));
      assertThat(new MaxForwards(1).decrement().toString()).isEqualTo("0");
      assertThatThrownBy(() -> new MaxForwards(0).decrement()).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // RFC 3261 §20.14, RFC 4475 §3.1.2.2 (ncl)
  @Nested
  class ContentLengthHeader {
    @Test
    void parsesALength() {
      assertThat(ContentLength.parse("0").value().length()).isZero();
      assertThat(ContentLength.parse("151").value().toString()).isEqualTo("151");
      assertThat(ContentLength.parse("2147483647").value().length()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999", "", "abc", "1.5", "2147483648", "+5", "5 5"})
    void rejectsWhatCannotBeACount(String text) {
      assertThat(reason(ContentLength.parse(text))).startsWith("Bad Content-Length");
    }

    @Test
    void refusesANegativeLengthInCode() {
      assertThatThrownBy(() -> new ContentLength(-1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // RFC 3261 §20.19, §20.23: delta-seconds up to 2^32-1.
  @Nested
  class ExpiresHeader {
    @Test
    void parsesDeltaSeconds() {
      assertThat(Expires.parse("7200").value().seconds()).isEqualTo(7200);
      assertThat(Expires.parse("0").value().seconds()).isZero();
      assertThat(Expires.parse("4294967295").value().seconds()).isEqualTo(4294967295L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "-1", "", "Thu, 01 Dec 1994 16:00:00 GMT", "60s"})
    void rejectsAnythingElse(String text) {
      assertThat(reason(Expires.parse(text))).startsWith("Bad Expires");
    }
  }

  // RFC 3262 §7.1, §7.2
  @Nested
  class ReliableProvisional {
    @Test
    void parsesRSeq() {
      assertThat(RSeq.parse("988789").value().sequence()).isEqualTo(988789);
      assertThat(reason(RSeq.parse("4294967296"))).startsWith("Bad RSeq");
      assertThat(reason(RSeq.parse("x"))).startsWith("Bad RSeq");
    }

    // RFC 3262 §7.2 example
    @Test
    void parsesRAck() {
      RAck r = RAck.parse("776656 1 INVITE").value();
      assertThat(r).isEqualTo(new RAck(776656, 1, Method.INVITE));
      assertThat(r.toString()).isEqualTo("776656 1 INVITE");
      assertThat(RAck.parse(" 1 \t 2  PRACK ").value().method()).isSameAs(Method.PRACK);
    }

    // RAck = "RAck" HCOLON response-num LWS CSeq-num LWS Method
    @ParameterizedTest
    @ValueSource(
        strings = {"1 INVITE", "1 2", "1 2 INVITE x", "12INVITE", "1 2INVITE", "1 4294967296 INVITE", "a 1 INVITE", ""})
    void rejectsAMalformedRAck(String text) {
      assertThat(reason(RAck.parse(text))).startsWith("Bad RAck");
    }
  }

  // RFC 3261 §20.8: callid = word [ "@" word ]
  @Nested
  class CallIdHeader {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "a84b4c76e66710",
          "843817637684230@998sdasdh09",
          "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com",
          "-.!%*_+`'~()<>:\\\"/[]?{}@-.!%*_+`'~()<>:\\\"/[]?{}",
        })
    void acceptsWords(String text) {
      assertThat(CallId.parse(text).value().value()).isEqualTo(text);
      assertThat(CallId.parse(" " + text + " ").value().toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@host", "id@", "a@b@c", "has space", "semi;colon", "é"})
    void rejectsAnythingElse(String text) {
      assertThat(reason(CallId.parse(text))).startsWith("Bad Call-ID");
    }

    @Test
    void comparesCaseSensitively() {
      assertThat(CallId.parse("ABC@host").value()).isNotEqualTo(CallId.parse("abc@host").value());
    }
  }
}
