// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 section 5.2): who made the description and which version of it
 * this is.
 *
 * <p>RFC 3264 section 8 requires every later description of a session to keep the username,
 * session id and address, and to increase the version by one: {@link #nextVersion()} does that.
 * The session id is kept as text because only its identity matters and clients send ids beyond
 * the range of {@code long}; the version is an unsigned 64-bit number. Immutable.
 *
 * @param username the login of the originating user, {@code -} when there is none
 * @param sessionId a numeric string that identifies the session
 * @param sessionVersion the version, unsigned
 * @param netType the network type, {@code IN}
 * @param addressType {@code IP4} or {@code IP6}
 * @param address the originating host
 */
public record Origin(
    String username,
    String sessionId,
    long sessionVersion,
    String netType,
    String addressType,
    String address) {

  /** Checks every part is present and free of spaces. */
  public Origin {
    Sdp.requireToken(username, "username");
    Sdp.requireToken(sessionId, "sessionId");
    Sdp.requireToken(netType, "netType");
    Sdp.requireToken(addressType, "addressType");
    Sdp.requireToken(address, "address");
  }

  /** An {@code IN} origin whose address type follows from the address ({@code :} means IP6). */
  public static Origin of(String username, String sessionId, long sessionVersion, String address) {
    Objects.requireNonNull(address, "address");
    return new Origin(
        username, sessionId, sessionVersion, "IN", address.contains(":") ? "IP6" : "IP4", address);
  }

  /** This origin with the version increased by one, for the next description of the session. */
  public Origin nextVersion() {
    return new Origin(username, sessionId, sessionVersion + 1, netType, addressType, address);
  }

  /** The value of the {@code o=} line. */
  public String value() {
    return String.join(
        " ",
        username,
        sessionId,
        Long.toUnsignedString(sessionVersion),
        netType,
        addressType,
        address);
  }
}
