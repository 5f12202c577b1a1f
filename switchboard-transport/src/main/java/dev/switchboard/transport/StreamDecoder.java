// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.StreamFramer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a TCP or TLS byte stream into messages with a {@link StreamFramer} (section 18.3) and
 * answers RFC 5626 keep-alive pings.
 *
 * <p>Emits a {@code byte[]} per whole message and a {@link Fault} when the stream is broken, after
 * which it discards everything; the next handler answers the fault and closes the connection. The
 * CRLFCRLF ping is answered here with a CRLF pong (RFC 5626 section 4.4.1); lone CRLFs are
 * skipped (section 7.5).
 *
 * <p>Bytes accumulate in a heap buffer so the framer can scan its array in place and remember
 * how far it got: a message dribbled in byte by byte is still scanned about once.
 *
 * <p>Confined to the channel's event loop, as is the framer it owns.
 */
final class StreamDecoder extends ByteToMessageDecoder {
  /**
   * A framing fault.
   *
   * @param reason the fault, fit to be a reason phrase
   * @param statusCode 400 or 513
   * @param head the complete header section when the framer had one, else empty
   */
  record Fault(String reason, int statusCode, byte[] head) {}

  private static final byte[] PONG = {'\r', '\n'};

  /** Copies every read into one growing heap buffer, so {@code array()} is always available. */
  private static final Cumulator HEAP_CUMULATOR =
      (alloc, cumulation, in) -> {
        try {
          if (cumulation.hasArray() && cumulation.refCnt() == 1 && cumulation.maxWritableBytes() >= in.readableBytes()) {
            return cumulation.writeBytes(in);
          }
          ByteBuf heap = alloc.heapBuffer(cumulation.readableBytes() + in.readableBytes());
          heap.writeBytes(cumulation).writeBytes(in);
          cumulation.release();
          return heap;
        } finally {
          in.release();
        }
      };

  // Confined to the channel's event loop.
  private final StreamFramer framer;

  StreamDecoder(int maxMessageSize) {
    this.framer = new StreamFramer(maxMessageSize);
    setCumulator(HEAP_CUMULATOR);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (framer.state() == StreamFramer.State.BAD) {
      in.skipBytes(in.readableBytes());
      return;
    }
    byte[] array = in.array();
    int off = in.arrayOffset() + in.readerIndex();
    StreamFramer.Frame frame = framer.next(array, off, in.readableBytes());
    if (frame instanceof StreamFramer.Message m) {
      out.add(Arrays.copyOfRange(array, off, off + m.length()));
      in.skipBytes(m.length());
    } else if (frame instanceof StreamFramer.KeepAlive k) {
      in.skipBytes(k.length());
      if (k.ping()) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
      }
    } else if (frame instanceof StreamFramer.Fault f) {
      out.add(new Fault(f.reason(), f.statusCode(), Arrays.copyOfRange(array, off, off + f.headerLength())));
      in.skipBytes(in.readableBytes());
    }
  }
}
