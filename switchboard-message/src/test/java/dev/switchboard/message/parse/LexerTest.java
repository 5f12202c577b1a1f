// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Parameters;
import org.junit.jupiter.api.Test;

/** The shared steps of the RFC 3261 §25.1 grammar. */
class LexerTest {
  @Test
  void readsParametersWithWhiteSpaceAroundSeparators() {
    Lexer lx = new Lexer(" ; a = 1 ;b; c=\"x;y\" ;d=[2001:db8::1]");
    Parameters p = lx.parameters();
    assertThat(p.names()).containsExactly("a", "b", "c", "d");
    assertThat(p.get("A")).contains("1");
    assertThat(p.contains("b")).isTrue();
    assertThat(p.get("b")).isEmpty();
    assertThat(p.get("c")).contains("\"x;y\"");
    assertThat(p.get("d")).contains("[2001:db8::1]");
    assertThat(lx.atEnd()).isTrue();
  }

  @Test
  void refusesAnEmptyParameterOrValue() {
    assertThat(new Lexer(";;a").parameters()).isNull();
    assertThat(new Lexer(";a=").parameters()).isNull();
    assertThat(new Lexer(";a=\"open").parameters()).isNull();
  }

  @Test
  void readsAQuotedStringAsWritten() {
    Lexer lx = new Lexer("\"a \\\"b\\\" c\" rest");
    assertThat(lx.quotedString()).isEqualTo("\"a \\\"b\\\" c\"");
    assertThat(lx.rest()).isEqualTo(" rest");
    Lexer open = new Lexer("\"abc\\\"");
    assertThat(open.quotedString()).isNull();
    assertThat(open.position()).isZero();
  }

  @Test
  void restoresThePositionWhenASeparatorIsMissing() {
    Lexer lx = new Lexer("  x");
    assertThat(lx.separator('/')).isFalse();
    assertThat(lx.position()).isZero();
    assertThat(new Lexer(" / x").separator('/')).isTrue();
  }

  @Test
  void makesControlCharactersPrintable() {
    assertThat(Lexer.printable("a\r\nb\u0000\u007f")).isEqualTo("a??b??");
    assertThat(Lexer.printable("plain")).isEqualTo("plain");
    assertThat(new Lexer("abc").where()).isEqualTo("at 'abc'");
  }
}
