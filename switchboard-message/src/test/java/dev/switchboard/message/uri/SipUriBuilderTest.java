// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static dev.switchboard.message.uri.UriAssertions.sip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.Parameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SipUriBuilderTest {

  @Nested
  class Building {
    @Test
    void buildsUserHostPort() {
      SipUri u = SipUri.of("alice", "atlanta.com", 5070);
      assertThat(u.toString()).isEqualTo("sip:alice@atlanta.com:5070");
      assertThat(u).isEqualTo(sip("sip:alice@atlanta.com:5070"));
    }

    @Test
    void buildsWithoutUserOrPort() {
      assertThat(SipUri.of(null, "atlanta.com", -1).toString()).isEqualTo("sip:atlanta.com");
    }

    @Test
    void bracketsIpv6HostGivenEitherWay() {
      assertThat(SipUri.of("bob", "2001:db8::1", 5060).toString())
          .isEqualTo("sip:bob@[2001:db8::1]:5060");
      assertThat(SipUri.of("bob", "[2001:db8::1]", -1).toString())
          .isEqualTo("sip:bob@[2001:db8::1]");
    }

    @Test
    void buildsEveryPart() {
      SipUri u =
          SipUri.builder()
              .secure(true)
              .user("alice")
              .password("secret")
              .host(Host.of("atlanta.com"))
              .port(5061)
              .parameter("transport", "tls")
              .parameter("lr", null)
              .header("Subject", "project x")
              .build();
      assertThat(u.toString())
          .isEqualTo("sips:alice:secret@atlanta.com:5061;transport=tls;lr?Subject=project%20x");
      assertThat(sip(u.toString())).isEqualTo(u);
    }

    @Test
    void escapesBuiltTextOnOutput() {
      // RFC 3261 §19.1.2: characters outside a component's set are escaped.
      SipUri u =
          SipUri.builder()
              .user("sips:user@example.com")
              .password("p@ss:w")
              .host("example.net")
              .parameter("n a", "v;1")
              .header("to", "<sip:bob@biloxi.com>")
              .build();
      assertThat(u.toString())
          .isEqualTo(
              "sip:sips%3Auser%40example.com:p%40ss%3Aw@example.net;n%20a=v%3B1?to=%3Csip:bob%40biloxi.com%3E");
      SipUri again = sip(u.toString());
      assertThat(again.user()).isEqualTo("sips:user@example.com");
      assertThat(again.password()).isEqualTo("p@ss:w");
      assertThat(again.parameters().get("n a")).contains("v;1");
      assertThat(again.headers().get("to")).contains("<sip:bob@biloxi.com>");
    }

    @Test
    void escapesNonAsciiAsUtf8() {
      SipUri u = SipUri.of("J\u00fcrgen\uD83D\uDE00", "example.com", -1);
      assertThat(u.toString()).isEqualTo("sip:J%C3%BCrgen%F0%9F%98%80@example.com");
      assertThat(sip(u.toString()).user()).isEqualTo("J\u00fcrgen\uD83D\uDE00");
    }

    @Test
    void copiesEveryPartToBuilder() {
      SipUri u = sip("sips:a:b@c.com:1;x=y?h=v");
      assertThat(u.toBuilder().build().toString()).isEqualTo(u.toString());
    }

    @Test
    void refusesInvalidParts() {
      assertThatThrownBy(() -> SipUri.builder().build())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipUri.of("a", "bad host", -1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipUri.of("a", "a.com", 65536))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipUri.of("", "a.com", -1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipUri.builder().host("a.com").password("x").build())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipUri.builder().host("a.com").parameter("ttl", "300").build())
          .hasMessage("ttl is not 0 to 255");
      assertThatThrownBy(() -> SipUri.builder().host("a.com").parameter("maddr", "a b").build())
          .hasMessage("maddr is not a host");
      assertThatThrownBy(() -> SipUri.builder().host("a.com").parameter("", "x"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipUri.builder().host("a.com").header("", "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class ProxyEdits {
    @Test
    void stripsHeadersFromRequestUri() {
      // RFC 3261 §19.1.5; RFC 4475 §3.1.2.11 escruri: a proxy must not forward them.
      SipUri u = sip("sip:user@example.com?Route=%3Csip:example.com%3E");
      assertThat(u.withoutHeaders().toString()).isEqualTo("sip:user@example.com");
      SipUri plain = sip("sip:user@example.com");
      assertThat(plain.withoutHeaders()).isSameAs(plain);
    }

    @Test
    void addsLrFlag() {
      // RFC 3261 §16.6 step 4: a proxy's Record-Route URI carries lr.
      SipUri u = SipUri.of(null, "p1.example.com", -1).withParameter("lr", null);
      assertThat(u.toString()).isEqualTo("sip:p1.example.com;lr");
      assertThat(u.lr()).isTrue();
    }

    @Test
    void replacesParameterInPlace() {
      SipUri u = sip("sip:a.com;transport=udp;lr").withParameter("Transport", "tcp");
      assertThat(u.toString()).isEqualTo("sip:a.com;Transport=tcp;lr");
    }

    @Test
    void removesParameter() {
      SipUri u = sip("sip:a.com;maddr=10.0.0.1;lr");
      assertThat(u.withoutParameter("MADDR").toString()).isEqualTo("sip:a.com;lr");
      assertThat(u.withoutParameter("nope")).isSameAs(u);
    }

    @Test
    void changesPortHostAndUser() {
      SipUri u = sip("sip:alice@a.com");
      assertThat(u.withPort(5080).toString()).isEqualTo("sip:alice@a.com:5080");
      assertThat(u.withPort(5080).withPort(-1)).isEqualTo(u);
      assertThat(u.withHost(Host.of("192.0.2.1")).toString()).isEqualTo("sip:alice@192.0.2.1");
      assertThat(u.withUser(null).toString()).isEqualTo("sip:a.com");
      assertThat(u.withUser("bob").toString()).isEqualTo("sip:bob@a.com");
      assertThatThrownBy(() -> u.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesOriginalUnchanged() {
      SipUri u = sip("sip:alice@a.com?x=y");
      u.withPort(1);
      u.withParameter("lr", null);
      u.withoutHeaders();
      assertThat(u.toString()).isEqualTo("sip:alice@a.com?x=y");
    }

    @Test
    void givesHostPortAndDefaultPort() {
      assertThat(sip("sip:a.com").portOrDefault()).isEqualTo(5060);
      assertThat(sip("sips:a.com").portOrDefault()).isEqualTo(5061);
      assertThat(sip("sip:a.com;transport=TLS").portOrDefault()).isEqualTo(5061);
      assertThat(sip("sip:a.com:5080").portOrDefault()).isEqualTo(5080);
      assertThat(sip("sip:[::1]:5080").hostPort().toString()).isEqualTo("[::1]:5080");
    }

    @Test
    void replacesAllParametersAndHeaders() {
      SipUri u =
          sip("sip:a.com;x=1?h=1").toBuilder()
              .parameters(Parameters.of("lr", null))
              .headers(UriHeaders.of("a", "b", "c", "d"))
              .build();
      assertThat(u.toString()).isEqualTo("sip:a.com;lr?a=b&c=d");
    }
  }

  @Nested
  class Headers {
    @Test
    void editsHeaderList() {
      UriHeaders h = UriHeaders.of("Route", "a", "x", "1").with("route", "b");
      assertThat(h.size()).isEqualTo(3);
      assertThat(h.without("ROUTE").names()).containsExactly("x");
      assertThat(h.without("nope")).isSameAs(h);
      assertThat(h.toString()).isEqualTo("?Route=a&x=1&route=b");
      assertThat(UriHeaders.empty().toString()).isEmpty();
      assertThatThrownBy(() -> UriHeaders.of("a")).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
