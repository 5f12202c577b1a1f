// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a TCP or TLS connection: passes each framed message to the {@link
 * MessageIntake}, answers framing faults and closes, and closes the connection when it has been
 * idle too long.
 *
 * <p>Every callback runs on the connection's event loop.
 */
final class StreamHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);

  private final Transport transport;
  private final MessageIntake intake;
  private final TransportStats stats;
  // Confined to the event loop; set when the connection becomes active.
  private Flow flow;

  StreamHandler(Transport transport, MessageIntake intake, TransportStats stats) {
    this.transport = transport;
    this.intake = intake;
    this.stats = stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    flow =
        new Flow(
            transport,
            (InetSocketAddress) ctx.channel().localAddress(),
            (InetSocketAddress) ctx.channel().remoteAddress());
    stats.countConnectionOpened();
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    stats.countConnectionClosed();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof byte[] bytes) {
      intake.accept(bytes, 0, bytes.length, flow, true, r -> write(ctx, r, false));
    } else if (msg instanceof StreamDecoder.Fault f) {
      // RFC 3261 section 18.3 / RFC 4475: after a framing fault the stream cannot be resynced;
      // answer when the header section allows, then close. An empty head is dropped and counted.
      boolean answered =
          intake.reject(f.head(), 0, f.head().length, f.reason(), f.statusCode(), flow, r -> write(ctx, r, true));
      if (!answered) {
        log.debug("closing {} after framing fault: {}", flow, f.reason());
        ctx.close();
      }
    }
  }

  private void write(ChannelHandlerContext ctx, SipResponse response, boolean thenClose) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(response.encode()))
        .addListener(
            (ChannelFutureListener)
                w -> {
                  if (w.isSuccess()) {
                    stats.countSent();
                  } else {
                    stats.countSendFailure();
                  }
                  if (thenClose) {
                    w.channel().close();
                  }
                });
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      log.debug("closing idle connection {}", flow);
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and failed TLS handshakes are routine on the Internet: log quietly and close.
    log.debug("closing {} after error: {}", flow != null ? flow : ctx.channel(), cause.toString());
    ctx.close();
  }
}
