// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static dev.switchboard.message.RfcExamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipParserTest {
  /** The header lines every test request carries, after the request line. */
  static final String HEADERS =
      "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8\r\n"
          + "Max-Forwards: 70\r\n"
          + "To: Bob <sip:bob@biloxi.com>\r\n"
          + "From: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n"
          + "Call-ID: a84b4c76e66710\r\n";

  /** An OPTIONS request with {@code extra} header lines (each ending in CRLF) and no body. */
  static String options(String extra) {
    return "OPTIONS sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 63104 OPTIONS\r\n" + extra + "\r\n";
  }

  /** A 200 response with this status line. */
  static String response(String statusLine) {
    return statusLine + "\r\n" + HEADERS + "CSeq: 63104 OPTIONS\r\nContent-Length: 0\r\n\r\n";
  }

  static SipMessage ok(String wire) {
    return ok(bytes(wire));
  }

  static SipMessage ok(byte[] wire) {
    ParseResult<SipMessage> r = SipParser.parse(wire);
    if (r instanceof ParseResult.Malformed<SipMessage> m) {
      fail("expected to parse, but: " + m.reason());
    }
    return r.value();
  }

  static ParseResult.Malformed<SipMessage> bad(String wire) {
    return bad(bytes(wire));
  }

  static ParseResult.Malformed<SipMessage> bad(byte[] wire) {
    ParseResult<SipMessage> r = SipParser.parse(wire);
    assertThat(r).isInstanceOf(ParseResult.Malformed.class);
    ParseResult.Malformed<SipMessage> m = (ParseResult.Malformed<SipMessage>) r;
    assertThat(m.reason()).doesNotContain("\r", "\n");
    return m;
  }

  @Nested
  class RequestLine {
    // RFC 3261 §7.1, §24.2 F1
    @Test
    void parsesTheRfcInvite() {
      SipRequest r = (SipRequest) ok(RfcExamples.INVITE);
      assertThat(r.isRequest()).isTrue();
      assertThat(r.method()).isSameAs(Method.INVITE);
      assertThat(r.requestUri()).isInstanceOf(SipUri.class);
      assertThat(r.requestUri().toString()).isEqualTo("sip:bob@biloxi.com");
      assertThat(r.startLine()).isEqualTo("INVITE sip:bob@biloxi.com SIP/2.0");
      assertThat(r.cseq().orElseThrow().sequence()).isEqualTo(314159);
      assertThat(r.bodyText()).isEqualTo(RfcExamples.SDP);
    }

    @Test
    void parsesEveryCallFlowExample() {
      for (String wire : RfcExamples.ALL) {
        SipMessage m = ok(wire);
        assertThat(m.validateAll()).as(m.startLine()).isEmpty();
        assertThat(m.checkMandatoryHeaders()).as(m.startLine()).isEmpty();
      }
    }

    // RFC 3261 §7.1: methods are case-sensitive; an unknown token is an extension method.
    @Test
    void keepsAnExtensionMethodCaseSensitive() {
      SipRequest r =
          (SipRequest) ok("invite sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 1 invite\r\n\r\n");
      assertThat(r.method()).isNotEqualTo(Method.INVITE);
      assertThat(r.method().name()).isEqualTo("invite");
      assertThat(r.method().isStandard()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "OPTIONS  sip:bob@biloxi.com SIP/2.0",
          "OPTIONS sip:bob@biloxi.com  SIP/2.0",
          " OPTIONS sip:bob@biloxi.com SIP/2.0",
          "OPTIONS sip:bob@biloxi.com SIP/2.0 ",
          "OPTIONS\tsip:bob@biloxi.com SIP/2.0",
          "OPTIONS sip:bob@biloxi.com",
          "OPTIONS",
        })
    void rejectsARequestLineWithoutExactlyTwoSingleSpaces(String line) {
      assertThat(bad(line + "\r\n" + HEADERS + "CSeq: 1 OPTIONS\r\n\r\n").reason())
          .contains("request line");
    }

    @Test
    void rejectsAMethodThatIsNotAToken() {
      assertThat(bad("OPT@ONS sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "\r\n").reason())
          .contains("method is not a token");
    }

    // RFC 3261 §7.1: the version string is case-insensitive.
    @Test
    void acceptsALowerCaseVersion() {
      assertThat(ok("OPTIONS sip:bob@biloxi.com sip/2.0\r\n" + HEADERS + "CSeq: 1 OPTIONS\r\n\r\n").startLine())
          .isEqualTo("OPTIONS sip:bob@biloxi.com SIP/2.0");
    }

    // RFC 3261 §8.2.2 / RFC 4475 §3.3.5 (badvers): another version is answered with 505.
    @ParameterizedTest
    @ValueSource(strings = {"SIP/7.0", "SIP/2.1", "SIP/1.0", "SIP/20.00"})
    void answersAnotherVersionWith505(String version) {
      ParseResult.Malformed<SipMessage> m =
          bad("OPTIONS sip:bob@biloxi.com " + version + "\r\n" + HEADERS + "CSeq: 1 OPTIONS\r\n\r\n");
      assertThat(m.statusCode()).isEqualTo(505);
      assertThat(m.reason()).contains(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1", "SIP/2", "SIP/2.0a", "SIP/.0", "SIP2.0", "SIP/"})
    void answersAMalformedVersionWith400(String version) {
      ParseResult.Malformed<SipMessage> m =
          bad("OPTIONS sip:bob@biloxi.com " + version + "\r\n" + HEADERS + "CSeq: 1 OPTIONS\r\n\r\n");
      assertThat(m.statusCode()).isEqualTo(400);
      assertThat(m.reason()).containsIgnoringCase("version");
    }

    @Test
    void rejectsAMalformedRequestUri() {
      assertThat(bad("OPTIONS sip:bob@ SIP/2.0\r\n" + HEADERS + "CSeq: 1 OPTIONS\r\n\r\n").reason())
          .startsWith("Bad Request-URI");
    }

    // RFC 4475 §3.1.2.13 (escruri): headers in a Request-URI are not acted on.
    @Test
    void rejectsARequestUriWithHeaders() {
      assertThat(
              bad("OPTIONS sip:bob@biloxi.com?Subject=hi SIP/2.0\r\n" + HEADERS + "CSeq: 1 OPTIONS\r\n\r\n")
                  .reason())
          .isEqualTo("Bad Request-URI: must not contain headers");
    }

    // RFC 4475 §3.3.2: a parser accepts a URI scheme it does not know.
    @Test
    void acceptsAnAbsoluteUriOfAnUnknownScheme() {
      SipRequest r =
          (SipRequest) ok("OPTIONS nobodyknows:bob SIP/2.0\r\n" + HEADERS + "CSeq: 1 OPTIONS\r\n\r\n");
      assertThat(r.requestUri().scheme()).isEqualTo("nobodyknows");
    }

    // RFC 3261 §8.1.1.5, RFC 4475 mismatch01.
    @Test
    void rejectsACSeqMethodThatDiffersFromTheRequestMethod() {
      ParseResult.Malformed<SipMessage> m =
          bad("OPTIONS sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 1 INVITE\r\n\r\n");
      assertThat(m.reason()).isEqualTo("CSeq method INVITE does not match request method OPTIONS");
      assertThat(m.statusCode()).isEqualTo(400);
    }

    @Test
    void comparesTheCSeqMethodCaseSensitively() {
      assertThat(bad("OPTIONS sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 1 options\r\n\r\n").reason())
          .contains("CSeq method");
    }
  }

  @Nested
  class StatusLine {
    // RFC 3261 §7.2
    @Test
    void parsesCodeAndReason() {
      SipResponse r = (SipResponse) ok(RfcExamples.RINGING);
      assertThat(r.isRequest()).isFalse();
      assertThat(r.statusCode()).isEqualTo(180);
      assertThat(r.reasonPhrase()).isEqualTo("Ringing");
      assertThat(r.isProvisional()).isTrue();
      assertThat(r.isFinal()).isFalse();
    }

    @Test
    void keepsSpacesInsideTheReasonPhrase() {
      SipResponse r = (SipResponse) ok(response("SIP/2.0 183 Session  Progress here"));
      assertThat(r.reasonPhrase()).isEqualTo("Session  Progress here");
    }

    // Reason-Phrase allows UTF8-NONASCII (RFC 3261 §25.1).
    @Test
    void decodesAUtf8ReasonPhrase() {
      SipResponse r = (SipResponse) ok(response("SIP/2.0 200 Très bien, 好"));
      assertThat(r.reasonPhrase()).isEqualTo("Très bien, 好");
      assertThat(ok(r.encode())).isEqualTo(r);
    }

    @Test
    void acceptsAnEmptyReasonPhraseWithOrWithoutItsSpace() {
      assertThat(((SipResponse) ok(response("SIP/2.0 200 "))).reasonPhrase()).isEmpty();
      // RFC 4475 §3.1.1.13: the missing SP is harmless and tolerated.
      assertThat(((SipResponse) ok(response("SIP/2.0 200"))).reasonPhrase()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0 4294967301 Big", "SIP/2.0 20 OK", "SIP/2.0 2000 OK", "SIP/2.0 200OK", "SIP/2.0 OK"})
    void rejectsAStatusCodeOfOtherThanThreeDigits(String line) {
      assertThat(bad(response(line)).reason()).contains("status code must be three digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0 099 Low", "SIP/2.0 700 High", "SIP/2.0 000 Zero"})
    void rejectsAStatusCodeOutside100To699(String line) {
      assertThat(bad(response(line)).reason()).contains("is not 100-699");
    }

    @Test
    void acceptsTheBoundaryCodes() {
      assertThat(((SipResponse) ok(response("SIP/2.0 100 Trying"))).statusCode()).isEqualTo(100);
      assertThat(((SipResponse) ok(response("SIP/2.0 699 Whatever"))).statusCode()).isEqualTo(699);
    }

    @Test
    void rejectsAStatusLineWithoutCode() {
      assertThat(bad(response("SIP/2.0")).reason()).contains("missing status code");
    }

    @Test
    void answersAnotherVersionOnAStatusLineWith505() {
      assertThat(bad(response("SIP/3.0 200 OK")).statusCode()).isEqualTo(505);
    }

    // A bare CR is not allowed in a reason phrase, and cannot be written back on one line.
    @Test
    void rejectsABareCrInTheReasonPhrase() {
      assertThat(bad(response("SIP/2.0 200 O\rK")).reason()).contains("CR");
    }
  }

  @Nested
  class MessageFraming {
    // RFC 3261 §7.5: CRLFs before the start line are ignored.
    @Test
    void ignoresLeadingCrlf() {
      assertThat(ok("\r\n\r\n" + RfcExamples.BYE)).isEqualTo(ok(RfcExamples.BYE));
      assertThat(ok("\n" + RfcExamples.BYE)).isEqualTo(ok(RfcExamples.BYE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\n", "\r\n\r\n\n"})
    void rejectsAnEmptyMessage(String wire) {
      assertThat(bad(wire).reason()).isEqualTo("Empty message");
    }

    @Test
    void rejectsAStartLineWithoutLineEnd() {
      assertThat(bad("OPTIONS sip:bob@biloxi.com SIP/2.0").reason()).isEqualTo("Missing CRLF after start line");
    }

    // Bare LF line ends are tolerated (RFC 5118's archive uses them).
    @Test
    void acceptsBareLfLineEnds() {
      SipMessage crlf = ok(RfcExamples.INVITE_FORWARDED);
      String head = RfcExamples.INVITE_FORWARDED.substring(0, RfcExamples.INVITE_FORWARDED.indexOf("\r\n\r\n") + 4);
      String lf = head.replace("\r\n", "\n") + RfcExamples.SDP;
      SipMessage m = ok(lf);
      assertThat(m).isEqualTo(crlf);
    }

    @Test
    void acceptsMixedLineEnds() {
      String wire = RfcExamples.BYE.replaceFirst("\r\n", "\n").replace("CSeq: 231 BYE\r\n", "CSeq: 231 BYE\n");
      assertThat(ok(wire)).isEqualTo(ok(RfcExamples.BYE));
    }

    @Test
    void acceptsADatagramWhoseHeaderSectionIsNotTerminated() {
      String wire = "OPTIONS sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 1 OPTIONS";
      SipMessage m = ok(wire);
      assertThat(m.cseq()).isPresent();
      assertThat(m.bodyLength()).isZero();
    }

    @Test
    void parsesASliceOfALargerBuffer() {
      byte[] wire = bytes("garbage" + RfcExamples.BYE + "trailer");
      ParseResult<SipMessage> r =
          SipParser.standard().parseDatagram(wire, 7, RfcExamples.BYE.length());
      assertThat(r.value()).isEqualTo(ok(RfcExamples.BYE));
    }
  }

  @Nested
  class HeaderLines {
    // RFC 3261 §7.3.1: field names are case-insensitive.
    @Test
    void matchesHeaderNamesWithoutRegardToCase() {
      String wire =
          "OPTIONS sip:bob@biloxi.com SIP/2.0\r\n"
              + "vIA: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8\r\n"
              + "max-FORWARDS: 70\r\n"
              + "TO: Bob <sip:bob@biloxi.com>\r\n"
              + "from: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n"
              + "CALL-id: a84b4c76e66710\r\n"
              + "cseq: 63104 OPTIONS\r\n"
              + "content-length: 0\r\n\r\n";
      SipMessage m = ok(wire);
      assertThat(m.topVia().orElseThrow().branch()).contains("z9hG4bKnashds8");
      assertThat(m.callId().orElseThrow().value()).isEqualTo("a84b4c76e66710");
      assertThat(m.headers()).extracting(h -> h.name().name())
          .containsExactly("Via", "Max-Forwards", "To", "From", "Call-ID", "CSeq", "Content-Length");
      assertThat(m.checkMandatoryHeaders()).isEmpty();
    }

    // RFC 3261 §7.3.3
    @Test
    void readsCompactForms() {
      String wire =
          "INVITE sip:bob@biloxi.com SIP/2.0\r\n"
              + "v: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8\r\n"
              + "t: Bob <sip:bob@biloxi.com>\r\n"
              + "f: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n"
              + "i: a84b4c76e66710\r\n"
              + "CSeq: 314159 INVITE\r\n"
              + "m: <sip:alice@pc33.atlanta.com>\r\n"
              + "s: Lunch\r\n"
              + "k: 100rel\r\n"
              + "e: gzip\r\n"
              + "c: application/sdp\r\n"
              + "l: 4\r\n\r\nv=0\n";
      SipMessage m = ok(wire);
      assertThat(m.topVia()).isPresent();
      assertThat(m.to().orElseThrow().display()).contains("Bob");
      assertThat(m.from().orElseThrow().tag()).contains("1928301774");
      assertThat(m.callId().orElseThrow().value()).isEqualTo("a84b4c76e66710");
      assertThat(m.first(HeaderName.CONTACT)).isPresent();
      assertThat(m.first(HeaderName.SUBJECT).orElseThrow().value()).isEqualTo("Lunch");
      assertThat(m.first(HeaderName.SUPPORTED).orElseThrow().value()).isEqualTo("100rel");
      assertThat(m.first(HeaderName.CONTENT_ENCODING).orElseThrow().value()).isEqualTo("gzip");
      assertThat(m.contentType().orElseThrow().essence()).isEqualTo("application/sdp");
      assertThat(m.bodyText()).isEqualTo("v=0\n");
      assertThat(m.checkMandatoryHeaders()).isEmpty();
      // Written back with canonical names, and compact letters on request.
      assertThat(m.toString()).contains("\r\nVia: ", "\r\nCall-ID: ", "\r\nContent-Length: 4\r\n");
      String compact = new String(m.encodeCompact(), StandardCharsets.UTF_8);
      assertThat(compact).contains("\r\nv: ", "\r\ni: ", "\r\nl: 4\r\n", "\r\nCSeq: ");
      assertThat(ok(m.encodeCompact())).isEqualTo(m);
    }

    // HCOLON = *( SP / HTAB ) ":" SWS (RFC 3261 §25.1).
    @Test
    void allowsWhiteSpaceAroundTheColon() {
      SipMessage m = ok(options("Subject \t:\t  Lunch  \r\n"));
      assertThat(m.headerLines(HeaderName.SUBJECT)).containsExactly("Lunch");
    }

    @Test
    void acceptsAnEmptyValue() {
      SipMessage m = ok(options("Subject:\r\nX-Empty: \r\n"));
      assertThat(m.headerLines(HeaderName.SUBJECT)).containsExactly("");
      assertThat(m.headerLines(HeaderName.of("X-Empty"))).containsExactly("");
    }

    // RFC 3261 §7.3.1, §24.1 F2: a folded line is one value, folding being one SP.
    @Test
    void unfoldsContinuationLines() {
      SipMessage m = ok(RfcExamples.REGISTER_OK);
      assertThat(m.headerLines(HeaderName.VIA))
          .containsExactly("SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7 ;received=192.0.2.4");
      assertThat(m.topVia().orElseThrow().received()).contains("192.0.2.4");
    }

    @Test
    void unfoldsSeveralContinuationLinesWithTabs() {
      SipMessage m = ok(options("Subject: I know\r\n\t you're there,\r\n   \t pick up the phone\r\n"));
      assertThat(m.headerLines(HeaderName.SUBJECT))
          .containsExactly("I know you're there, pick up the phone");
    }

    @Test
    void ignoresAContinuationLineOfWhiteSpaceOnly() {
      SipMessage m = ok(options("Subject: Lunch\r\n   \r\nX-After: 1\r\n"));
      assertThat(m.headerLines(HeaderName.SUBJECT)).containsExactly("Lunch");
      assertThat(m.headerLines(HeaderName.of("X-After"))).containsExactly("1");
    }

    @Test
    void rejectsAContinuationBeforeAnyHeader() {
      assertThat(bad("OPTIONS sip:bob@biloxi.com SIP/2.0\r\n  folded: x\r\n" + HEADERS + "\r\n").reason())
          .contains("continuation before any header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoColon value", "Sub ject: x", ": novalue", "Bad@Name: x", "Käse: x"})
    void rejectsAMalformedHeaderLine(String line) {
      assertThat(bad(options(line + "\r\n")).reason()).startsWith("Bad header line");
    }

    // A bare CR inside a line is not a line end; it must not reach a header value.
    @Test
    void rejectsABareCrInsideAHeaderValue() {
      ParseResult.Malformed<SipMessage> m = bad(options("Subject: a\rb\r\n"));
      assertThat(m.reason()).contains("Subject");
      assertThat(bad(options("Subject: a\r\n b\rc\r\n")).reason()).contains("Subject");
    }

    @Test
    void keepsUnknownHeadersInOrderWithTheirSpelling() {
      SipMessage m = ok(options("x-CUSTOM-thing:  odd ;; value,,\r\nP-Asserted-Identity: <sip:a@b.c>\r\n"));
      List<String> lines = Arrays.asList(m.toString().split("\r\n"));
      assertThat(lines).containsSubsequence("x-CUSTOM-thing: odd ;; value,,", "P-Asserted-Identity: <sip:a@b.c>");
      assertThat(m.first(HeaderName.of("X-Custom-Thing")).map(Object::toString)).contains("odd ;; value,,");
    }

    // Only SP and HTAB are LWS (RFC 3261 §25.1); other white space is part of the text.
    @Test
    void trimsOnlySpacesAndTabsAroundAValue() {
      SipMessage m = ok(options("Subject: \t Hello\u3000 \t\r\nX-Unit: x\u001f\r\nX-Folded: a\u2028\r\n b\u00a0\r\n"));
      assertThat(m.headerLines(HeaderName.SUBJECT)).containsExactly("Hello\u3000");
      assertThat(m.headerLines(HeaderName.of("X-Unit"))).containsExactly("x\u001f");
      assertThat(m.headerLines(HeaderName.of("X-Folded"))).containsExactly("a\u2028 b\u00a0");
      assertThat(ok(m.encode())).isEqualTo(m);
    }

    @Test
    void decodesUtf8HeaderValues() {
      SipMessage m = ok(options("Subject: Grüße aus Köln\r\n"));
      assertThat(m.first(HeaderName.SUBJECT).orElseThrow().value()).isEqualTo("Grüße aus Köln");
      assertThat(m.encode()).isEqualTo(bytes(options("Subject: Grüße aus Köln\r\n")));
    }
  }

  @Nested
  class Limits {
    @Test
    void answersAMessageOverTheSizeLimitWith513() {
      SipParser p = SipParser.withLimits(1024, 64);
      String big = options("X-Pad: " + "a".repeat(1024) + "\r\n");
      ParseResult<SipMessage> r = p.parseDatagram(bytes(big), 0, big.length());
      assertThat(r).isInstanceOf(ParseResult.Malformed.class);
      ParseResult.Malformed<SipMessage> m = (ParseResult.Malformed<SipMessage>) r;
      assertThat(m.statusCode()).isEqualTo(513);
      assertThat(m.reason()).startsWith("Message Too Large");
    }

    @Test
    void acceptsAMessageOfExactlyTheLimit() {
      String base = options("X-Pad: \r\n");
      String exact = options("X-Pad: " + "a".repeat(1024 - base.length()) + "\r\n");
      assertThat(exact).hasSize(1024);
      assertThat(SipParser.withLimits(1024, 64).parseDatagram(bytes(exact), 0, 1024).isParsed()).isTrue();
      assertThat(SipParser.withLimits(1024, 64).parseDatagram(bytes(exact + "x"), 0, 1025).isParsed()).isFalse();
    }

    @Test
    void defaultLimitIs64KiB() {
      assertThat(SipParser.standard().maxMessageSize()).isEqualTo(65536);
      String big = options("X-Pad: " + "a".repeat(65536) + "\r\n");
      assertThat(bad(big).statusCode()).isEqualTo(513);
    }

    @Test
    void rejectsTooManyHeaderFields() {
      SipParser p = SipParser.withLimits(4096, 8);
      String wire = options("X-A: 1\r\nX-B: 2\r\nX-C: 3\r\n"); // 6 + 1 + 3 = 10 lines
      ParseResult<SipMessage> r = p.parseDatagram(bytes(wire), 0, wire.length());
      ParseResult.Malformed<SipMessage> m = (ParseResult.Malformed<SipMessage>) r;
      assertThat(m.reason()).isEqualTo("Too many header fields (limit 8)");
      assertThat(m.statusCode()).isEqualTo(400);
    }

    @Test
    void acceptsExactlyTheHeaderLimit() {
      SipParser p = SipParser.withLimits(4096, 8);
      String wire = options("X-A: 1\r\n");
      assertThat(p.parseDatagram(bytes(wire), 0, wire.length()).isParsed()).isTrue();
    }

    @Test
    void defaultHeaderLimitIs256() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 251; i++) {
        sb.append("X-H").append(i).append(": v\r\n");
      }
      assertThat(bad(options(sb.toString())).reason()).contains("limit 256");
    }

    @Test
    void refusesLimitsTooSmallToBeUseful() {
      assertThatThrownBy(() -> SipParser.withLimits(1023, 8)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SipParser.withLimits(1024, 7)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The headers a transaction needs are checked at parse time, and a fault names its header. */
  @Nested
  class EagerValidation {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Via|SIP/2.0/UDP",
          "Via|SIP/2.0/UDP host;branch",
          "Via|SIP/2.0/UDP host:99999;branch=z9hG4bK1",
          "Via|SIP/2.0/UDP host;branch=z9hG4bK1, ",
          "Via|' '",
          "From|Alice <sip:alice@atlanta.com",
          "To|\"Bob <sip:bob@biloxi.com>",
          "Call-ID|has space",
          "CSeq|abc OPTIONS",
          "CSeq|4294967296 OPTIONS",
          "Max-Forwards|256",
          "Max-Forwards|-1",
          "Content-Length|-5",
          "Content-Length|ten",
        })
    void namesTheFaultyHeader(String name, String value) {
      String wire = options(name + ": " + value + "\r\n");
      ParseResult.Malformed<SipMessage> m = bad(wire);
      assertThat(m.reason()).startsWith("Bad " + name);
      assertThat(m.statusCode()).isEqualTo(400);
    }

    // RFC 3261 §20.42: Via = ( "Via" / "v" ) HCOLON via-parm *(COMMA via-parm).
    @Test
    void rejectsAnEmptyVia() {
      String wire = options("").replace("Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8", "Via:");
      assertThat(bad(wire).reason()).startsWith("Bad Via");
    }

    // RFC 4475 §3.1.2.4 (scalar02): CSeq is at most 2^32-1.
    @Test
    void rejectsCSeqAbove2To32Minus1() {
      String wire = "OPTIONS sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 4294967296 OPTIONS\r\n\r\n";
      assertThat(bad(wire).reason()).isEqualTo("Bad CSeq: value exceeds 4294967295");
    }

    @Test
    void acceptsCSeqOf2To32Minus1() {
      String wire = "OPTIONS sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 4294967295 OPTIONS\r\n\r\n";
      assertThat(ok(wire).cseq().orElseThrow().sequence()).isEqualTo(4294967295L);
    }

    @Test
    void leavesOtherHeadersToFirstUse() {
      SipMessage m = ok(options("Contact: <sip:alice@pc33.atlanta.com\r\nExpires: soon\r\n"));
      assertThat(m.validateAll().orElseThrow().reason()).startsWith("Bad Contact");
      assertThat(m.validate(List.of(HeaderName.EXPIRES)).orElseThrow().reason()).startsWith("Bad Expires");
    }
  }

  /** RFC 3261 §18.3: how long the body of a datagram is. */
  @Nested
  class DatagramBody {
    private static final String HEAD =
        "MESSAGE sip:bob@biloxi.com SIP/2.0\r\n" + HEADERS + "CSeq: 1 MESSAGE\r\n";

    @Test
    void takesTheRestOfTheDatagramWithoutContentLength() {
      SipMessage m = ok(HEAD + "\r\nhello\r\nworld");
      assertThat(m.bodyText()).isEqualTo("hello\r\nworld");
      assertThat(m.has(HeaderName.CONTENT_LENGTH)).isFalse();
      assertThat(ok(m.encode())).isEqualTo(m);
    }

    // RFC 4475 §3.1.1.8 (dblreq): octets beyond Content-Length are not part of the message.
    @Test
    void ignoresOctetsAfterContentLength() {
      SipMessage m = ok(HEAD + "Content-Length: 5\r\n\r\nhello, and more");
      assertThat(m.bodyText()).isEqualTo("hello");
      assertThat(ok(HEAD + "l: 0\r\n\r\nstray").bodyLength()).isZero();
    }

    // RFC 4475 §3.1.2.3 (clerr)
    @Test
    void rejectsAContentLengthLargerThanTheDatagram() {
      ParseResult.Malformed<SipMessage> m = bad(HEAD + "Content-Length: 50\r\n\r\nhello");
      assertThat(m.reason()).isEqualTo("Content-Length 50 exceeds the 5 octets of body received");
    }

    // RFC 4475 §3.1.2.1 (mcl01)
    @Test
    void rejectsConflictingContentLengths() {
      assertThat(bad(HEAD + "Content-Length: 5\r\nl: 3\r\n\r\nhello").reason())
          .isEqualTo("Conflicting Content-Length values");
    }

    @Test
    void acceptsARepeatedEqualContentLength() {
      assertThat(ok(HEAD + "Content-Length: 5\r\nl: 005\r\n\r\nhello").bodyText()).isEqualTo("hello");
    }

    @Test
    void keepsBinaryBodyOctetsExactly() {
      byte[] head = bytes(HEAD + "Content-Type: application/octet-stream\r\nContent-Length: 256\r\n\r\n");
      byte[] body = new byte[256];
      for (int i = 0; i < 256; i++) {
        body[i] = (byte) i;
      }
      byte[] wire = Arrays.copyOf(head, head.length + 256);
      System.arraycopy(body, 0, wire, head.length, 256);
      SipMessage m = ok(wire);
      assertThat(m.body()).isEqualTo(body);
      assertThat(m.encode()).isEqualTo(wire);
    }

    @Test
    void framedParsingRequiresContentLength() {
      byte[] wire = bytes(HEAD + "\r\nhello");
      ParseResult<SipMessage> r = SipParser.standard().parseFrame(wire, 0, wire.length);
      assertThat(((ParseResult.Malformed<SipMessage>) r).reason())
          .isEqualTo("Missing Content-Length on a stream transport");
    }

    @Test
    void framedParsingRequiresTheEmptyLine() {
      byte[] wire = bytes(HEAD + "Content-Length: 0\r\n");
      ParseResult<SipMessage> r = SipParser.standard().parseFrame(wire, 0, wire.length);
      assertThat(((ParseResult.Malformed<SipMessage>) r).reason()).contains("not terminated");
    }

    @Test
    void framedParsingTakesContentLengthOctets() {
      byte[] wire = bytes(HEAD + "Content-Length: 5\r\n\r\nhello");
      SipMessage m = SipParser.standard().parseFrame(wire, 0, wire.length).value();
      assertThat(m.bodyText()).isEqualTo("hello");
    }
  }

  @Nested
  class TypedAccess {
    @Test
    void readsTheRfcForwardedInvite() {
      SipMessage m = ok(RfcExamples.INVITE_FORWARDED);
      List<Via> vias = m.all(HeaderName.VIA);
      assertThat(vias).hasSize(2);
      assertThat(vias.get(0).host().text()).isEqualTo("bigbox3.site3.atlanta.com");
      assertThat(vias.get(1).received()).contains("192.0.2.1");
      assertThat(m.first(HeaderName.MAX_FORWARDS).orElseThrow().hops()).isEqualTo(69);
      Address to = m.to().orElseThrow();
      assertThat(to.display()).contains("Bob");
      assertThat(to.tag()).isEmpty();
      assertThat(m.first(HeaderName.CONTENT_LENGTH).orElseThrow().length()).isEqualTo(m.bodyLength());
    }
  }
}
