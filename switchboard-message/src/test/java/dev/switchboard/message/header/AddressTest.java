// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.TelUri;
import dev.switchboard.message.uri.Uri;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** name-addr and addr-spec: RFC 3261 §20.10, §20.20, §20.39, §25.1. */
class AddressTest {
  static Address ok(String text) {
    ParseResult<Address> r = Address.parse(text, "To", false);
    assertThat(r.isParsed()).as(text + " -> " + r).isTrue();
    return r.value();
  }

  static String fault(String text) {
    ParseResult<Address> r = Address.parse(text, "To", false);
    assertThat(r).as(text).isInstanceOf(ParseResult.Malformed.class);
    return ((ParseResult.Malformed<Address>) r).reason();
  }

  @Nested
  class NameAddr {
    // RFC 3261 §20.39 example
    @Test
    void parsesAQuotedDisplayName() {
      Address a = ok("\"Bob Smith\" <sip:bob@biloxi.com>;tag=a48s");
      assertThat(a.displayName()).isEqualTo("\"Bob Smith\"");
      assertThat(a.display()).contains("Bob Smith");
      assertThat(a.uri().toString()).isEqualTo("sip:bob@biloxi.com");
      assertThat(a.tag()).contains("a48s");
      assertThat(a.bracketed()).isTrue();
      assertThat(a.toString()).isEqualTo("\"Bob Smith\" <sip:bob@biloxi.com>;tag=a48s");
    }

    @Test
    void parsesATokenDisplayName() {
      Address a = ok("Alice <sip:alice@atlanta.com>;tag=1928301774");
      assertThat(a.displayName()).isEqualTo("Alice");
      assertThat(a.display()).contains("Alice");
      assertThat(ok("Bob  Smith <sip:bob@biloxi.com>").display()).contains("Bob  Smith");
    }

    // RFC 4475 §3.1.1.6 (lwsdisp): no white space needed before '<'.
    @Test
    void acceptsNoSpaceBetweenDisplayNameAndBracket() {
      assertThat(ok("caller<sip:caller@example.com>;tag=323").display()).contains("caller");
      assertThat(ok("\"caller\"<sip:caller@example.com>").display()).contains("caller");
    }

    @Test
    void resolvesQuotedPairsInTheDisplayName() {
      Address a = ok("\"Bob \\\"the\\\" Smith\\\\\" <sip:bob@biloxi.com>");
      assertThat(a.display()).contains("Bob \"the\" Smith\\");
    }

    @Test
    void keepsUriParametersInsideTheBrackets() {
      Address a = ok("<sip:bob@biloxi.com;transport=tcp>;tag=1");
      assertThat(((SipUri) a.uri()).transportParam()).contains("tcp");
      assertThat(a.parameters().names()).containsExactly("tag");
      assertThat(a.displayName()).isNull();
    }

    @Test
    void acceptsATelUri() {
      Address a = ok("<tel:+1-201-555-0123>;tag=9");
      assertThat(a.uri()).isInstanceOf(TelUri.class);
    }

    @Test
    void acceptsAUtf8DisplayName() {
      assertThat(ok("\"Zoë 张\" <sip:zoe@example.com>").display()).contains("Zoë 张");
    }
  }

  @Nested
  class AddrSpec {
    // RFC 3261 §20.10: without brackets, parameters belong to the header.
    @Test
    void readsParametersAsHeaderParameters() {
      Address a = ok("sip:bob@biloxi.com;tag=a6c85cf");
      assertThat(a.bracketed()).isFalse();
      assertThat(a.tag()).contains("a6c85cf");
      assertThat(((SipUri) a.uri()).parameters().isEmpty()).isTrue();
      assertThat(a.toString()).isEqualTo("sip:bob@biloxi.com;tag=a6c85cf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:bob@biloxi.com?Subject=x", "sip:bob,x@biloxi.com"})
    void requiresBracketsForAUriWithQuestionMarkOrComma(String text) {
      assertThat(fault(text)).contains("must be enclosed in <>");
    }

    // A quoted parameter value may hold any character, '<' too.
    @Test
    void acceptsAQuotedParameterHoldingAnAngleBracket() {
      Address a = ok("sip:alice@atlanta.com;note=\"a<b>c\"");
      assertThat(a.parameters().unquoted("note")).contains("a<b>c");
      assertThat(a.displayName()).isNull();
    }
  }

