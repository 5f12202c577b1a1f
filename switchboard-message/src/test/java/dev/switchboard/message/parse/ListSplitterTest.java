// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3261 §7.3.1: a comma-separated line is equivalent to several lines. */
class ListSplitterTest {
  @Test
  void givesNothingForAnEmptyLine() {
    assertThat(ListSplitter.split("")).isEmpty();
  }

  @Test
  void splitsAtCommasAndTrims() {
    assertThat(ListSplitter.split("INVITE, ACK ,OPTIONS\t,  BYE")).containsExactly("INVITE", "ACK", "OPTIONS", "BYE");
  }

  @Test
  void trimsASingleValueToo() {
    assertThat(ListSplitter.split(" 100rel ")).containsExactly("100rel");
    assertThat(ListSplitter.split("100rel")).containsExactly("100rel");
  }

  @Test
  void leavesCommasInQuotedStringsAlone() {
    assertThat(ListSplitter.split("\"Doe, John\" <sip:jdoe@example.com>, <sip:x@example.com>"))
        .containsExactly("\"Doe, John\" <sip:jdoe@example.com>", "<sip:x@example.com>");
  }

  @Test
  void honoursQuotedPairsInsideQuotedStrings() {
    assertThat(ListSplitter.split("\"a\\\", b\" <sip:a@b.c>, <sip:d@e.f>"))
        .containsExactly("\"a\\\", b\" <sip:a@b.c>", "<sip:d@e.f>");
    assertThat(ListSplitter.split("\"a\\\\\", b")).containsExactly("\"a\\\\\"", "b");
  }

  @Test
  void leavesCommasInAngleBracketsAlone() {
    assertThat(ListSplitter.split("<sip:a@b.c;x=1,2>;q=1, <sip:c@d.e>")).containsExactly("<sip:a@b.c;x=1,2>;q=1", "<sip:c@d.e>");
  }

  @Test
  void ignoresAngleBracketsInsideQuotes() {
    assertThat(ListSplitter.split("\"<\" <sip:a@b.c>, <sip:d@e.f>")).containsExactly("\"<\" <sip:a@b.c>", "<sip:d@e.f>");
  }

  @Test
  void reportsEmptyElements() {
    assertThat(ListSplitter.split("a,,b")).containsExactly("a", "", "b");
    assertThat(ListSplitter.split("a,")).containsExactly("a", "");
    assertThat(ListSplitter.split(",a")).containsExactly("", "a");
    assertThat(ListSplitter.split(" , ")).containsExactly("", "");
  }

  @Test
  void letsAnUnterminatedQuoteRunToTheEnd() {
    assertThat(ListSplitter.split("\"a, b")).containsExactly("\"a, b");
    assertThat(ListSplitter.split("x, \"a\\")).containsExactly("x", "\"a\\");
  }
}
