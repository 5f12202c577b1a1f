// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

/**
 * The {@code c=} line (RFC 8866 section 5.7): where media for the session or stream goes.
 * Immutable.
 *
 * @param netType the network type, {@code IN}
 * @param addressType {@code IP4} or {@code IP6}
 * @param address the host, as written (a multicast address keeps its {@code /ttl} suffix)
 */
public record Connection(String netType, String addressType, String address) {

  /** Checks every part is present and free of spaces. */
  public Connection {
    Sdp.requireToken(netType, "netType");
    Sdp.requireToken(addressType, "addressType");
    Sdp.requireToken(address, "address");
  }

  /** An {@code IN} connection whose address type follows from the address ({@code :} means IP6). */
  public static Connection of(String address) {
    Sdp.requireToken(address, "address");
    return new Connection("IN", address.contains(":") ? "IP6" : "IP4", address);
  }

  /**
   * True for the unspecified address. RFC 3264 section 8.4 notes that older clients (RFC 2543)
   * put a party on hold by sending {@code c=IN IP4 0.0.0.0}; nothing may be sent to it.
   */
  public boolean isUnspecified() {
    return address.equals("0.0.0.0") || address.equals("::");
  }

  /** The value of the {@code c=} line. */
  public String value() {
    return netType + " " + addressType + " " + address;
  }
}
