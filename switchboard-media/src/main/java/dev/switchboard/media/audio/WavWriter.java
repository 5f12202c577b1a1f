// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 16-bit mono PCM WAV file as samples arrive, for recordings whose length is not known
 * in advance.
 *
 * <p>The header is written first with a data size of 0 and patched by {@link #close()}; a file
 * left unpatched by a crash still reads with {@link Wav}, which takes the data that is there.
 * Samples are buffered and written in blocks of about 100 ms. Not thread-safe: confine each
 * writer to one thread (the RTP session's event loop).
 */
public final class WavWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 1600;

  private final FileChannel channel;
  private final int sampleRate;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private long dataBytes;
  private boolean closed;

  private WavWriter(FileChannel channel, int sampleRate) {
    this.channel = channel;
    this.sampleRate = sampleRate;
  }

  /** Creates or truncates the file and writes its header. */
  public static WavWriter create(Path file, int sampleRate) throws IOException {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
    FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    WavWriter w = new WavWriter(ch, sampleRate);
    try {
      w.writeHeader();
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return w;
  }

  /** The sampling rate of the file. */
  public int sampleRate() {
    return sampleRate;
  }

  /** The number of samples written so far. */
  public long sampleCount() {
    return (dataBytes + buffer.position()) / 2;
  }

  /** Appends samples. */
  public void write(short[] samples) throws IOException {
    if (closed) {
      throw new IllegalStateException("writer is closed");
    }
    for (short s : samples) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      buffer.putShort(s);
    }
  }

  /** Writes what is buffered, patches the sizes in the header and closes the file. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flush();
      writeHeader();
    } finally {
      channel.close();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      dataBytes += channel.write(buffer, Wav.HEADER_SIZE + dataBytes);
    }
    buffer.clear();
  }

  private void writeHeader() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(Wav.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    int size = (int) Math.min(dataBytes, 0xFFFF_FFFFL - 36);
    Wav.header(header, sampleRate, size);
    header.flip();
    long pos = 0;
    while (header.hasRemaining()) {
      pos += channel.write(header, pos);
    }
  }
}
