// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.dtmf;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the stream of telephone-event packets into digits, each reported once.
 *
 * <p>One event is sent as several packets with the same RTP timestamp (RFC 4733 section 2.5.1):
 * updates while the key is held, then the end packet three times. A digit is reported at its
 * first end packet; the retransmissions and late updates with the same timestamp are ignored. If
 * every end packet is lost, the digit is reported when the next event starts (section 2.5.2.2:
 * a new timestamp ends the previous event). Events above 16 (not DTMF) are ignored. Not
 * thread-safe: confined to the RTP session's event loop.
 */
public final class DtmfReceiver {
  /** Timestamp of the event being received; valid while {@code active}. */
  private long currentTimestamp;

  private boolean active;
  private int currentEvent;
  private int currentDuration;

  /** Timestamp of the last event reported; its packets are ignored from then on. */
  private long reportedTimestamp = -1;

  /**
   * Accepts one telephone-event packet and returns the digits it completes (usually none or one;
   * two when it starts a new event while the previous one never ended).
   *
   * @param payload the decoded payload
   * @param rtpTimestamp the packet's RTP timestamp, unsigned 32 bits
   */
  public List<DtmfDigit> accept(TelephoneEvent payload, long rtpTimestamp) {
    if (payload.event() > TelephoneEvent.FLASH || rtpTimestamp == reportedTimestamp) {
      return List.of();
    }
    List<DtmfDigit> out = new ArrayList<>(1);
    if (active && rtpTimestamp != currentTimestamp) {
      out.add(new DtmfDigit(TelephoneEvent.symbol(currentEvent), currentEvent, currentDuration));
      reportedTimestamp = currentTimestamp;
      active = false;
    }
    if (!active) {
      active = true;
      currentTimestamp = rtpTimestamp;
      currentEvent = payload.event();
      currentDuration = 0;
    }
    currentDuration = Math.max(currentDuration, payload.duration());
    if (payload.end()) {
      out.add(new DtmfDigit(TelephoneEvent.symbol(currentEvent), currentEvent, currentDuration));
      reportedTimestamp = currentTimestamp;
      active = false;
    }
    return out;
  }
}
