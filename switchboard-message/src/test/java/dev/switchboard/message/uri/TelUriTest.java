// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static dev.switchboard.message.uri.UriAssertions.fault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelUriTest {

  private static TelUri tel(String text) {
    ParseResult<TelUri> r = TelUri.parse(text);
    assertThat(r.isParsed()).as("parse %s: %s", text, r).isTrue();
    return r.value();
  }

  private static String telFault(String text) {
    return fault(TelUri.parse(text), text);
  }

  @Nested
  class Parsing {
    @Test
    void readsGlobalNumberWithSeparators() {
      // RFC 3966 §6 example
      TelUri t = tel("tel:+1-201-555-0123");
      assertThat(t.scheme()).isEqualTo("tel");
      assertThat(t.isGlobal()).isTrue();
      assertThat(t.number()).isEqualTo("+1-201-555-0123");
      assertThat(t.digits()).isEqualTo("+12015550123");
      assertThat(t.parameters().isEmpty()).isTrue();
    }

    @Test
    void readsLocalNumberWithPhoneContext() {
      // RFC 3966 §6 example
      TelUri t = tel("tel:7042;phone-context=example.com");
      assertThat(t.isGlobal()).isFalse();
      assertThat(t.number()).isEqualTo("7042");
      assertThat(t.phoneContext()).contains("example.com");
    }

    @Test
    void readsLocalNumberWithGlobalDigitsContext() {
      // RFC 3966 §6 example
      TelUri t = tel("tel:863-1234;phone-context=+1-914-555");
      assertThat(t.digits()).isEqualTo("8631234");
      assertThat(t.phoneContext()).contains("+1-914-555");
    }

    @Test
    void readsExtensionAndSubaddress() {
      TelUri t = tel("tel:+1-201-555-0123;ext=1234;isub=a1/b?c");
      assertThat(t.extension()).contains("1234");
      assertThat(t.isdnSubaddress()).contains("a1/b?c");
    }

    @Test
    void readsHexStarAndHashInLocalNumber() {
      TelUri t = tel("tel:*67#A(b).c;phone-context=example.com");
      assertThat(t.digits()).isEqualTo("*67#abc");
    }

    @Test
    void readsSchemeWithoutRegardToCase() {
      assertThat(tel("TEL:+4930123").toString()).isEqualTo("tel:+4930123");
    }

    @Test
    void acceptsParametersInAnyOrder() {
      TelUri t = tel("tel:+1234;foo=bar;ext=5;isub=x");
      assertThat(t.parameters().names()).containsExactly("foo", "ext", "isub");
    }

    @Test
    void readsOtherParametersWithAndWithoutValues() {
      TelUri t = tel("tel:+1234;tgrp=TG-1;trunk-context=example.com;npdi;rn=%2B1234");
      assertThat(t.parameters().get("tgrp")).contains("TG-1");
      assertThat(t.parameters().contains("npdi")).isTrue();
      assertThat(t.parameters().get("rn")).contains("%2B1234");
    }
  }

  @Nested
  class RoundTrip {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "tel:+1-201-555-0123",
          "tel:7042;phone-context=example.com",
          "tel:863-1234;phone-context=+1-914-555",
          "tel:+1-201-555-0123;ext=1234;isub=a1/b?c",
          "tel:(0)30.1234-56;phone-context=+49",
          "tel:+1234;tgrp=TG-1;npdi;rn=%2B1234"
        })
    void printsParsedUriUnchanged(String text) {
      TelUri t = tel(text);
      assertThat(t.toString()).isEqualTo(text);
      assertThat(tel(t.toString())).isEqualTo(t);
    }
  }

  @Nested
  class Equality {
    @Test
    void ignoresVisualSeparators() {
      // RFC 3966 §4
      assertThat(tel("tel:+1-201-555-0123")).isEqualTo(tel("tel:+1(201)555.0123"));
      assertThat(tel("tel:+1-201-555-0123")).hasSameHashCodeAs(tel("tel:+12015550123"));
    }

    @Test
    void tellsGlobalFromLocal() {
      assertThat(tel("tel:+1234;phone-context=+1")).isNotEqualTo(tel("tel:1234;phone-context=+1"));
    }

    @Test
    void ignoresParameterOrderAndCase() {
      // RFC 3966 §4: parameters compare by name regardless of order; all case-insensitive.
      assertThat(tel("tel:+1234;ext=5;Foo=Bar")).isEqualTo(tel("tel:+1234;foo=bar;EXT=5"));
      assertThat(tel("tel:abcd;phone-context=Example.COM"))
          .isEqualTo(tel("tel:ABCD;phone-context=example.com"));
    }

    @Test
    void comparesDigitContextAndExtensionWithoutSeparators() {
      assertThat(tel("tel:863-1234;phone-context=+1-914-555"))
          .isEqualTo(tel("tel:8631234;phone-context=+1914555"));
      assertThat(tel("tel:+1234;ext=1-2")).isEqualTo(tel("tel:+1234;ext=12"));
    }

    @Test
    void requiresEveryParameterInBoth() {
      // RFC 3966 §4: a parameter name not found in the other makes them unequal.
      assertThat(tel("tel:+1234")).isNotEqualTo(tel("tel:+1234;ext=5"));
      assertThat(tel("tel:+1234;a=1")).isNotEqualTo(tel("tel:+1234;b=1"));
      assertThat(tel("tel:+1234;npdi")).isNotEqualTo(tel("tel:+1234;npdi=yes"));
    }

    @Test
    void tellsDifferentNumbersApart() {
      assertThat(tel("tel:+1234")).isNotEqualTo(tel("tel:+1235"));
    }
  }

  @Nested
  class Rejections {
    @Test
    void rejectsLocalNumberWithoutPhoneContext() {
      // RFC 3966 §5.1.5
      assertThat(telFault("tel:7042")).isEqualTo("Bad tel URI: local number lacks phone-context");
    }

    @Test
    void rejectsNumberWithoutDigits() {
      assertThat(telFault("tel:+")).isEqualTo("Bad tel URI: number has no digits");
      assertThat(telFault("tel:+--")).isEqualTo("Bad tel URI: number has no digits");
      assertThat(telFault("tel:;phone-context=x.com")).isEqualTo("Bad tel URI: empty number");
      assertThat(telFault("tel:")).isEqualTo("Bad tel URI: empty number");
    }

    @Test
    void rejectsIllegalCharacters() {
      assertThat(telFault("tel:+1 234")).isEqualTo("Bad tel URI: whitespace in number");
      assertThat(telFault("tel:+12a4")).isEqualTo("Bad tel URI: illegal character 'a' in number");
      assertThat(telFault("tel:+1234;ext=5 ")).isEqualTo("Bad tel URI: whitespace in parameter");
      assertThat(telFault("tel:+1234;f_o=1"))
          .isEqualTo("Bad tel URI: illegal character '_' in parameter");
    }

    @Test
    void rejectsBadParameters() {
      assertThat(telFault("tel:+1234;ext=abc")).isEqualTo("Bad tel URI: ext is not a number");
      assertThat(telFault("tel:+1234;ext")).isEqualTo("Bad tel URI: ext parameter lacks a value");
      assertThat(telFault("tel:+1234;ext=")).isEqualTo("Bad tel URI: empty value of parameter ext");
      assertThat(telFault("tel:+1234;;x=1")).isEqualTo("Bad tel URI: empty parameter name");
      assertThat(telFault("tel:+1234;ext=1;EXT=2"))
          .isEqualTo("Bad tel URI: duplicate parameter EXT");
      assertThat(telFault("tel:1234;phone-context=ex_ample"))
          .isEqualTo("Bad tel URI: bad phone-context domain");
      assertThat(telFault("tel:1234;phone-context=+"))
          .isEqualTo("Bad tel URI: bad phone-context number");
      assertThat(telFault("tel:+1234;x=%4"))
          .isEqualTo("Bad tel URI: malformed escape in parameter");
    }

    @Test
    void rejectsOtherScheme() {
      assertThat(telFault("sip:+1234@example.com")).isEqualTo("Bad tel URI: scheme is not tel");
    }
  }
}
