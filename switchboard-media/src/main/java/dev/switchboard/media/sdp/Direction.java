// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.util.Optional;

/**
 * The direction attribute of a stream (RFC 8866 sections 6.7.1 to 6.7.4), always from the point
 * of view of the party whose description carries it.
 *
 * <p>Offer/answer (RFC 3264 section 6.1) mirrors it: a {@code sendonly} offer is answered {@code
 * recvonly}. {@link #reversed()} is that mirror and {@link #and(Direction)} narrows a direction to
 * what both parties allow.
 */
public enum Direction {
  /** Sends and receives; the default when no direction attribute is present. */
  SENDRECV("sendrecv", true, true),
  /** Sends only; a party putting the other on hold offers this (RFC 3264 section 8.4). */
  SENDONLY("sendonly", true, false),
  /** Receives only. */
  RECVONLY("recvonly", false, true),
  /** Neither sends nor receives. */
  INACTIVE("inactive", false, false);

  private final String attributeName;
  private final boolean sends;
  private final boolean receives;

  Direction(String attributeName, boolean sends, boolean receives) {
    this.attributeName = attributeName;
    this.sends = sends;
    this.receives = receives;
  }

  /** The attribute name, e.g. {@code sendonly}. */
  public String attributeName() {
    return attributeName;
  }

  /** True when the party that states this direction sends media. */
  public boolean sends() {
    return sends;
  }

  /** True when the party that states this direction receives media. */
  public boolean receives() {
    return receives;
  }

  /** The direction with the given flags. */
  public static Direction of(boolean sends, boolean receives) {
    if (sends) {
      return receives ? SENDRECV : SENDONLY;
    }
    return receives ? RECVONLY : INACTIVE;
  }

  /** The same stream seen from the other party: send and receive swap. */
  public Direction reversed() {
    return of(receives, sends);
  }

  /** What is left when both directions must allow it: the flags combined with AND. */
  public Direction and(Direction other) {
    return of(sends && other.sends, receives && other.receives);
  }

  /**
   * The direction to offer when putting the other party on hold (RFC 3264 section 8.4): stop
   * receiving, keep sending if we were.
   */
  public Direction held() {
    return of(sends, false);
  }

  /** The direction to offer when taking the other party off hold: receive again. */
  public Direction resumed() {
    return of(sends, true);
  }

  /** The direction named by an attribute, if the name is one of the four. */
  public static Optional<Direction> fromAttribute(String name) {
    for (Direction d : values()) {
      if (d.attributeName.equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
