// SPDX-License-Identifier: Apache-2.0
/**
 * The transport layer (RFC 3261 section 18): SIP over UDP, TCP and TLS.
 *
 * <p>The layer above sees {@link dev.switchboard.transport.SipTransport}, {@link
 * dev.switchboard.transport.InboundHandler} and the records {@link
 * dev.switchboard.transport.Inbound} and {@link dev.switchboard.transport.Flow}. {@link
 * dev.switchboard.transport.NettyTransport} implements it on Netty; {@link
 * dev.switchboard.transport.TlsMaterial} supplies its certificate. The package-private classes
 * each do one step:
 *
 * <ul>
 *   <li>{@code MessageIntake}: parse, check, stamp and deliver one received message;
 *   <li>{@code ViaStamp}: {@code received} and {@code rport} on a request's top Via (18.2.1);
 *   <li>{@code ErrorResponder}: a 400/505/513 salvaged from a malformed request (8.2.6.1);
 *   <li>{@code ResponseRouter}: where a response goes without its connection (18.2.2);
 *   <li>{@code StreamDecoder}, {@code StreamHandler}: framing and life of a TCP/TLS connection;
 *   <li>{@code DatagramHandler}: a UDP listener;
 *   <li>{@code Connections}: connection reuse and the connection cap;
 *   <li>{@code EventLoops}, {@code TlsContexts}: epoll or NIO, and the TLS contexts.
 * </ul>
 */
package dev.switchboard.transport;
