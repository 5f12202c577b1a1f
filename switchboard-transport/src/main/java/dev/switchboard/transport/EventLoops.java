// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The event loop group and the channel classes that go with it: native epoll on Linux when its
 * library loads, Java NIO otherwise.
 *
 * @param group the I/O threads
 * @param datagram the UDP channel class
 * @param socket the TCP client channel class
 * @param server the TCP listener channel class
 * @param nativeEpoll true when epoll was chosen
 */
record EventLoops(
    EventLoopGroup group,
    Class<? extends DatagramChannel> datagram,
    Class<? extends SocketChannel> socket,
    Class<? extends ServerSocketChannel> server,
    boolean nativeEpoll) {

  /**
   * Creates the group.
   *
   * @param threads I/O threads; 0 for Netty's default (twice the processors)
   * @param preferNative false to use NIO even where epoll is available
   */
  static EventLoops create(int threads, boolean preferNative) {
    if (preferNative && Epoll.isAvailable()) {
      return new EventLoops(
          new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory()),
          EpollDatagramChannel.class,
          EpollSocketChannel.class,
          EpollServerSocketChannel.class,
          true);
    }
    return new EventLoops(
        new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()),
        NioDatagramChannel.class,
        NioSocketChannel.class,
        NioServerSocketChannel.class,
        false);
  }
}
