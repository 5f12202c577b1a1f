// SPDX-License-Identifier: Apache-2.0
/**
 * RTP (RFC 3550) for G.711 audio: {@link dev.switchboard.media.rtp.RtpPacket} (the packet), {@link
 * dev.switchboard.media.rtp.ReorderBuffer} (sequence order), and {@link
 * dev.switchboard.media.rtp.RtpSession} (a call's audio on a UDP port, on Netty), opened by a
 * {@link dev.switchboard.media.rtp.MediaEngine} (the I/O threads). Sessions are thread-safe and
 * confined to one event loop; packets and stats are immutable.
 */
package dev.switchboard.media.rtp;
