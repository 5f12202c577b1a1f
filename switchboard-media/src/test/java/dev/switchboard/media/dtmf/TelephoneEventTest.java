// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

  @Test
  void encodesEventEndBitVolumeAndDuration() {
    // RFC 4733 section 2.3: event 11 (#), E set, volume 10, duration 800.
    assertThat(new TelephoneEvent(11, true, 10, 800).encode()).containsExactly(0x0B, 0x8A, 0x03, 0x20);
    assertThat(TelephoneEvent.decode(new byte[] {0x0B, (byte) 0x8A, 0x03, 0x20}).value())
        .isEqualTo(new TelephoneEvent(11, true, 10, 800));
  }

  @Test
  void decodeIgnoresTheReservedBitAndRejectsOtherLengths() {
    assertThat(TelephoneEvent.decode(new byte[] {1, 0x40, 0, 1}).value())
        .isEqualTo(new TelephoneEvent(1, false, 0, 1));
    assertThat(TelephoneEvent.decode(new byte[3]).isOk()).isFalse();
  }

  @Test
  void mapsDtmfSymbolsToEventCodes() {
    // RFC 4733 section 3.2.
    assertThat("0123456789*#ABCD!".chars().map(c -> TelephoneEvent.eventCode((char) c)).toArray())
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(TelephoneEvent.eventCode('d')).isEqualTo(15);
    assertThat(TelephoneEvent.eventCode('x')).isEqualTo(-1);
    assertThat(TelephoneEvent.symbol(11)).isEqualTo('#');
  }

  @Test
  void senderSendsUpdatesThenThreeEndPacketsWithOneTimestampAndMarkerOnFirst() {
    // RFC 4733 sections 2.5.1.2 to 2.5.1.4: 100 ms digit at 20 ms intervals.
    DtmfSender s = new DtmfSender(160, 10);
    CompletableFuture<Void> done = s.enqueue("5", 800);
    List<DtmfSender.Packet> sent = new ArrayList<>();
    for (long ts = 1000; sent.size() < 7; ts += 160) {
      s.next(ts).ifPresent(sent::add);
    }
    assertThat(sent).extracting(DtmfSender.Packet::timestamp).containsOnly(1000L);
    assertThat(sent).extracting(DtmfSender.Packet::marker)
        .containsExactly(true, false, false, false, false, false, false);
    assertThat(sent).extracting(p -> p.event().duration())
        .containsExactly(160, 320, 480, 640, 800, 800, 800);
    assertThat(sent).extracting(p -> p.event().end())
        .containsExactly(false, false, false, false, true, true, true);
    assertThat(sent.get(6).completes()).contains(done);
    assertThat(sent.subList(0, 6)).allMatch(p -> p.completes().isEmpty());
    assertThat(s.busy()).isFalse();
  }

  @Test
  void senderLeavesAGapBetweenDigitsAndStartsEachAtItsOwnTimestamp() {
    DtmfSender s = new DtmfSender(160, 10);
    s.enqueue("12", 160);
    List<Optional<DtmfSender.Packet>> ticks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ticks.add(s.next(160L * i));
    }
    assertThat(ticks.get(0).get().event().event()).isEqualTo(1);
    assertThat(ticks.get(0).get().event().end()).isTrue();
    assertThat(ticks.subList(3, 5)).allMatch(Optional::isEmpty);
    assertThat(ticks.get(5).get().event().event()).isEqualTo(2);
    assertThat(ticks.get(5).get().timestamp()).isEqualTo(800);
    assertThat(ticks.get(5).get().marker()).isTrue();
  }

  @Test
  void senderRejectsNonDtmfCharacters() {
    assertThatThrownBy(() -> new DtmfSender(160, 10).enqueue("1x", 800))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a DTMF symbol: 'x'");
  }

  @Test
  void senderCancelFailsPendingDigits() {
    DtmfSender s = new DtmfSender(160, 10);
    CompletableFuture<Void> done = s.enqueue("99", 800);
    s.next(0);
    s.cancel(new IllegalStateException("closed"));
    assertThat(done).isCompletedExceptionally();
    assertThat(s.next(160)).isEmpty();
  }

  @Test
  void receiverReportsEachDigitOnceDespiteRetransmittedEnds() {
    DtmfReceiver r = new DtmfReceiver();
    List<DtmfDigit> got = new ArrayList<>();
    got.addAll(r.accept(new TelephoneEvent(1, false, 10, 160), 500));
    got.addAll(r.accept(new TelephoneEvent(1, false, 10, 320), 500));
    got.addAll(r.accept(new TelephoneEvent(1, true, 10, 480), 500));
    got.addAll(r.accept(new TelephoneEvent(1, true, 10, 480), 500));
    got.addAll(r.accept(new TelephoneEvent(1, true, 10, 480), 500));
    got.addAll(r.accept(new TelephoneEvent(1, true, 10, 480), 1200)); // same digit pressed again
    assertThat(got).containsExactly(new DtmfDigit('1', 1, 480), new DtmfDigit('1', 1, 480));
  }

  @Test
  void receiverReportsADigitWhoseEndPacketsWereLostWhenTheNextStarts() {
    // RFC 4733 section 2.5.2.2.
    DtmfReceiver r = new DtmfReceiver();
    assertThat(r.accept(new TelephoneEvent(10, false, 10, 320), 100)).isEmpty();
    assertThat(r.accept(new TelephoneEvent(11, false, 10, 160), 900))
        .containsExactly(new DtmfDigit('*', 10, 320));
    assertThat(r.accept(new TelephoneEvent(10, true, 10, 320), 100)).isEmpty(); // late end of '*'
  }

  @Test
  void receiverIgnoresNonDtmfEvents() {
    assertThat(new DtmfReceiver().accept(new TelephoneEvent(36, true, 0, 800), 1)).isEmpty();
  }
}
