// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content-Type and Accept: RFC 3261 §20.15, §20.1. */
class MediaTypeTest {
  @Test
  void parsesTypeAndSubtype() {
    MediaType t = MediaType.parse("application/sdp").value();
    assertThat(t).isEqualTo(MediaType.SDP);
    assertThat(t.essence()).isEqualTo("application/sdp");
    assertThat(t.toString()).isEqualTo("application/sdp");
  }

  // RFC 3261 §20.15 example
  @Test
  void keepsParametersAsWritten() {
    MediaType t = MediaType.parse("text/html; charset=ISO-8859-4").value();
    assertThat(t.parameters().get("charset")).contains("ISO-8859-4");
    assertThat(t.toString()).isEqualTo("text/html;charset=ISO-8859-4");
    MediaType m = MediaType.parse("multipart/mixed;boundary=\"unique-boundary-1\"").value();
    assertThat(m.parameters().unquoted("boundary")).contains("unique-boundary-1");
  }

  // SLASH = SWS "/" SWS
  @Test
  void allowsWhiteSpaceAroundTheSlash() {
    assertThat(MediaType.parse(" application / sdp ").value()).isEqualTo(MediaType.SDP);
  }

  @Test
  void matchesRanges() {
    MediaType sdp = MediaType.SDP;
    assertThat(MediaType.parse("*/*").value().includes(sdp)).isTrue();
    assertThat(MediaType.parse("application/*").value().includes(sdp)).isTrue();
    assertThat(MediaType.parse("APPLICATION/SDP").value().includes(sdp)).isTrue();
    assertThat(MediaType.parse("text/*").value().includes(sdp)).isFalse();
    assertThat(MediaType.parse("application/pidf+xml").value().includes(sdp)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "application", "application/", "/sdp", "application/sdp;", "application/sdp junk", "application/sdp;a=\"x"})
  void rejectsAMalformedType(String text) {
    ParseResult<MediaType> r = MediaType.parse(text);
    assertThat(r.isParsed()).as(text).isFalse();
    assertThat(((ParseResult.Malformed<MediaType>) r).reason()).startsWith("Bad media type");
  }

  // RFC 3261 §20.1 example; Accept is a list, and an empty Accept is allowed.
  @Test
  void readsAcceptAsAList() {
    SipMessage m = parse("Accept: application/sdp;level=1, application/x-private, text/html\r\nAccept:\r\n");
    List<MediaType> all = m.all(HeaderName.ACCEPT);
    assertThat(all).extracting(MediaType::essence).containsExactly("application/sdp", "application/x-private", "text/html");
    assertThat(all.get(0).parameters().get("level")).contains("1");
    assertThat(m.validateAll()).isEmpty();
  }

  @Test
  void namesContentTypeInAFault() {
    SipMessage m = parse("Content-Type: sdp\r\n");
    assertThat(m.validateAll().orElseThrow().reason()).startsWith("Bad Content-Type");
  }

  static SipMessage parse(String extra) {
    String wire =
        "OPTIONS sip:bob@biloxi.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
            + "To: <sip:bob@biloxi.com>\r\nFrom: <sip:a@atlanta.com>;tag=1\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n"
            + extra
            + "\r\n";
    return SipParser.parse(wire.getBytes(StandardCharsets.UTF_8)).value();
  }
}
