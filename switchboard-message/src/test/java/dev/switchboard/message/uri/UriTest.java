// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static dev.switchboard.message.uri.UriAssertions.fault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.parse.ParseResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriTest {

  private static Uri uri(String text) {
    ParseResult<Uri> r = Uri.parse(text);
    assertThat(r.isParsed()).as("parse %s: %s", text, r).isTrue();
    return r.value();
  }

  @Nested
  class Dispatch {
    @Test
    void givesSipUriForSipAndSips() {
      assertThat(uri("sip:alice@atlanta.com")).isInstanceOf(SipUri.class);
      assertThat(uri("SIPS:alice@atlanta.com")).isInstanceOf(SipUri.class);
      assertThat(uri("SIPS:alice@atlanta.com").scheme()).isEqualTo("sips");
    }

    @Test
    void givesTelUriForTel() {
      assertThat(uri("tel:+1-201-555-0123")).isInstanceOf(TelUri.class);
      assertThat(uri("Tel:+1").scheme()).isEqualTo("tel");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "nobodyKnowsThisScheme:totallyopaquecontent", // RFC 4475 §3.3.2 unkscm
          "soap.beep://192.0.2.103:3002", // RFC 4475 §3.3.3 novelsc
          "isbn:2983792873", // RFC 4475 §3.3.4 unksm2
          "http://www.example.com", // RFC 4475 §3.3.4 unksm2
          "name:John_Smith", // RFC 4475 §3.3.4 unksm2
          "mailto:alice@atlanta.com?subject=hi%20there",
          "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
          "http://[2001:db8::1]:8080/a;b?c=d",
          "x+y-z.w:/"
        })
    void givesAbsoluteUriForOtherSchemesKeptAsWritten(String text) {
      Uri u = uri(text);
      assertThat(u).isInstanceOf(AbsoluteUri.class);
      assertThat(u.toString()).isEqualTo(text);
      assertThat(uri(u.toString())).isEqualTo(u);
      StringBuilder sb = new StringBuilder();
      u.appendTo(sb);
      assertThat(sb.toString()).isEqualTo(text);
    }

    @Test
    void passesSipFaultThrough() {
      assertThat(fault(Uri.parse("sip:2001:db8::10"), "ipv6-bad"))
          .isEqualTo("Bad SIP URI: IPv6 address lacks brackets");
      assertThat(fault(Uri.parse("tel:7042"), "tel")).startsWith("Bad tel URI: ");
    }
  }

  @Nested
  class Absolute {
    @Test
    void lowerCasesSchemeButPrintsItAsWritten() {
      AbsoluteUri u = (AbsoluteUri) uri("nobodyKnowsThisScheme:totallyopaquecontent");
      assertThat(u.scheme()).isEqualTo("nobodyknowsthisscheme");
      assertThat(u.rest()).isEqualTo("totallyopaquecontent");
      assertThat(u.toString()).isEqualTo("nobodyKnowsThisScheme:totallyopaquecontent");
    }

    @Test
    void comparesSchemeWithoutRegardToCaseAndRestExactly() {
      assertThat(uri("HTTP://www.example.com")).isEqualTo(uri("http://www.example.com"));
      assertThat(uri("HTTP://www.example.com")).hasSameHashCodeAs(uri("http://www.example.com"));
      assertThat(uri("http://www.example.com")).isNotEqualTo(uri("http://WWW.example.com"));
    }

    @Test
    void refusesSchemesWithTheirOwnType() {
      assertThat(fault(AbsoluteUri.parse("sip:a.com"), "sip"))
          .isEqualTo("Bad URI: scheme sip is not opaque");
      assertThat(fault(AbsoluteUri.parse("TEL:+1"), "tel"))
          .isEqualTo("Bad URI: scheme TEL is not opaque");
    }
  }

  @Nested
  class Rejections {
    @Test
    void rejectsMissingScheme() {
      assertThat(fault(Uri.parse(""), "")).isEqualTo("Bad URI: missing scheme");
      assertThat(fault(Uri.parse("alice"), "alice")).isEqualTo("Bad URI: missing scheme");
      assertThat(fault(Uri.parse(":x"), ":x")).isEqualTo("Bad URI: missing scheme");
    }

    @Test
    void rejectsBadScheme() {
      // RFC 4475 §3.1.2.7 ltgtruri: <sip:...> is not a URI.
      assertThat(fault(Uri.parse("<sip:user@example.com>"), "ltgt"))
          .isEqualTo("Bad URI: bad scheme");
      assertThat(fault(Uri.parse("1sip:a"), "digit")).isEqualTo("Bad URI: bad scheme");
      assertThat(fault(Uri.parse("si p:a"), "space")).isEqualTo("Bad URI: bad scheme");
    }

    @Test
    void rejectsBadOpaqueText() {
      assertThat(fault(Uri.parse("http:"), "empty")).isEqualTo("Bad URI: nothing after the scheme");
      assertThat(fault(Uri.parse("http://a b"), "space")).isEqualTo("Bad URI: whitespace in URI");
      assertThat(fault(Uri.parse("http://a>"), "gt"))
          .isEqualTo("Bad URI: illegal character '>' in URI");
      assertThat(fault(Uri.parse("http://a%2"), "esc")).isEqualTo("Bad URI: malformed escape");
      assertThat(fault(Uri.parse("http://a\"b"), "quote")).contains("'\"'");
    }
  }
}
