// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.Decoding;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
  private static final HexFormat HEX = HexFormat.of();

  private static String reason(Decoding<RtpPacket> d) {
    return ((Decoding.Malformed<RtpPacket>) d).reason();
  }

  @Test
  void encodesTheFixedHeader() {
    // RFC 3550 section 5.1: V=2, M, PT, sequence, timestamp, SSRC in network order.
    RtpPacket p = RtpPacket.of(true, 0, 0xABCD, 0xFEDCBA98L, 0x01020304L, new byte[] {(byte) 0xFF, 0x7F});
    assertThat(HEX.formatHex(p.encode())).isEqualTo("8080abcdfedcba9801020304ff7f");
  }

  @Test
  void decodesWhatItEncodes() {
    RtpPacket p = RtpPacket.of(false, 101, 65535, 0xFFFFFFFFL, 7, new long[] {9, 10}, new byte[] {1, 2, 3, 4});
    Decoding<RtpPacket> d = RtpPacket.decode(p.encode());
    assertThat(d.value()).isEqualTo(p);
    assertThat(d.value().csrcs()).containsExactly(9, 10);
  }

  @Test
  void skipsHeaderExtensionAndRemovesPadding() {
    // X bit with one extension word, P bit with 3 bytes of padding (RFC 3550 sections 5.1, 5.3.1).
    byte[] wire = HEX.parseHex("b008000100000064000000" + "2a" + "bede0001" + "11223344" + "d5d5" + "000003");
    RtpPacket p = RtpPacket.decode(wire).value();
    assertThat(p.payloadType()).isEqualTo(8);
    assertThat(p.ssrc()).isEqualTo(42);
    assertThat(p.payload()).containsExactly(0xD5, 0xD5);
  }

  @Test
  void rejectsShortOrForeignDatagrams() {
    assertThat(reason(RtpPacket.decode(new byte[11]))).isEqualTo("RTP packet shorter than 12 bytes: 11");
    assertThat(reason(RtpPacket.decode(new byte[12]))).isEqualTo("RTP version is 0, not 2");
    assertThat(reason(RtpPacket.decode(HEX.parseHex("830000000000000000000000"))))
        .isEqualTo("RTP packet too short for its 3 CSRCs");
    assertThat(reason(RtpPacket.decode(HEX.parseHex("a00000000000000000000000ff"))))
        .isEqualTo("RTP padding count 255 is invalid");
    assertThat(reason(RtpPacket.decode(HEX.parseHex("900000000000000000000000bede0005"))))
        .isEqualTo("RTP header extension longer than the packet");
  }
}
