// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The I/O threads of RTP sessions: a Netty event loop group, and the factory of {@link
 * RtpSession}s bound on it.
 *
 * <p>Media has its own threads, apart from the SIP transport's, so that packet pacing is never
 * delayed by signalling work and the other way round. One thread carries many G.711 calls (50
 * small packets a second each); each session stays on one thread for its life. Thread-safe;
 * close it after the sessions it opened.
 */
public final class MediaEngine implements AutoCloseable {
  private final EventLoopGroup group;

  private MediaEngine(EventLoopGroup group) {
    this.group = group;
  }

  /** An engine with one I/O thread. */
  public static MediaEngine create() {
    return create(1);
  }

  /** An engine with the given number of I/O threads. */
  public static MediaEngine create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    return new MediaEngine(new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()));
  }

  /**
   * Binds a session to a local UDP address; port 0 picks a free port ({@link
   * RtpSession#localAddress()} tells which). Blocks until bound: call it off I/O threads.
   *
   * @throws IOException when the address cannot be bound
   */
  public RtpSession open(InetSocketAddress local) throws IOException {
    RtpSession.Handler handler = new RtpSession.Handler();
    ChannelFuture bound =
        new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(handler).bind(local);
    bound.awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new IOException("cannot bind RTP to " + local + ": " + bound.cause().getMessage(), bound.cause());
    }
    Channel channel = bound.channel();
    return new RtpSession(channel, handler);
  }

  /** Stops the I/O threads; sessions still open are closed with their channels. Blocks briefly. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
