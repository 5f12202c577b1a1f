// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import dev.switchboard.media.Decoding;

/**
 * The value of an {@code a=rtpmap} attribute (RFC 8866 section 6.6): which encoding a payload type
 * number stands for, e.g. {@code 101 telephone-event/8000} or {@code 96 opus/48000/2}. Immutable.
 *
 * @param payloadType the RTP payload type, 0 to 127
 * @param encoding the encoding name as written; compare it ignoring case (RFC 4855 section 3)
 * @param clockRate the RTP clock rate in Hz
 * @param channels the number of audio channels, 1 when not written
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

  /** The attribute name. */
  public static final String NAME = "rtpmap";

  /** Checks the ranges and that the encoding name is a token without {@code /}. */
  public RtpMap {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range 0-127: " + payloadType);
    }
    Sdp.requireToken(encoding, "encoding");
    if (encoding.indexOf('/') >= 0) {
      throw new IllegalArgumentException("encoding contains '/': " + encoding);
    }
    if (clockRate <= 0 || channels <= 0) {
      throw new IllegalArgumentException("clock rate and channels must be positive");
    }
  }

  /** True when this maps the named encoding at the given clock rate (the name ignoring case). */
  public boolean is(String encodingName, int rate) {
    return encoding.equalsIgnoreCase(encodingName) && clockRate == rate;
  }

  /** The attribute for this mapping. */
  public Attribute toAttribute() {
    String v = payloadType + " " + encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    return Attribute.of(NAME, v);
  }

  /** Parses the value of an {@code a=rtpmap} attribute, naming the fault when it is malformed. */
  public static Decoding<RtpMap> parse(String value) {
    int space = value.indexOf(' ');
    if (space <= 0) {
      return Decoding.malformed("a=rtpmap needs '<payload type> <encoding>/<clock rate>'");
    }
    int pt = Numbers.parseInt(value.substring(0, space), 0, 127);
    if (pt < 0) {
      return Decoding.malformed("a=rtpmap payload type is not a number 0-127: '"
          + value.substring(0, space) + "'");
    }
    String[] parts = value.substring(space + 1).strip().split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[0].indexOf(' ') >= 0) {
      return Decoding.malformed("a=rtpmap encoding is not '<name>/<clock rate>[/<channels>]': '"
          + value.substring(space + 1) + "'");
    }
    int rate = Numbers.parseInt(parts[1], 1, Integer.MAX_VALUE);
    if (rate < 0) {
      return Decoding.malformed("a=rtpmap clock rate is not a positive number: '" + parts[1] + "'");
    }
    int channels = 1;
    if (parts.length == 3) {
      channels = Numbers.parseInt(parts[2], 1, 255);
      if (channels < 0) {
        return Decoding.malformed("a=rtpmap channel count is not a number 1-255: '"
            + parts[2] + "'");
      }
    }
    return Decoding.ok(new RtpMap(pt, parts[0], rate, channels));
  }
}
