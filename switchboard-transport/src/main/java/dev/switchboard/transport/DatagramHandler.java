// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives datagrams on one UDP listener: each datagram is one message (section 18.3).
 *
 * <p>Every callback runs on the listener's event loop, so one listener's messages are handled in
 * order on one thread.
 */
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger log = LoggerFactory.getLogger(DatagramHandler.class);

  private final MessageIntake intake;
  private final TransportStats stats;
  private final DatagramFilter filter;
  private final BiConsumer<SipResponse, Flow> reply;

  /**
   * @param reply routes an error response the transport made itself (section 18.2.2)
   */
  DatagramHandler(
      MessageIntake intake,
      TransportStats stats,
      DatagramFilter filter,
      BiConsumer<SipResponse, Flow> reply) {
    this.intake = intake;
    this.stats = stats;
    this.filter = filter;
    this.reply = reply;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    byte[] bytes = ByteBufUtil.getBytes(packet.content());
    InetSocketAddress sender = packet.sender();
    if (!filter.pass(DatagramFilter.Direction.INBOUND, sender, bytes)) {
      stats.countFiltered();
      return;
    }
    if (isKeepAlive(bytes)) {
      // CRLF-only datagrams are keep-alives some clients send to hold a NAT binding open.
      return;
    }
    Flow flow = new Flow(Transport.UDP, (InetSocketAddress) ctx.channel().localAddress(), sender);
    intake.accept(bytes, 0, bytes.length, flow, false, r -> reply.accept(r, flow));
  }

  private static boolean isKeepAlive(byte[] bytes) {
    for (byte b : bytes) {
      if (b != '\r' && b != '\n') {
        return false;
      }
    }
    return bytes.length > 0;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A UDP socket reports ICMP unreachable and the like here; the listener stays open.
    log.debug("error on {}: {}", ctx.channel(), cause.toString());
  }
}
