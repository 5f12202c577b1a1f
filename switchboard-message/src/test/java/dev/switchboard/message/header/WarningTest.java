// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.parse.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Warning: RFC 3261 §20.43. */
class WarningTest {
  @Test
  void parsesTheRfcExamples() {
    Warning w = Warning.parse("307 isi.edu \"Session parameter 'foo' not understood\"").value();
    assertThat(w.code()).isEqualTo(307);
    assertThat(w.agent()).isEqualTo("isi.edu");
    assertThat(w.text()).isEqualTo("\"Session parameter 'foo' not understood\"");
    assertThat(w.toString()).isEqualTo("307 isi.edu \"Session parameter 'foo' not understood\"");
  }

  @Test
  void readsSeveralWarningsFromOneLine() {
    SipMessage m =
        MediaTypeTest.parse(
            "Warning: 307 isi.edu \"Session parameter 'foo' not understood\", "
                + "301 isi.edu \"Incompatible network address type 'E.164'\"\r\n");
    List<Warning> all = m.all(HeaderName.WARNING);
    assertThat(all).extracting(Warning::code).containsExactly(307, 301);
  }

  @Test
  void acceptsAnAgentWithPortAndATextWithQuotedPairs() {
    Warning w = Warning.parse("399 proxy.example.com:5060 \"a \\\"b\\\", c\"").value();
    assertThat(w.agent()).isEqualTo("proxy.example.com:5060");
    assertThat(Warning.parse(w.toString()).value()).isEqualTo(w);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "30 isi.edu \"x\"",
        "3070 isi.edu \"x\"",
        "307  isi.edu \"x\"",
        "307 isi.edu  \"x\"",
        "307 isi.edu x",
        "307 isi.edu \"x\" junk",
        "307 isi.edu",
        "307",
        "",
        "307 isi.edu \"x",
      })
  void rejectsAMalformedWarning(String text) {
    ParseResult<Warning> r = Warning.parse(text);
    assertThat(r.isParsed()).as(text).isFalse();
    assertThat(((ParseResult.Malformed<Warning>) r).reason()).startsWith("Bad Warning");
  }

  // warn-code = 3DIGIT; a code below 100 has three digits but no meaning, and must not throw.
  @ParameterizedTest
  @ValueSource(strings = {"099 isi.edu \"x\"", "000 isi.edu \"x\""})
  void rejectsAWarnCodeBelow100WithoutThrowing(String text) {
    ParseResult<Warning> r = Warning.parse(text);
    assertThat(r.isParsed()).isFalse();
    assertThat(((ParseResult.Malformed<Warning>) r).reason()).startsWith("Bad Warning");
  }
}
