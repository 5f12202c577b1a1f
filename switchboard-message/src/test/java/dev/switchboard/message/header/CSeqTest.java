// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.Method;
import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSeq: RFC 3261 §20.16, §8.1.1.5. */
class CSeqTest {
  static String fault(String text) {
    ParseResult<CSeq> r = CSeq.parse(text);
    assertThat(r).as(text).isInstanceOf(ParseResult.Malformed.class);
    return ((ParseResult.Malformed<CSeq>) r).reason();
  }

  @Test
  void parsesNumberAndMethod() {
    CSeq c = CSeq.parse("4711 INVITE").value();
    assertThat(c.sequence()).isEqualTo(4711);
    assertThat(c.method()).isSameAs(Method.INVITE);
    assertThat(c.toString()).isEqualTo("4711 INVITE");
  }

  // RFC 4475 §3.1.1.1 (wsinv): leading zeros and extra white space are legal.
  @Test
  void acceptsLeadingZerosAndWhiteSpace() {
    CSeq c = CSeq.parse("  0009 \t  REGISTER ").value();
    assertThat(c).isEqualTo(new CSeq(9, Method.REGISTER));
  }

  @Test
  void acceptsAnExtensionMethod() {
    assertThat(CSeq.parse("1 NEWMETHOD").value().method().name()).isEqualTo("NEWMETHOD");
  }

  @Test
  void acceptsTheRangeEnds() {
    assertThat(CSeq.parse("0 ACK").value().sequence()).isZero();
    assertThat(CSeq.parse("4294967295 ACK").value().sequence()).isEqualTo(4294967295L);
  }

  // RFC 4475 §3.1.2.4 (scalar02) and §3.1.2.5 (scalarlg).
  @Test
  void rejectsCSeqAbove2To32Minus1() {
    assertThat(fault("4294967296 INVITE")).isEqualTo("Bad CSeq: value exceeds 4294967295");
    assertThat(fault("36893488147419103232 INVITE")).isEqualTo("Bad CSeq: value exceeds 4294967295");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1INVITE|no space between number and method",
        "1|no space between number and method",
        "'1 '|missing method",
        "INVITE|is not a number",
        "-1 INVITE|is not a number",
        "''|is not a number",
        "1 INVITE extra|unexpected text",
        "1 INV@TE|unexpected text",
      })
  void namesWhatIsWrong(String text, String why) {
    assertThat(fault(text)).startsWith("Bad CSeq").contains(why);
  }

  @Test
  void refusesAnOutOfRangeValueInCode() {
    assertThatThrownBy(() -> new CSeq(-1, Method.ACK)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CSeq(1L << 32, Method.ACK)).isInstanceOf(IllegalArgumentException.class);
  }
}
