// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.dtmf;

/**
 * Receives the DTMF digits an RTP session decodes from telephone-events. Called on the session's
 * I/O thread, once per digit, in the order the digits were pressed: return quickly and never
 * block.
 */
@FunctionalInterface
public interface DtmfListener {
  /** A digit ended (or a new one started before its end was seen). */
  void onDigit(DtmfDigit digit);
}
