// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class G711Test {

  @ParameterizedTest(name = "µ-law {0} -> {1}")
  @CsvSource({
    "0, 0xFF", "8, 0xFE", "-8, 0x7E", "100, 0xF2", "-100, 0x73", "1000, 0xCE", "-1000, 0x4E",
    "4000, 0xAF", "-4000, 0x2F", "12345, 0x97", "-12345, 0x17", "32767, 0x80", "-32768, 0x00",
    "32124, 0x80", "-32124, 0x00", "-1, 0x7F"
  })
  void muLawEncodesKnownValues(short sample, String code) {
    // ITU-T G.711 table 2a; negative samples take the ones' complement, as in the ITU-T reference
    // code, so -1 encodes as negative zero and -100 as 0x73 (encoders that negate give 0x72).
    assertThat(MuLaw.encode(sample) & 0xFF).isEqualTo(Integer.decode(code));
  }

  @ParameterizedTest(name = "µ-law {0} -> {1}")
  @CsvSource({
    "0x00, -32124", "0x7F, 0", "0x80, 32124", "0xFF, 0", "0xD5, 716", "0x55, -716",
    "0x0F, -16764", "0x8F, 16764", "0x3C, -2364"
  })
  void muLawDecodesKnownValues(String code, short sample) {
    assertThat(MuLaw.decode((byte) (int) Integer.decode(code))).isEqualTo(sample);
  }

  @ParameterizedTest(name = "A-law {0} -> {1}")
  @CsvSource({
    "0, 0xD5", "-1, 0x55", "8, 0xD5", "-8, 0x55", "100, 0xD3", "-100, 0x53", "1000, 0xFA",
    "-1000, 0x7A", "4000, 0x9A", "-4000, 0x1A", "12345, 0xBD", "-12345, 0x3D", "32767, 0xAA",
    "-32768, 0x2A"
  })
  void aLawEncodesKnownValues(short sample, String code) {
    // ITU-T G.711 table 1a, with the even bits inverted on the line.
    assertThat(ALaw.encode(sample) & 0xFF).isEqualTo(Integer.decode(code));
  }

  @ParameterizedTest(name = "A-law {0} -> {1}")
  @CsvSource({
    "0x00, -5504", "0x7F, -848", "0x80, 5504", "0xFF, 848", "0xD5, 8", "0x55, -8",
    "0xAA, 32256", "0x2A, -32256", "0x0F, -6784", "0x8F, 6784", "0x3C, -13056"
  })
  void aLawDecodesKnownValues(String code, short sample) {
    assertThat(ALaw.decode((byte) (int) Integer.decode(code))).isEqualTo(sample);
  }

  @Test
  void everyCodeSurvivesDecodeThenEncode() {
    for (int c = 0; c < 256; c++) {
      byte code = (byte) c;
      assertThat(ALaw.encode(ALaw.decode(code))).as("A-law %02x", c).isEqualTo(code);
      if (c != 0x7F) { // negative zero decodes to 0, which encodes as positive zero 0xFF
        assertThat(MuLaw.encode(MuLaw.decode(code))).as("µ-law %02x", c).isEqualTo(code);
      }
    }
  }

  @Test
  void quantizationErrorStaysWithinHalfAStepOfEachSegment() {
    for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
      short sample = (short) s;
      int mu = Math.abs(MuLaw.decode(MuLaw.encode(sample)) - s);
      int a = Math.abs(ALaw.decode(ALaw.encode(sample)) - s);
      // The largest step is 1024 (µ-law) and 1024 (A-law) at 16-bit scale, beyond clipping.
      assertThat(mu).as("µ-law %d", s).isLessThanOrEqualTo(Math.max(1024, Math.abs(s) / 16));
      assertThat(a).as("A-law %d", s).isLessThanOrEqualTo(Math.max(1024, Math.abs(s) / 16));
    }
  }

  @Test
  void codecEnumNamesPayloadTypesAndEncodings() {
    assertThat(AudioCodec.byStaticPayloadType(0)).contains(AudioCodec.PCMU);
    assertThat(AudioCodec.byStaticPayloadType(8)).contains(AudioCodec.PCMA);
    assertThat(AudioCodec.byStaticPayloadType(18)).isEmpty();
    assertThat(AudioCodec.byEncoding("pcmu", 8000, 1)).contains(AudioCodec.PCMU);
    assertThat(AudioCodec.byEncoding("PCMU", 16000, 1)).isEmpty();
    short[] pcm = {0, 1000, -1000};
    assertThat(AudioCodec.PCMA.decode(AudioCodec.PCMA.encode(pcm))).containsExactly(8, 1008, -1008);
  }
}
