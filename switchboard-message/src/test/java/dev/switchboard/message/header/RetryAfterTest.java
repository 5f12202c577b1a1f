// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After: RFC 3261 §20.33. */
class RetryAfterTest {
  // The two examples of §20.33.
  @Test
  void parsesTheRfcExamples() {
    RetryAfter a = RetryAfter.parse("18000;duration=3600").value();
    assertThat(a.seconds()).isEqualTo(18000);
    assertThat(a.comment()).isNull();
    assertThat(a.parameters().get("duration")).contains("3600");
    assertThat(a.toString()).isEqualTo("18000;duration=3600");
    RetryAfter b = RetryAfter.parse("120 (I'm in a meeting)").value();
    assertThat(b.seconds()).isEqualTo(120);
    assertThat(b.comment()).isEqualTo("(I'm in a meeting)");
    assertThat(b.toString()).isEqualTo("120 (I'm in a meeting)");
  }

  @Test
  void acceptsANestedCommentFollowedByParameters() {
    RetryAfter r = RetryAfter.parse("300 (lunch (back \\) soon)) ;duration=60").value();
    assertThat(r.comment()).isEqualTo("(lunch (back \\) soon))");
    assertThat(r.parameters().get("duration")).contains("60");
    assertThat(RetryAfter.parse(r.toString()).value()).isEqualTo(r);
  }

  @Test
  void acceptsTheLargestDelta() {
    assertThat(RetryAfter.parse("4294967295").value()).isEqualTo(RetryAfter.of(4294967295L));
  }

  // RFC 4475 §3.1.2.5 (scalarlg) carries Retry-After: 949302838503028349304023988
  @ParameterizedTest
  @ValueSource(strings = {"949302838503028349304023988", "4294967296"})
  void rejectsADeltaAbove2To32Minus1(String text) {
    assertThat(((ParseResult.Malformed<RetryAfter>) RetryAfter.parse(text)).reason())
        .isEqualTo("Bad Retry-After: value exceeds 4294967295");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "120 (unbalanced", "120 )", "120;", "120;duration=", "120 (a) (b)", "120 x"})
  void rejectsAMalformedValue(String text) {
    ParseResult<RetryAfter> r = RetryAfter.parse(text);
    assertThat(r.isParsed()).as(text).isFalse();
    assertThat(((ParseResult.Malformed<RetryAfter>) r).reason()).startsWith("Bad Retry-After");
  }
}
