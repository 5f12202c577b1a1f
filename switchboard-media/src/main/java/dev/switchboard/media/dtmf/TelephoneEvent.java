// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.dtmf;

import dev.switchboard.media.Decoding;

/**
 * The four-byte payload of a telephone-event RTP packet (RFC 4733 section 2.3):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Also maps the DTMF symbols to event codes (RFC 4733 section 3.2): {@code 0}-{@code 9} are 0-9,
 * {@code *} 10, {@code #} 11, {@code A}-{@code D} 12-15, and flash, written {@code !}, 16.
 * Immutable.
 *
 * @param event the event code, 0 to 255
 * @param end the E bit: this packet reports the end of the event
 * @param volume the power level in -dBm0, 0 to 63 (DTMF only)
 * @param duration the duration so far, in RTP timestamp units, 0 to 65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

  /** The payload length. */
  public static final int LENGTH = 4;

  /** The SDP encoding name. */
  public static final String ENCODING = "telephone-event";

  /** The highest DTMF event code: flash. */
  public static final int FLASH = 16;

  private static final String SYMBOLS = "0123456789*#ABCD!";

  /** Checks the ranges. */
  public TelephoneEvent {
    if (event < 0 || event > 255) {
      throw new IllegalArgumentException("event out of range 0-255: " + event);
    }
    if (volume < 0 || volume > 63) {
      throw new IllegalArgumentException("volume out of range 0-63: " + volume);
    }
    if (duration < 0 || duration > 0xFFFF) {
      throw new IllegalArgumentException("duration out of range 0-65535: " + duration);
    }
  }

  /** The payload bytes; the reserved bit is 0. */
  public byte[] encode() {
    return new byte[] {
      (byte) event,
      (byte) ((end ? 0x80 : 0) | volume),
      (byte) (duration >> 8),
      (byte) duration
    };
  }

  /** Decodes a payload; more than four bytes is malformed (RFC 4733 section 2.3 has no padding). */
  public static Decoding<TelephoneEvent> decode(byte[] payload) {
    if (payload.length != LENGTH) {
      return Decoding.malformed(
          "telephone-event payload is " + payload.length + " bytes, not " + LENGTH);
    }
    int event = payload[0] & 0xFF;
    boolean end = (payload[1] & 0x80) != 0;
    int volume = payload[1] & 0x3F;
    int duration = ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
    return Decoding.ok(new TelephoneEvent(event, end, volume, duration));
  }

  /** The event code of a DTMF symbol (case-insensitive for A-D), or -1 if it is not one. */
  public static int eventCode(char symbol) {
    return SYMBOLS.indexOf(Character.toUpperCase(symbol));
  }

  /** The DTMF symbol of an event code 0-16, or {@code '?'} for other events. */
  public static char symbol(int event) {
    return event >= 0 && event < SYMBOLS.length() ? SYMBOLS.charAt(event) : '?';
  }
}
