// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.Decoding;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SdpParserTest {

  private static SessionDescription parse(String text) {
    Decoding<SessionDescription> d = SdpParser.parse(text);
    assertThat(d.isOk()).as("parsed: %s", d).isTrue();
    return d.value();
  }

  private static String fault(String text) {
    Decoding<SessionDescription> d = SdpParser.parse(text);
    assertThat(d).isInstanceOf(Decoding.Malformed.class);
    return ((Decoding.Malformed<SessionDescription>) d).reason();
  }

  @Nested
  class RealClients {
    @Test
    void readsBaresipOffer() {
      SessionDescription sd = parse(Captures.resource("baresip-offer.sdp"));
      assertThat(sd.origin()).isEqualTo(new Origin("-", "208511852", 53438023, "IN", "IP4", "127.0.0.1"));
      assertThat(sd.sessionName()).isEqualTo("-");
      assertThat(sd.connection()).contains(Connection.of("127.0.0.1"));
      assertThat(sd.timings()).containsExactly(Timing.UNBOUNDED);
      assertThat(sd.attribute("tool").flatMap(Attribute::value)).contains("baresip 1.0.0");
      MediaDescription m = sd.media().get(0);
      assertThat(m.media()).isEqualTo("audio");
      assertThat(m.port()).isEqualTo(5170);
      assertThat(m.protocol()).isEqualTo("RTP/AVP");
      assertThat(m.formats()).containsExactly("0", "8", "101");
      assertThat(m.rtpMaps())
          .containsExactly(
              new RtpMap(0, "PCMU", 8000, 1),
              new RtpMap(8, "PCMA", 8000, 1),
              new RtpMap(101, "telephone-event", 8000, 1));
      assertThat(m.fmtp("101")).contains(new Fmtp("101", "0-15"));
      assertThat(m.ptime()).isEqualTo(OptionalInt.of(20));
      assertThat(m.direction()).contains(Direction.SENDRECV);
      assertThat(m.attribute("ssrc").flatMap(Attribute::value))
          .contains("2257278749 cname:sip:alice@127.0.0.1:5160");
    }

    @Test
    void readsLinphoneOfferWithOpusSpeexG729AndRtcpXr() {
      // INTEROP-NOTES item 9.
      SessionDescription sd = parse(Captures.resource("linphone-offer.sdp"));
      assertThat(sd.origin().username()).isEqualTo("carol");
      assertThat(sd.sessionName()).isEqualTo("Talk");
      assertThat(sd.attribute("rtcp-xr")).isPresent();
      MediaDescription m = sd.media().get(0);
      assertThat(m.formats()).containsExactly("96", "97", "98", "0", "8", "18", "99", "100", "101");
      assertThat(m.rtpMap(96)).contains(new RtpMap(96, "opus", 48000, 2));
      assertThat(m.rtpMap(0)).isEmpty(); // static type, no rtpmap line
      assertThat(m.fmtp("18")).contains(new Fmtp("18", "annexb=yes"));
      assertThat(m.direction()).isEmpty();
      assertThat(sd.directionOf(m)).isEqualTo(Direction.SENDRECV); // RFC 8866 section 6.7
      assertThat(m.attributes("rtcp-fb")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.switchboard.media.sdp.Captures#all")
    void everyCapturedBodyWritesBackTheSame(Captures.Body body) {
      SessionDescription sd = parse(body.text());
      assertThat(sd.encode()).isEqualTo(body.text().replace("\n", "\r\n"));
      assertThat(parse(sd.encode())).isEqualTo(sd);
    }

    @Test
    void capturesHoldFifteenBodies() throws IOException {
      assertThat(Captures.all()).hasSize(15);
    }
  }

  @Nested
  class Leniency {
    @Test
    void acceptsCrlfAndTrailingEmptyLines() {
      SessionDescription sd = parse("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n\r\n");
      assertThat(sd.media()).isEmpty();
    }

    @Test
    void keepsUnknownLineTypesAndWritesThemBeforeAttributes() {
      SessionDescription sd =
          parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\ny=why not\na=x\nm=audio 1 RTP/AVP 0\nq=1\na=y\n");
      assertThat(sd.fields()).containsExactly(new Field('y', "why not"));
      assertThat(sd.media().get(0).fields()).containsExactly(new Field('q', "1"));
      assertThat(sd.encode())
          .isEqualTo("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\ny=why not\r\na=x\r\n"
              + "m=audio 1 RTP/AVP 0\r\nq=1\r\na=y\r\n");
    }

    @Test
    void keepsInformationUriEmailPhoneRepeatZoneAndKeyInOrder() {
      String text = "v=0\r\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\ns=Call\r\n"
          + "i=A call\r\nu=https://example.com\r\ne=j@example.com\r\np=+1 617 555-6011\r\n"
          + "c=IN IP4 198.51.100.1\r\nb=CT:128\r\nt=3724394400 3724398000\r\nr=7d 1h 0 25h\r\n"
          + "z=2882844526 -1h\r\nk=prompt\r\na=recvonly\r\n"
          + "m=audio 49170/2 RTP/AVP 0\r\ni=voice\r\nc=IN IP4 198.51.100.2\r\nb=AS:64\r\nk=prompt\r\n"
          + "a=ptime:30\r\nm=video 0 RTP/AVP 31\r\n";
      SessionDescription sd = parse(text);
      assertThat(sd.timings()).containsExactly(new Timing(3724394400L, 3724398000L, List.of("7d 1h 0 25h")));
      assertThat(sd.bandwidths()).containsExactly(new Bandwidth("CT", 128));
      MediaDescription audio = sd.media().get(0);
      assertThat(audio.portCount()).isEqualTo(OptionalInt.of(2));
      assertThat(sd.connectionOf(audio)).contains(Connection.of("198.51.100.2"));
      assertThat(sd.directionOf(audio)).isEqualTo(Direction.RECVONLY);
      assertThat(sd.media().get(1).isRejected()).isTrue();
      assertThat(sd.encode()).isEqualTo(text);
    }

    @Test
    void acceptsMissingTimeLine() {
      assertThat(parse("v=0\no=- 1 1 IN IP4 h\ns=-\n").timings()).isEmpty();
    }

    @Test
    void readsSessionVersionsBeyondSignedLong() {
      SessionDescription sd = parse("v=0\no=- 1 18446744073709551615 IN IP4 h\ns=-\nt=0 0\n");
      assertThat(sd.origin().value()).contains("18446744073709551615");
    }
  }

  @Nested
  class Strictness {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "''|empty session description",
          "o=- 1 1 IN IP4 h|line 1: a session description starts with v=0",
          "v=1|line 1: unsupported SDP version v=1",
          "v=0\\nhello|line 2: not a '<type>=<value>' line: 'hello'",
          "v=0\\nX=1|line 2: not a '<type>=<value>' line",
          "v=0\\no=- 1 IN IP4 h|line 2: o= needs 6 fields",
          "v=0\\no=- x 1 IN IP4 h|line 2: o= session id is not a number: 'x'",
          "v=0\\no=- 1 v2 IN IP4 h|line 2: o= session version is not a number: 'v2'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4|line 4: c= needs 3 fields",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nb=AS|line 4: b= is not '<type>:<bandwidth>'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nb=AS:fast|line 4: b= bandwidth is not a number: 'fast'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0|line 4: t= needs 2 fields",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nr=1d 1h 0|line 4: r= line without a t= line",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP|line 5: m= needs '<media> <port> <proto> <format>...'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 70000 RTP/AVP 0|line 5: m= port is not a number 0-65535: '70000'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004/0 RTP/AVP 0|line 5: m= port count is not a positive number",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\na=rtpmap:0|line 6: a=rtpmap needs '<payload type> <encoding>/<clock rate>'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\na=rtpmap:200 X/8000|line 6: a=rtpmap payload type is not a number 0-127: '200'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\na=rtpmap:0 PCMU|line 6: a=rtpmap encoding is not '<name>/<clock rate>[/<channels>]'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\na=rtpmap:0 PCMU/fast|line 6: a=rtpmap clock rate is not a positive number: 'fast'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\na=ptime:twenty|line 6: a=ptime is not a number of milliseconds: 'twenty'",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\na=sendonly:yes|line 6: a=sendonly takes no value",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\na=fmtp|line 6: a=fmtp without a value",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\nm=audio 5004 RTP/AVP 0\\nt=0 0|line 6: t= is not allowed in a media description",
          "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nt=0 0\\na=|line 5: a= attribute name is empty",
          "v=0\\no=- 1 1 IN IP4 h\\no=- 1 1 IN IP4 h|line 3: second o= line",
          "v=0\\ns=-\\nt=0 0|missing o= line",
          "v=0\\no=- 1 1 IN IP4 h\\nt=0 0|missing s= line",
        })
    void rejectsMalformedInputNamingTheFault(String input, String reason) {
      assertThat(fault(input.replace("\\n", "\n"))).startsWith(reason);
    }
  }

  @Nested
  class Building {
    @Test
    void buildsADescriptionFromParts() {
      SessionDescription sd =
          SessionDescription.builder()
              .origin(Origin.of("-", "42", 7, "192.0.2.10"))
              .connection(Connection.of("192.0.2.10"))
              .media(
                  MediaDescription.builder("audio", 40000, "RTP/AVP")
                      .rtpMap(new RtpMap(0, "PCMU", 8000, 1))
                      .attribute(new Fmtp("0", "x=1").toAttribute())
                      .direction(Direction.SENDONLY)
                      .build())
              .build();
      assertThat(sd.encode())
          .isEqualTo("v=0\r\no=- 42 7 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
              + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=fmtp:0 x=1\r\na=sendonly\r\n");
    }

    @Test
    void replacingTheDirectionKeepsItsPlace() {
      MediaDescription m =
          MediaDescription.builder("audio", 1, "RTP/AVP").format(0)
              .attribute("sendrecv").attribute("ptime", "20").build();
      MediaDescription held = m.toBuilder().direction(Direction.SENDONLY).build();
      assertThat(held.attributes())
          .containsExactly(Attribute.property("sendonly"), Attribute.of("ptime", "20"));
    }

    @Test
    void ip6AddressesGetTheIp6AddressType() {
      assertThat(Connection.of("2001:db8::1").value()).isEqualTo("IN IP6 2001:db8::1");
      assertThat(Origin.of("-", "1", 1, "2001:db8::1").addressType()).isEqualTo("IP6");
    }
  }
}
