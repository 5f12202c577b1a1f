// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderNameTest {
  // RFC 3261 §7.3.3 and §20, RFC 3265/6665 (o, u), RFC 3515 (r), RFC 3892 (b), RFC 4028 (x).
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "i, Call-ID",
    "m, Contact",
    "e, Content-Encoding",
    "l, Content-Length",
    "c, Content-Type",
    "f, From",
    "s, Subject",
    "k, Supported",
    "t, To",
    "v, Via",
    "o, Event",
    "u, Allow-Events",
    "r, Refer-To",
    "b, Referred-By",
    "x, Session-Expires",
  })
  void mapsEachCompactFormToItsHeader(char compact, String name) {
    HeaderName<?> h = HeaderName.of(String.valueOf(compact));
    assertThat(h.name()).isEqualTo(name);
    assertThat(h.isKnown()).isTrue();
    assertThat(h.compactForm()).isEqualTo(compact);
    assertThat(HeaderName.of(String.valueOf(compact).toUpperCase(Locale.ROOT))).isSameAs(h);
    assertThat(HeaderName.of(name)).isSameAs(h);
  }

  @Test
  void hasExactlyFifteenCompactForms() {
    Set<Character> forms = new HashSet<>();
    for (HeaderName<?> h : HeaderName.known()) {
      if (h.compactForm() != 0) {
        forms.add(h.compactForm());
      }
    }
    assertThat(forms).containsExactlyInAnyOrder('i', 'm', 'e', 'l', 'c', 'f', 's', 'k', 't', 'v', 'o', 'u', 'r', 'b', 'x');
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "d", "j", "n", "y", "z", "A", "1", "-"})
  void treatsOtherSingleLettersAsUnknown(String name) {
    HeaderName<?> h = HeaderName.of(name);
    assertThat(h.isKnown()).isFalse();
    assertThat(h.name()).isEqualTo(name);
  }

  // RFC 3261 §7.3.1: names compare without regard to case; written canonically.
  @ParameterizedTest
  @CsvSource({
    "call-id, Call-ID",
    "CALL-ID, Call-ID",
    "cseq, CSeq",
    "CSEQ, CSeq",
    "www-authenticate, WWW-Authenticate",
    "mime-version, MIME-Version",
    "rseq, RSeq",
    "RACK, RAck",
    "max-forwards, Max-Forwards",
    "Proxy-AUTHORIZATION, Proxy-Authorization",
  })
  void findsKnownNamesInAnyCaseAndGivesCanonicalSpelling(String spelled, String canonical) {
    HeaderName<?> h = HeaderName.of(spelled);
    assertThat(h.isKnown()).isTrue();
    assertThat(h.name()).isEqualTo(canonical);
    assertThat(h.toString()).isEqualTo(canonical);
  }

  @Test
  void findsEveryKnownNameFromBytesAndFromString() {
    for (HeaderName<?> h : HeaderName.known()) {
      byte[] lower = h.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
      byte[] padded = new byte[lower.length + 4];
      System.arraycopy(lower, 0, padded, 2, lower.length);
      assertThat(HeaderName.of(padded, 2, lower.length)).as(h.name()).isSameAs(h);
      assertThat(HeaderName.of(h.name().toUpperCase(Locale.ROOT))).as(h.name()).isSameAs(h);
    }
  }

  @Test
  void knowsEveryHeaderOnce() {
    Set<String> names = new HashSet<>();
    for (HeaderName<?> h : HeaderName.known()) {
      assertThat(names.add(h.name().toLowerCase(Locale.ROOT))).as(h.name()).isTrue();
    }
    assertThat(names).contains("via", "call-id", "cseq", "contact", "path", "rack", "rseq", "session-expires");
  }

  @Test
  void keepsTheSpellingOfAnUnknownName() {
    HeaderName<?> h = HeaderName.of("x-FOO-bar");
    assertThat(h.name()).isEqualTo("x-FOO-bar");
    assertThat(h.isKnown()).isFalse();
    assertThat(h.isList()).isFalse();
    assertThat(h.compactForm()).isEqualTo((char) 0);
    assertThat(h.parseValue(" a, b ").value()).isEqualTo(new Text(" a, b "));
    // Still equal, ignoring case, to another spelling of the same name.
    assertThat(h).isEqualTo(HeaderName.of("X-Foo-Bar"));
    assertThat(h.hashCode()).isEqualTo(HeaderName.of("X-Foo-Bar").hashCode());
  }

  @Test
  void doesNotConfuseNamesThatShareAPrefix() {
    assertThat(HeaderName.of("Content-Length2").isKnown()).isFalse();
    assertThat(HeaderName.of("Content").isKnown()).isFalse();
    assertThat(HeaderName.of("Vias").isKnown()).isFalse();
    assertThat(HeaderName.of("Allow-Event").isKnown()).isFalse();
  }

  @Test
  void marksListHeaders() {
    assertThat(HeaderName.VIA.isList()).isTrue();
    assertThat(HeaderName.CONTACT.isList()).isTrue();
    assertThat(HeaderName.ROUTE.isList()).isTrue();
    assertThat(HeaderName.RECORD_ROUTE.isList()).isTrue();
    assertThat(HeaderName.SUPPORTED.isList()).isTrue();
    assertThat(HeaderName.WARNING.isList()).isTrue();
    // Credentials hold commas between their own parameters.
    assertThat(HeaderName.AUTHORIZATION.isList()).isFalse();
    assertThat(HeaderName.WWW_AUTHENTICATE.isList()).isFalse();
    assertThat(HeaderName.FROM.isList()).isFalse();
    assertThat(HeaderName.CSEQ.isList()).isFalse();
  }

  // field-name = token (RFC 3261 §25.1): a name that could not be written back is refused.
  @ParameterizedTest
  @ValueSource(strings = {"", "Bad Name", "X-Foo:", "X\tFoo", "X@Foo", "Größe"})
  void refusesANameThatIsNotAToken(String name) {
    assertThatThrownBy(() -> HeaderName.of(name)).isInstanceOf(IllegalArgumentException.class);
  }
}
