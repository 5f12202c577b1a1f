// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static dev.switchboard.message.RfcExamples.bytes;
import static dev.switchboard.message.SipParserTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.ContentLength;
import dev.switchboard.message.header.Expires;
import dev.switchboard.message.header.Header;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MalformedHeaderException;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.MediaType;
import dev.switchboard.message.header.Token;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SipMessageTest {
  static final SipUri BOB = SipUri.parse("sip:bob@biloxi.com").value();

  static String head(String extra) {
    return "OPTIONS sip:bob@biloxi.com SIP/2.0\r\n" + extra
        + "To: Bob <sip:bob@biloxi.com>\r\nFrom: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n"
        + "Call-ID: a84b4c76e66710\r\nCSeq: 63104 OPTIONS\r\nContent-Length: 0\r\n\r\n";
  }

  /** A request built in code, with every mandatory header. */
  static SipRequest.Builder invite() {
    return SipRequest.builder(Method.INVITE, BOB)
        .add(HeaderName.VIA, Via.of("UDP", Host.of("pc33.atlanta.com"), -1, "z9hG4bKnashds8"))
        .add(HeaderName.MAX_FORWARDS, MaxForwards.DEFAULT)
        .add(HeaderName.TO, Address.parse("Bob <sip:bob@biloxi.com>").value())
        .add(HeaderName.FROM, Address.parse("Alice <sip:alice@atlanta.com>;tag=1928301774").value())
        .add(HeaderName.CALL_ID, new CallId("a84b4c76e66710"))
        .add(HeaderName.CSEQ, new CSeq(314159, Method.INVITE));
  }

  /** RFC 3261 §7.3.1: several lines and one comma-separated line are the same. */
  @Nested
  class ListEquivalence {
    @Test
    void readsTheSameViasFromLinesAndFromACommaList() {
      SipMessage lines =
          ok(head("Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\nVia: SIP/2.0/TCP b.example.com:5070;branch=z9hG4bK2\r\n"));
      SipMessage list =
          ok(head("Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com:5070;branch=z9hG4bK2\r\n"));
      SipMessage mixed =
          ok(head("v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1 ,\r\n SIP/2.0/TCP b.example.com:5070;branch=z9hG4bK2\r\n"));
      assertThat(lines.all(HeaderName.VIA)).hasSize(2).isEqualTo(list.all(HeaderName.VIA)).isEqualTo(mixed.all(HeaderName.VIA));
      assertThat(list.topVia()).isEqualTo(lines.topVia());
      assertThat(list.parse(HeaderName.VIA).value()).isEqualTo(lines.parse(HeaderName.VIA).value());
      // The lines themselves stay as they came.
      assertThat(lines.headerLines(HeaderName.VIA)).hasSize(2);
      assertThat(list.headerLines(HeaderName.VIA)).hasSize(1);
      assertThat(lines).isNotEqualTo(list);
    }

    @Test
    void readsRoutesAndContactsTheSameWay() {
      SipMessage a =
          ok(head("Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\n"
              + "Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\nRoute: <sip:p3.example.com;lr>\r\n"
              + "Contact: \"Doe, John\" <sip:jd@example.com>;q=0.5, sip:x@example.com;expires=60\r\n"));
      assertThat(a.all(HeaderName.ROUTE)).extracting(r -> r.uri().toString())
          .containsExactly("sip:p1.example.com;lr", "sip:p2.example.com;lr", "sip:p3.example.com;lr");
      List<Address> contacts = a.all(HeaderName.CONTACT);
      assertThat(contacts).hasSize(2);
      assertThat(contacts.get(0).display()).contains("Doe, John");
      assertThat(contacts.get(1).parameters().get("expires")).contains("60");
    }

    @Test
    void givesNothingForAnAbsentHeader() {
      SipMessage m = ok(RfcExamples.BYE);
      assertThat(m.all(HeaderName.ROUTE)).isEmpty();
      assertThat(m.parse(HeaderName.ROUTE).value()).isEmpty();
      assertThat(m.first(HeaderName.ROUTE)).isEmpty();
      assertThat(m.has(HeaderName.ROUTE)).isFalse();
      assertThat(m.contentType()).isEmpty();
    }
  }

  @Nested
  class Validation {
    private final SipMessage m =
        ok(head("Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\nExpires: never\r\nContact: <sip:a@b.example.com>\r\nX-Anything: !!\r\n"));

    @Test
    void reportsALazyFaultAsAValue() {
      ParseResult<List<Expires>> r = m.parse(HeaderName.EXPIRES);
      assertThat(((ParseResult.Malformed<List<Expires>>) r).reason()).startsWith("Bad Expires");
    }

    @Test
    void throwsFromTheConvenienceAccessors() {
      assertThatThrownBy(() -> m.all(HeaderName.EXPIRES)).isInstanceOf(MalformedHeaderException.class).hasMessageStartingWith("Bad Expires");
      assertThatThrownBy(() -> m.first(HeaderName.EXPIRES)).isInstanceOf(MalformedHeaderException.class);
    }

    @Test
    void validatesOnlyTheNamedHeaders() {
      assertThat(m.validate(List.of(HeaderName.CONTACT, HeaderName.VIA))).isEmpty();
      assertThat(m.validate(List.of(HeaderName.of("expires"))).orElseThrow().reason()).startsWith("Bad Expires");
      assertThat(m.validateAll().orElseThrow().reason()).startsWith("Bad Expires");
    }

    @Test
    void passesAMessageWhoseHeadersAllParse() {
      for (String wire : RfcExamples.ALL) {
        assertThat(ok(wire).validateAll()).isEmpty();
      }
    }
  }

  /** RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Max-Forwards and Via. */
  @Nested
  class MandatoryHeaders {
    @Test
    void passesTheRfcExamples() {
      for (String wire : RfcExamples.ALL) {
        assertThat(ok(wire).checkMandatoryHeaders()).isEmpty();
      }
    }

    @Test
    void namesAMissingHeader() {
      assertThat(ok(RfcExamples.BYE.replace("To: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n", "")).checkMandatoryHeaders())
          .contains("Missing To header");
      assertThat(ok(RfcExamples.BYE.replace("Call-ID: a84b4c76e66710\r\n", "")).checkMandatoryHeaders())
          .contains("Missing Call-ID header");
      assertThat(ok(RfcExamples.BYE.replace("Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10\r\n", "")).checkMandatoryHeaders())
          .contains("Missing Via header");
    }

    // RFC 4475 §3.3.8 (multi01)
    @Test
    void namesARepeatedHeader() {
      String twoFroms = RfcExamples.BYE.replace("CSeq: 231 BYE\r\n", "CSeq: 231 BYE\r\nFrom: <sip:x@example.com>;tag=2\r\n");
      assertThat(ok(twoFroms).checkMandatoryHeaders()).contains("Multiple From values");
      String twoCSeqs = RfcExamples.BYE.replace("CSeq: 231 BYE\r\n", "CSeq: 231 BYE\r\nCSeq: 232 BYE\r\n");
      assertThat(ok(twoCSeqs).checkMandatoryHeaders()).contains("Multiple CSeq values");
    }
  }

  @Nested
  class Builders {
    @Test
    void buildsARequestThatParsesBackEqual() {
      SipRequest r = invite().body(MediaType.SDP, RfcExamples.SDP).build();
      assertThat(r.first(HeaderName.CONTENT_LENGTH)).contains(new ContentLength(RfcExamples.SDP.length()));
      assertThat(r.contentType()).contains(MediaType.SDP);
      assertThat(r.bodyText()).isEqualTo(RfcExamples.SDP);
      assertThat(r.checkMandatoryHeaders()).isEmpty();
      SipMessage back = ok(r.encode());
      assertThat(back).isEqualTo(r);
      assertThat(back.encode()).isEqualTo(r.encode());
      // Built with the same text as the RFC's F1, Contact aside.
      String rfc = RfcExamples.INVITE.replace("Contact: <sip:alice@pc33.atlanta.com>\r\n", "");
      assertThat(r.toString()).isEqualTo(rfc);
    }

    // RFC 3261 §18.3 / §20.14: every built message carries a true Content-Length.
    @Test
    void setsContentLengthOnBuild() {
      SipRequest empty = invite().build();
      assertThat(empty.headerLines(HeaderName.CONTENT_LENGTH)).containsExactly("0");
      SipRequest wrong = invite().add("l", "99").body("abc".getBytes(StandardCharsets.UTF_8)).build();
      assertThat(wrong.headerLines(HeaderName.CONTENT_LENGTH)).containsExactly("3");
      SipMessage datagram = ok("MESSAGE sip:bob@biloxi.com SIP/2.0\r\n" + SipParserTest.HEADERS + "CSeq: 1 MESSAGE\r\n\r\nhi");
      assertThat(datagram.toBuilder().build().headerLines(HeaderName.CONTENT_LENGTH)).containsExactly("2");
    }

    @Test
    void copiesAParsedMessageUnchanged() {
      for (String wire : RfcExamples.ALL) {
        SipMessage m = ok(wire);
        assertThat(m.toBuilder().build()).isEqualTo(m);
      }
    }

    @Test
    void addsRawLinesParsedOnFirstUse() {
      SipRequest r = invite().add("Expires", " 60 ").add("X-Custom", "a, b").build();
      assertThat(r.first(HeaderName.EXPIRES)).contains(new Expires(60));
      assertThat(r.headerLines(HeaderName.of("x-custom"))).containsExactly("a, b");
      assertThatThrownBy(() -> invite().add("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> invite().add("Subject", "a\r\nVia: evil")).isInstanceOf(IllegalArgumentException.class);
    }

    // RFC 3261 §16.6 steps 3 and 8: a proxy decrements Max-Forwards and pushes its Via.
    @Test
    void forwardsAsAProxyDoes() {
      SipRequest in = (SipRequest) ok(RfcExamples.INVITE);
      Via mine = Via.of("UDP", Host.of("bigbox3.site3.atlanta.com"), -1, "z9hG4bK77ef4c2312983.1");
      SipRequest out =
          in.toBuilder()
              .requestUri(SipUri.parse("sip:bob@192.0.2.4").value())
              .set(HeaderName.MAX_FORWARDS, in.first(HeaderName.MAX_FORWARDS).orElseThrow().decrement())
              .prepend(HeaderName.VIA, mine)
              .build();
      assertThat(out.topVia()).contains(mine);
      assertThat(out.all(HeaderName.VIA)).hasSize(2);
      assertThat(out.headers().get(0).value()).isEqualTo("SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1");
      assertThat(out.headers().get(2)).isEqualTo(new Header(HeaderName.MAX_FORWARDS, "69"));
      String expected =
          RfcExamples.INVITE_FORWARDED.replace("\r\n ;received=192.0.2.1", "");
      assertThat(out.toString()).isEqualTo(expected);
    }

    @Test
    void prependsAtTheTopWhenTheHeaderIsAbsent() {
      SipRequest r = SipRequest.builder(Method.OPTIONS, BOB).add("Subject", "x")
          .prepend(HeaderName.VIA, Via.of("TCP", Host.of("a.example.com"), -1, "z9hG4bK1")).build();
      assertThat(r.headers().get(0).name()).isEqualTo(HeaderName.VIA);
    }

    @Test
    void setsInPlaceReplacingEveryLine() {
      SipRequest r = invite().add("Expires", "1").add("Subject", "s").add("Expires", "2")
          .set(HeaderName.EXPIRES, new Expires(3)).build();
      assertThat(r.headerLines(HeaderName.EXPIRES)).containsExactly("3");
      List<Header> hs = r.headers();
      assertThat(hs.get(6).name()).isEqualTo(HeaderName.EXPIRES);
      assertThat(hs.get(7).name()).isEqualTo(HeaderName.SUBJECT);
    }

    @Test
    void removesEveryLine() {
      SipMessage m = ok(RfcExamples.RINGING);
      SipMessage r = m.toBuilder().remove(HeaderName.VIA).remove(HeaderName.ROUTE).build();
      assertThat(r.has(HeaderName.VIA)).isFalse();
      assertThat(r.headers()).hasSize(m.headers().size() - 3);
    }

    // RFC 3261 §18.2.2 / §16.7 step 3: the top Via is removed from a response.
    @Test
    void removesTheFirstViaLine() {
      SipMessage m = ok(RfcExamples.RINGING);
      SipMessage r = m.toBuilder().removeFirst(HeaderName.VIA).build();
      assertThat(r.all(HeaderName.VIA)).hasSize(2);
      assertThat(r.topVia().orElseThrow().host().text()).isEqualTo("bigbox3.site3.atlanta.com");
    }

    @Test
    void popsTheFirstValueOfACommaSeparatedVia() {
      SipMessage m =
          ok(head("Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com;branch=z9hG4bK2,"
              + " SIP/2.0/UDP c.example.com;branch=z9hG4bK3\r\n"));
      SipMessage once = m.toBuilder().removeFirst(HeaderName.VIA).build();
      assertThat(once.headerLines(HeaderName.VIA))
          .containsExactly("SIP/2.0/UDP b.example.com;branch=z9hG4bK2, SIP/2.0/UDP c.example.com;branch=z9hG4bK3");
      assertThat(once.topVia().orElseThrow().host().text()).isEqualTo("b.example.com");
      SipMessage twice = once.toBuilder().removeFirst(HeaderName.VIA).build();
      assertThat(twice.headerLines(HeaderName.VIA)).containsExactly("SIP/2.0/UDP c.example.com;branch=z9hG4bK3");
      SipMessage none = twice.toBuilder().removeFirst(HeaderName.VIA).build();
      assertThat(none.has(HeaderName.VIA)).isFalse();
      assertThat(none.toBuilder().removeFirst(HeaderName.VIA).build()).isEqualTo(none);
    }

    @Test
    void removesTheWholeLineOfASingleValuedHeaderHoldingACommas() {
      SipRequest r = invite().add("Subject", "lunch, then dinner").build();
      assertThat(r.toBuilder().removeFirst(HeaderName.SUBJECT).build().has(HeaderName.SUBJECT)).isFalse();
    }

    @Test
    void buildsAResponse() {
      SipRequest req = invite().build();
      SipResponse.Builder b = SipResponse.builder(180, "Ringing");
      for (Header h : req.headers()) {
        if (h.name().equals(HeaderName.MAX_FORWARDS) || h.name().equals(HeaderName.CONTENT_LENGTH)) {
          continue;
        }
        b.add(h.name().name(), h.value());
      }
      SipResponse r = b.set(HeaderName.TO, req.to().orElseThrow().withTag("a6c85cf")).build();
      assertThat(r.startLine()).isEqualTo("SIP/2.0 180 Ringing");
      assertThat(r.to().orElseThrow().tag()).contains("a6c85cf");
      assertThat(ok(r.encode())).isEqualTo(r);
      SipResponse ok = r.toBuilder().status(200, "OK").build();
      assertThat(ok.isSuccess()).isTrue();
      assertThat(ok.isFinal()).isTrue();
    }

    @Test
    void refusesABadStatusLine() {
      assertThatThrownBy(() -> SipResponse.builder(99, "x")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipResponse.builder(700, "x")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipResponse.builder(200, "O\r\nK")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Forwarding {
    // RFC 3261 §16.6 step 1 / §7.3: headers a proxy does not know are forwarded unchanged.
    @Test
    void writesUnknownHeadersBackByteForByte() {
      String odd = "X-odd-NAME: a,,b ;; \"q, \\\"r\" <>\r\nP-Charging-Vector: icid-value=1234bc9876e;icid-generated-at=192.0.6.8\r\n";
      String wire = head("Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\n" + odd);
      SipMessage m = ok(wire);
      assertThat(m.encode()).isEqualTo(bytes(wire));
      SipMessage forwarded =
          m.toBuilder().prepend(HeaderName.VIA, Via.of("UDP", Host.of("p.example.com"), -1, "z9hG4bK9")).build();
      assertThat(forwarded.toString()).contains(odd);
    }

    @Test
    void writesEveryRfcExampleBackAsItCameWhenNothingIsFolded() {
      for (String wire : List.of(RfcExamples.REGISTER, RfcExamples.INVITE, RfcExamples.ACK, RfcExamples.BYE)) {
        assertThat(new String(ok(wire).encode(), StandardCharsets.UTF_8)).isEqualTo(wire);
      }
    }
  }

  @Nested
  class Equality {
    @Test
    void ignoresNameCaseCompactFormsAndLineEnds() {
      SipMessage a = ok(RfcExamples.BYE);
      SipMessage b = ok(RfcExamples.BYE.replace("Call-ID:", "i:").replace("CSeq:", "cseq:").replace("\r\n", "\n"));
      assertThat(b).isEqualTo(a);
      assertThat(b.hashCode()).isEqualTo(a.hashCode());
    }

    @Test
    void seesOrderValuesBodyAndKind() {
      SipMessage a = ok(RfcExamples.BYE);
      assertThat(ok(RfcExamples.BYE.replace("231 BYE", "232 BYE"))).isNotEqualTo(a);
      String swapped = RfcExamples.BYE.replace("From: Bob <sip:bob@biloxi.com>;tag=a6c85cf\r\nTo: Alice <sip:alice@atlanta.com>;tag=1928301774",
          "To: Alice <sip:alice@atlanta.com>;tag=1928301774\r\nFrom: Bob <sip:bob@biloxi.com>;tag=a6c85cf");
      assertThat(ok(swapped)).isNotEqualTo(a);
      assertThat(ok(RfcExamples.BYE.replace("Content-Length: 0\r\n\r\n", "Content-Length: 1\r\n\r\nx")))
          .isNotEqualTo(ok(RfcExamples.BYE.replace("Content-Length: 0\r\n\r\n", "Content-Length: 1\r\n\r\ny")));
      assertThat(ok(RfcExamples.RINGING)).isNotEqualTo(a).isNotEqualTo(null).isNotEqualTo("x");
    }

    @Test
    void handsOutCopies() {
      SipRequest r = invite().body(MediaType.SDP, "v=0").build();
      r.body()[0] = 'X';
      assertThat(r.bodyText()).isEqualTo("v=0");
      assertThatThrownBy(() -> r.headers().clear()).isInstanceOf(UnsupportedOperationException.class);
      byte[] content = {1, 2};
      SipRequest.Builder b = invite().body(content);
      content[0] = 9;
      assertThat(b.build().body()).containsExactly(1, 2);
    }
  }

  @Test
  void keepsTokenValuesOfSupported() {
    SipRequest r = invite().add(HeaderName.SUPPORTED, Token.of("100rel")).add(HeaderName.SUPPORTED, Token.of("timer")).build();
    assertThat(r.all(HeaderName.SUPPORTED)).containsExactly(Token.of("100rel"), Token.of("timer"));
    assertThat(ok(r.encode()).all(HeaderName.SUPPORTED)).containsExactly(Token.of("100rel"), Token.of("timer"));
  }
}
