// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.parse.ParseResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Date: RFC 3261 §20.17 (an RFC 1123 date, GMT only). */
class SipDateTest {
  // RFC 3261 §20.17 example
  @Test
  void parsesTheRfcExample() {
    SipDate d = SipDate.parse("Sat, 13 Nov 2010 23:29:00 GMT").value();
    assertThat(d.instant()).isEqualTo(Instant.parse("2010-11-13T23:29:00Z"));
    assertThat(d.toString()).isEqualTo("Sat, 13 Nov 2010 23:29:00 GMT");
  }

  @Test
  void writesWhatItReads() {
    SipDate d = new SipDate(Instant.parse("2000-02-29T00:00:09Z"));
    assertThat(d.toString()).isEqualTo("Tue, 29 Feb 2000 00:00:09 GMT");
    assertThat(SipDate.parse(d.toString()).value()).isEqualTo(d);
  }

  // RFC 4475 §3.1.2.18 (baddate)
  @Test
  void rejectsAZoneOtherThanGmt() {
    assertThat(((ParseResult.Malformed<SipDate>) SipDate.parse("Fri, 01 Jan 2010 16:00:00 EST")).reason())
        .isEqualTo("Bad Date: time zone must be GMT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "GMT",
        "Sat, 13 Nov 2010 23:29 GMT",
        "13 Nov 2010 23:29:00 GMT",
        "Sat, 31 Nov 2010 23:29:00 GMT",
        "Sat, 13 Nov 2010 24:29:00 GMT",
        "Sat, 13 Foo 2010 23:29:00 GMT",
        "Sun, 13 Nov 2010 23:29:00 GMT",
        "Sat,13 Nov 2010 23:29:00 GMT",
      })
  void rejectsAMalformedDate(String text) {
    ParseResult<SipDate> r = SipDate.parse(text);
    assertThat(r.isParsed()).as(text).isFalse();
    assertThat(((ParseResult.Malformed<SipDate>) r).reason()).startsWith("Bad Date");
  }

  @Test
  void aBadDateFailsOnlyWhenAsked() {
    SipMessage m = MediaTypeTest.parse("Date: Fri, 01 Jan 2010 16:00:00 EST\r\n");
    assertThat(m.validateAll().orElseThrow().reason()).startsWith("Bad Date");
  }
}
