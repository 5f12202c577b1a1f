// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamp: RFC 3261 §20.38, §8.2.6.1. */
class TimestampTest {
  // RFC 3261 §20.38 example
  @Test
  void parsesTheRfcExample() {
    Timestamp t = Timestamp.parse("54").value();
    assertThat(t.time()).isEqualTo("54");
    assertThat(t.delay()).isNull();
    assertThat(t.toString()).isEqualTo("54");
  }

  @Test
  void parsesFractionsAndADelay() {
    Timestamp t = Timestamp.parse(" 54.325  0.05 ").value();
    assertThat(t).isEqualTo(new Timestamp("54.325", "0.05"));
    assertThat(t.toString()).isEqualTo("54.325 0.05");
    assertThat(Timestamp.parse("54.").value().time()).isEqualTo("54.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", ".5", "54 x", "54 1 2", "54,1", "-54"})
  void rejectsAMalformedValue(String text) {
    ParseResult<Timestamp> r = Timestamp.parse(text);
    assertThat(r.isParsed()).as(text).isFalse();
    assertThat(((ParseResult.Malformed<Timestamp>) r).reason()).startsWith("Bad Timestamp");
  }
}
