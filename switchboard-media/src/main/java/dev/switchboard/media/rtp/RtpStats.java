// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.rtp;

/**
 * Counters of one RTP session at one moment. Immutable.
 *
 * @param packetsSent RTP packets sent, audio and telephone-events
 * @param packetsReceived well-formed RTP packets received
 * @param malformed datagrams that were not RTP
 * @param discarded well-formed packets not used: unknown payload type, duplicate, too late, or
 *     received while the direction says we do not receive
 * @param samplesRecorded samples written to the recording
 * @param digitsReceived DTMF digits reported to the listener
 */
public record RtpStats(
    long packetsSent,
    long packetsReceived,
    long malformed,
    long discarded,
    long samplesRecorded,
    long digitsReceived) {}
