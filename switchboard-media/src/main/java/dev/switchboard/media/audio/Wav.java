// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes RIFF WAVE files of integer PCM.
 *
 * <p>Reading accepts 8-, 16-, 24- and 32-bit integer PCM (format tag 1, or {@code
 * WAVE_FORMAT_EXTENSIBLE} with the PCM sub-format), any number of channels (mixed down to mono by
 * averaging) and any rate; chunks other than {@code fmt } and {@code data} are skipped. A file it
 * cannot read fails with an {@link IOException} whose message names the fault. Writing produces
 * 16-bit mono PCM. Stateless and thread-safe.
 */
public final class Wav {
  /** The size of the header {@link #write} and {@link WavWriter} produce. */
  static final int HEADER_SIZE = 44;

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  private Wav() {}

  /** The file's audio, mono at the file's rate. */
  public static PcmAudio read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /** The file's audio, mono at 8000 Hz: what G.711 sends (resampled when the file differs). */
  public static PcmAudio readNarrowband(Path file) throws IOException {
    return read(file).resampled(PcmAudio.NARROWBAND);
  }

  /** Writes the audio as a 16-bit mono PCM file, replacing any file there. */
  public static void write(Path file, PcmAudio audio) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(HEADER_SIZE + 2 * audio.sampleCount());
    buf.order(ByteOrder.LITTLE_ENDIAN);
    header(buf, audio.sampleRate(), 2 * audio.sampleCount());
    for (int i = 0; i < audio.sampleCount(); i++) {
      buf.putShort(audio.sample(i));
    }
    Files.write(file, buf.array());
  }

  /** A 16-bit mono PCM header for a data chunk of the given size. */
  static void header(ByteBuffer buf, int sampleRate, int dataBytes) {
    buf.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
    buf.put(ascii("fmt ")).putInt(16);
    buf.putShort((short) FORMAT_PCM).putShort((short) 1);
    buf.putInt(sampleRate).putInt(sampleRate * 2);
    buf.putShort((short) 2).putShort((short) 16);
    buf.put(ascii("data")).putInt(dataBytes);
  }

  /** Decodes the bytes of a file; {@code name} is used in fault messages. */
  static PcmAudio decode(byte[] bytes, String name) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(buf, 0).equals("RIFF") || !tag(buf, 8).equals("WAVE")) {
      throw new IOException(name + ": not a RIFF WAVE file");
    }
    int pos = 12;
    Format format = null;
    while (pos + 8 <= bytes.length) {
      String id = tag(buf, pos);
      long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
      int body = pos + 8;
      if (id.equals("fmt ")) {
        format = format(buf, body, size, name);
      } else if (id.equals("data")) {
        if (format == null) {
          throw new IOException(name + ": data chunk before the fmt chunk");
        }
        // A writer that died before patching the size leaves 0 or 0xFFFFFFFF: take what is there.
        int available = bytes.length - body;
        int length = size == 0 || size > available ? available : (int) size;
        return samples(buf, body, length, format);
      }
      long next = body + size + (size & 1);
      if (next > bytes.length) {
        break;
      }
      pos = (int) next;
    }
    throw new IOException(name + (format == null ? ": no fmt chunk" : ": no data chunk"));
  }

  private record Format(int channels, int sampleRate, int bitsPerSample) {
    int frameBytes() {
      return channels * (bitsPerSample / 8);
    }
  }

  private static Format format(ByteBuffer buf, int at, long size, String name) throws IOException {
    if (size < 16 || at + 16 > buf.limit()) {
      throw new IOException(name + ": fmt chunk shorter than 16 bytes");
    }
    int tag = buf.getShort(at) & 0xFFFF;
    int channels = buf.getShort(at + 2) & 0xFFFF;
    int rate = buf.getInt(at + 4);
    int bits = buf.getShort(at + 14) & 0xFFFF;
    if (tag == FORMAT_EXTENSIBLE && size >= 40 && at + 26 <= buf.limit()) {
      tag = buf.getShort(at + 24) & 0xFFFF; // first two bytes of the sub-format GUID
    }
    if (tag != FORMAT_PCM) {
      throw new IOException(name + ": format tag " + tag + " is not integer PCM (1)");
    }
    if (channels < 1) {
      throw new IOException(name + ": no channels");
    }
    if (rate <= 0) {
      throw new IOException(name + ": sample rate " + Integer.toUnsignedString(rate) + " is invalid");
    }
    if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
      throw new IOException(name + ": " + bits + " bits per sample; 8, 16, 24 or 32 are supported");
    }
    return new Format(channels, rate, bits);
  }

  private static PcmAudio samples(ByteBuffer buf, int at, int length, Format f) {
    int frames = length / f.frameBytes();
    int width = f.bitsPerSample() / 8;
    short[] out = new short[frames];
    for (int i = 0; i < frames; i++) {
      long sum = 0;
      for (int ch = 0; ch < f.channels(); ch++) {
        sum += sample16(buf, at + i * f.frameBytes() + ch * width, f.bitsPerSample());
      }
      out[i] = (short) (sum / f.channels());
    }
    return PcmAudio.wrap(f.sampleRate(), out);
  }

  /** One sample scaled to 16 bits: 8-bit WAV is unsigned, wider ones signed little-endian. */
  private static int sample16(ByteBuffer buf, int at, int bits) {
    switch (bits) {
      case 8:
        return ((buf.get(at) & 0xFF) - 128) << 8;
      case 16:
        return buf.getShort(at);
      case 24:
        return buf.getShort(at + 1);
      default:
        return buf.getShort(at + 2);
    }
  }

  private static String tag(ByteBuffer buf, int at) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      c[i] = (char) (buf.get(at + i) & 0xFF);
    }
    return new String(c);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
