// SPDX-License-Identifier: Apache-2.0
/**
 * DTMF as RTP telephone-events (RFC 4733): {@link dev.switchboard.media.dtmf.TelephoneEvent} (the
 * payload), {@link dev.switchboard.media.dtmf.DtmfSender} (which packets to send when), {@link
 * dev.switchboard.media.dtmf.DtmfReceiver} (packets back to digits, each once) and {@link
 * dev.switchboard.media.dtmf.DtmfListener}. The sender and receiver are confined to the RTP
 * session's event loop; the values are immutable.
 */
package dev.switchboard.media.dtmf;
