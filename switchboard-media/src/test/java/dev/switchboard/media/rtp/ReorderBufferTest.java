// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {

  private static RtpPacket seq(int n) {
    return RtpPacket.of(false, 0, n & 0xFFFF, 160L * n & 0xFFFFFFFFL, 1, new byte[] {(byte) n});
  }

  private static List<Integer> feed(ReorderBuffer b, int... seqs) {
    List<Integer> out = new ArrayList<>();
    for (int s : seqs) {
      b.add(seq(s)).forEach(p -> out.add(p.sequenceNumber()));
    }
    b.drain().forEach(p -> out.add(p.sequenceNumber()));
    return out;
  }

  @Test
  void putsSwappedPacketsBackInOrder() {
    assertThat(feed(new ReorderBuffer(3), 1, 3, 2, 5, 4, 6)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void ordersAcrossTheSequenceNumberWrap() {
    // RFC 3550 appendix A.1: 65535 is followed by 0.
    assertThat(feed(new ReorderBuffer(2), 65534, 0, 65535, 1)).containsExactly(65534, 65535, 0, 1);
  }

  @Test
  void dropsDuplicatesAndPacketsOlderThanWhatWasReleased() {
    ReorderBuffer b = new ReorderBuffer(1);
    assertThat(feed(b, 10, 11, 11, 12, 9, 13)).containsExactly(10, 11, 12, 13);
    assertThat(b.dropped()).isEqualTo(2);
  }

  @Test
  void releasesHeldPacketsWhenTheSsrcChanges() {
    ReorderBuffer b = new ReorderBuffer(3);
    b.add(seq(100));
    b.add(seq(101));
    List<RtpPacket> out = b.add(RtpPacket.of(false, 0, 5, 0, 2, new byte[0]));
    assertThat(out).extracting(RtpPacket::sequenceNumber).containsExactly(100, 101);
    assertThat(b.size()).isEqualTo(1);
  }

  @Test
  void depthZeroReleasesAtOnce() {
    assertThat(new ReorderBuffer(0).add(seq(7))).hasSize(1);
  }
}
