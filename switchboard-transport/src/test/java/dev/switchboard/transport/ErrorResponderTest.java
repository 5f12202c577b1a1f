// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 3261 §8.2.6.1 salvage of malformed requests, without sockets. */
class ErrorResponderTest {
  private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.7", 40000);

  private static Optional<SipResponse> answer(String text) {
    byte[] b = Fixtures.bytes(text);
    return ErrorResponder.answer(b, 0, b.length, "Bad Max-Forwards: not a number", 400, SOURCE);
  }

  @Test
  void copiesViaFromToCallIdAndCseqVerbatim() {
    String text =
        "INVITE sip:bob@example.test SIP/2.0\r\n"
            + "v: SIP/2.0/UDP a.test;branch=z9hG4bK1;rport, SIP/2.0/UDP b.test;branch=z9hG4bK2\r\n"
            + "Via: SIP/2.0/UDP c.test;branch=z9hG4bK3\r\n"
            + "Max-Forwards: many\r\n"
            + "f: \"A\" <sip:a@example.test>;tag=9\r\n"
            + "t: <sip:bob@example.test>\r\n"
            + "i: abc@\r\n"
            + " a.test\r\n"
            + "CSeq: 7 INVITE\r\n"
            + "\r\n";

    SipResponse r = answer(text).orElseThrow();

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.reasonPhrase()).isEqualTo("Bad Max-Forwards: not a number");
    assertThat(r.headerLines(HeaderName.VIA))
        .containsExactly(
            "SIP/2.0/UDP a.test;branch=z9hG4bK1;rport=40000;received=192.0.2.7",
            "SIP/2.0/UDP b.test;branch=z9hG4bK2",
            "SIP/2.0/UDP c.test;branch=z9hG4bK3");
    assertThat(r.headerLines(HeaderName.FROM)).containsExactly("\"A\" <sip:a@example.test>;tag=9");
    assertThat(r.headerLines(HeaderName.TO).get(0)).startsWith("<sip:bob@example.test>;tag=");
    assertThat(r.headerLines(HeaderName.CALL_ID)).containsExactly("abc@ a.test");
    assertThat(r.headerLines(HeaderName.CSEQ)).containsExactly("7 INVITE");
  }

  @Test
  void keepsAnExistingToTag() {
    String text = Fixtures.options("SIP/2.0/UDP a.test;branch=z9hG4bK1", "c").replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=xyz");

    assertThat(answer(text).orElseThrow().headerLines(HeaderName.TO)).containsExactly("<sip:bob@127.0.0.1>;tag=xyz");
  }

  @Test
  void dropsResponsesAcksAndRequestsWithoutVia() {
    String ok = Fixtures.options("SIP/2.0/UDP a.test;branch=z9hG4bK1", "c");

    assertThat(answer(ok)).isPresent();
    assertThat(answer("SIP/2.0 200 OK\r\n" + ok.substring(ok.indexOf("\r\n") + 2))).isEmpty();
    // RFC 3261 §17.1.1.3: an ACK is never answered.
    assertThat(answer(ok.replace("OPTIONS sip", "ACK sip"))).isEmpty();
    assertThat(answer(ok.replaceAll("Via: [^\r]*\r\n", ""))).isEmpty();
    assertThat(answer("\u0001garbage")).isEmpty();
  }

  @Test
  void answersRequestMissingCallIdWithWhatItHas() {
    // RFC 4475 §3.3.1 insuf: no Call-ID, From or To, and still a 400.
    String noCallId = Fixtures.options("SIP/2.0/UDP a.test;branch=z9hG4bK1", "c").replace("Call-ID: c\r\n", "");
    SipResponse r = answer(noCallId).orElseThrow();
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.has(HeaderName.CALL_ID)).isFalse();
    assertThat(r.has(HeaderName.CSEQ)).isTrue();
  }

  @Test
  void copiesUnparseableTopViaAsWritten() {
    // RFC 4475 §3.1.2.1 badinv01: the fault is in the Via; the transport answers to the source.
    String badVia = Fixtures.options("SIP/2.0/UDP 192.0.2.15;;,;,,", "c");
    SipResponse r = answer(badVia).orElseThrow();
    assertThat(r.headerLines(HeaderName.VIA)).containsExactly("SIP/2.0/UDP 192.0.2.15;;,;,,");
  }
}
