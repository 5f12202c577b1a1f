// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts received packets of one source back in sequence-number order, holding a few back to wait
 * for late ones: a simple jitter buffer counted in packets, not time.
 *
 * <p>Sequence numbers are extended to 64 bits across the 16-bit wrap (the idea of RFC 3550
 * appendix A.1): each new number is taken as the one nearest the highest seen. A packet is
 * released once more than {@code depth} packets are held, lowest first; a duplicate, or one older
 * than the last released, is dropped and counted. A new SSRC (the sender restarted) releases
 * everything held and starts over. Not thread-safe: confined to the RTP session's event loop.
 */
public final class ReorderBuffer {
  private final int depth;
  private final TreeMap<Long, RtpPacket> held = new TreeMap<>();
  private boolean started;
  private long ssrc;
  private long highest;
  private long lastReleased = Long.MIN_VALUE;
  private long dropped;

  /**
   * A buffer.
   *
   * @param depth how many packets to hold back, 0 to release each at once
   */
  public ReorderBuffer(int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("negative depth: " + depth);
    }
    this.depth = depth;
  }

  /** Accepts a packet; returns the packets now released, in order. */
  public List<RtpPacket> add(RtpPacket p) {
    List<RtpPacket> out = new ArrayList<>();
    if (started && p.ssrc() != ssrc) {
      out.addAll(drain());
      started = false;
    }
    long ext;
    if (!started) {
      started = true;
      ssrc = p.ssrc();
      ext = p.sequenceNumber();
      highest = ext;
      lastReleased = Long.MIN_VALUE;
    } else {
      ext = extend(p.sequenceNumber());
    }
    if (ext <= lastReleased || held.containsKey(ext)) {
      dropped++;
      return out;
    }
    highest = Math.max(highest, ext);
    held.put(ext, p);
    while (held.size() > depth) {
      out.add(release());
    }
    return out;
  }

  /** Releases every packet held, in order: at a lull in the stream, or at the end. */
  public List<RtpPacket> drain() {
    List<RtpPacket> out = new ArrayList<>(held.size());
    while (!held.isEmpty()) {
      out.add(release());
    }
    return out;
  }

  /** How many packets are held. */
  public int size() {
    return held.size();
  }

  /** How many duplicate or too-late packets were dropped. */
  public long dropped() {
    return dropped;
  }

  private RtpPacket release() {
    var first = held.pollFirstEntry();
    lastReleased = first.getKey();
    return first.getValue();
  }

  /** The 64-bit sequence number nearest the highest seen whose low 16 bits are {@code seq}. */
  private long extend(int seq) {
    long candidate = (highest & ~0xFFFFL) | seq;
    if (candidate - highest > 0x8000) {
      candidate -= 0x10000;
    } else if (highest - candidate > 0x8000) {
      candidate += 0x10000;
    }
    return candidate;
  }
}