  @Nested
  class Faults {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "\"Bob <sip:bob@biloxi.com>|unterminated quoted display name",
          "\"Bob\" sip:bob@biloxi.com|expected '<' after display name",
          "Bob <sip:bob@biloxi.com|missing '>'",
          "<>|missing URI",
          "''|missing URI",
          "Bell, Alexander <sip:a.g.bell@bell-tel.com>|display name needs quotes for ','",
          "<sip:bob@biloxi.com>;;tag=1|bad parameter",
          "<sip:bob@biloxi.com> junk|unexpected text",
          "< sip:bob@biloxi.com >|Bad",
          "<sip:bob@biloxi.com>;tag=|bad parameter",
          "*|",
        })
    void namesTheHeader(String text, String why) {
      String reason = fault(text);
      assertThat(reason).startsWith("Bad To: ");
      if (why != null) {
        assertThat(reason).contains(why);
      }
    }

    @Test
    void acceptsAFlagParameter() {
      assertThat(ok("<sip:p1.example.com;lr>;flag").parameters().contains("flag")).isTrue();
    }
  }

  @Nested
  class Contact {
    // RFC 3261 §10.2.2: "Contact: *" removes every binding.
    @Test
    void acceptsTheWildcard() {
      Address a = Address.parseContact(" * ").value();
      assertThat(a).isSameAs(Address.WILDCARD);
      assertThat(a.isWildcard()).isTrue();
      assertThat(a.toString()).isEqualTo("*");
    }

    @Test
    void rejectsTheWildcardWithAnythingAfterIt() {
      assertThat(Address.parseContact("* ;expires=0").isParsed()).isFalse();
      assertThat(((ParseResult.Malformed<Address>) Address.parseContact("*x")).reason()).startsWith("Bad Contact");
    }

    // display-name = *(token LWS), and '*' is a token character.
    @Test
    void acceptsADisplayNameThatStartsWithAStar() {
      Address a = Address.parseContact("*Star* Two <sip:star@example.com>;expires=5").value();
      assertThat(a.isWildcard()).isFalse();
      assertThat(a.display()).contains("*Star* Two");
      assertThat(a.parameters().get("expires")).contains("5");
    }

    // RFC 3261 §20.10 example
    @Test
    void readsContactParameters() {
      Address a = Address.parseContact("\"Mr. Watson\" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600").value();
      assertThat(a.display()).contains("Mr. Watson");
      assertThat(a.parameters().get("q")).contains("0.7");
      assertThat(a.parameters().get("expires")).contains("3600");
    }
  }

  @Nested
  class Building {
    @Test
    void bracketsAUriThatHasParametersEvenWhenNotWrittenSo() {
      Uri uri = SipUri.parse("sip:p1.example.com;lr").value();
      Address a = new Address(null, uri, Parameters.empty(), false);
      assertThat(a.toString()).isEqualTo("<sip:p1.example.com;lr>");
      assertThat(Address.of(SipUri.parse("sip:bob@biloxi.com").value()).toString()).isEqualTo("<sip:bob@biloxi.com>");
    }

    @Test
    void setsAndRemovesParameters() {
      Address a = ok("Bob <sip:bob@biloxi.com>");
      Address tagged = a.withTag("a6c85cf");
      assertThat(tagged.toString()).isEqualTo("Bob <sip:bob@biloxi.com>;tag=a6c85cf");
      assertThat(tagged.withTag("x").tag()).contains("x");
      assertThat(tagged.withoutParameter("TAG")).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\"Bob Smith\" <sip:bob@biloxi.com>;tag=a48s",
          "Alice <sip:alice@atlanta.com;transport=tcp>;tag=1928301774",
          "<sip:p1.example.com;lr>",
          "sip:bob@biloxi.com;tag=1",
          "<sips:bob@[2001:db8::1]:5061>;x=\"y z\"",
        })
    void parsesItsOwnOutputToAnEqualValue(String text) {
      Address a = ok(text);
      assertThat(a.toString()).isEqualTo(text);
      assertThat(ok(a.toString())).isEqualTo(a);
    }
  }
}
