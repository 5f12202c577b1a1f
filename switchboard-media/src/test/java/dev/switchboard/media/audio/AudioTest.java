// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioTest {
  @TempDir Path dir;

  @Test
  void wavWriteThenReadGivesTheSameAudio() throws IOException {
    PcmAudio tone = ToneGenerator.sine(440, Duration.ofMillis(250), 0.5, 8000);
    Path f = dir.resolve("tone.wav");
    Wav.write(f, tone);
    assertThat(Files.size(f)).isEqualTo(44 + 2 * 2000);
    assertThat(Wav.read(f)).isEqualTo(tone);
  }

  @Test
  void streamingWriterPatchesSizesOnClose() throws IOException {
    Path f = dir.resolve("rec.wav");
    try (WavWriter w = WavWriter.create(f, 8000)) {
      for (int i = 0; i < 10; i++) {
        w.write(new short[160]);
      }
      assertThat(w.sampleCount()).isEqualTo(1600);
    }
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getInt(4)).isEqualTo(36 + 3200);
    assertThat(b.getInt(40)).isEqualTo(3200);
    assertThat(Wav.read(f).sampleCount()).isEqualTo(1600);
  }

  @Test
  void readsStereo44kHzAsMonoAndResamplesToNarrowband() throws IOException {
    // 1 s of 44.1 kHz stereo: left +1000, right -3000 -> mono -1000.
    int frames = 44100;
    ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2);
    b.putInt(44100).putInt(44100 * 4).putShort((short) 4).putShort((short) 16);
    b.put("data".getBytes()).putInt(frames * 4);
    for (int i = 0; i < frames; i++) {
      b.putShort((short) 1000).putShort((short) -3000);
    }
    Path f = dir.resolve("stereo.wav");
    Files.write(f, b.array());
    PcmAudio narrow = Wav.readNarrowband(f);
    assertThat(narrow.sampleRate()).isEqualTo(8000);
    assertThat(narrow.sampleCount()).isEqualTo(8000);
    assertThat(narrow.sample(4000)).isEqualTo((short) -1000);
  }

  @Test
  void readsEightBitUnsignedAndSkipsUnknownChunks() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 4 + 24 + 8 + 3 + 1).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("LIST".getBytes()).putInt(4).put("INFO".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8);
    b.put("data".getBytes()).putInt(3).put((byte) 128).put((byte) 255).put((byte) 0).put((byte) 0);
    Path f = dir.resolve("u8.wav");
    Files.write(f, b.array());
    assertThat(Wav.read(f).samples()).containsExactly(0, 127 << 8, -128 << 8);
  }

  @Test
  void rejectsWhatIsNotIntegerPcmNamingTheFault() throws IOException {
    Path f = dir.resolve("float.wav");
    ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    Wav.header(b, 8000, 0);
    b.putShort(20, (short) 3);
    Files.write(f, b.array());
    assertThatThrownBy(() -> Wav.read(f)).isInstanceOf(IOException.class)
        .hasMessageEndingWith(": format tag 3 is not integer PCM (1)");
    Files.write(f, "hello world, not a wav".getBytes());
    assertThatThrownBy(() -> Wav.read(f)).hasMessageEndingWith(": not a RIFF WAVE file");
  }

  @Test
  void linearResamplingInterpolatesBetweenSamples() {
    assertThat(Resampler.linear(new short[] {0, 100, 200, 300}, 8000, 16000))
        .containsExactly(0, 50, 100, 150, 200, 250, 300, 300);
    assertThat(Resampler.linear(new short[] {0, 10, 20, 30, 40, 50}, 48000, 16000))
        .containsExactly(0, 30);
  }

  @Test
  void toneHasTheRequestedLengthAndPeak() {
    PcmAudio t = ToneGenerator.sine(1000, Duration.ofSeconds(1), 0.5, 8000);
    assertThat(t.sampleCount()).isEqualTo(8000);
    assertThat(t.sample(2)).isEqualTo((short) 16384); // sin(pi/2) at 1 kHz / 8 kHz
    assertThat(t.durationMillis()).isEqualTo(1000);
  }

  @Test
  void goertzelFindsTheToneAndNotItsNeighbours() {
    PcmAudio t = ToneGenerator.sine(1000, Duration.ofMillis(500), 0.3, 8000)
        .append(PcmAudio.silence(8000, 4000));
    assertThat(Goertzel.relativePower(t, 1000)).isGreaterThan(0.95);
    assertThat(Goertzel.detects(t, 1000)).isTrue();
    assertThat(Goertzel.detects(t, 2000)).isFalse();
    assertThat(Goertzel.detects(t, 1100)).isFalse();
    assertThat(Goertzel.relativePower(PcmAudio.silence(8000, 800), 1000)).isZero();
  }

  @Test
  void goertzelSeesBothTonesOfAMix() {
    PcmAudio a = ToneGenerator.sine(697, Duration.ofMillis(200), 0.3, 8000);
    PcmAudio b = ToneGenerator.sine(1209, Duration.ofMillis(200), 0.3, 8000);
    short[] mix = new short[a.sampleCount()];
    for (int i = 0; i < mix.length; i++) {
      mix[i] = (short) (a.sample(i) + b.sample(i));
    }
    PcmAudio dtmf1 = PcmAudio.of(8000, mix);
    assertThat(Goertzel.relativePower(dtmf1, 697)).isBetween(0.4, 0.6);
    assertThat(Goertzel.relativePower(dtmf1, 1209)).isBetween(0.4, 0.6);
    assertThat(Goertzel.detects(dtmf1, 941)).isFalse();
  }
}
