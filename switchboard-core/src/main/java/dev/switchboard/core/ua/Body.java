// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.header.MediaType;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A message body with its type, as the user agent passes session descriptions around without
 * reading them. Immutable: the bytes are copied in and out.
 *
 * @param type the Content-Type
 * @param content the octets
 */
public record Body(MediaType type, byte[] content) {
  public Body {
    Objects.requireNonNull(type, "type");
    content = Objects.requireNonNull(content, "content").clone();
  }

  /** An {@code application/sdp} body. */
  public static Body sdp(byte[] content) {
    return new Body(MediaType.SDP, content);
  }

  /** The body of {@code m}, if it has one (a body without Content-Type is taken as SDP). */
  public static Optional<Body> of(SipMessage m) {
    if (m.bodyLength() == 0) {
      return Optional.empty();
    }
    return Optional.of(new Body(m.contentType().orElse(MediaType.SDP), m.body()));
  }

  /** True when this is {@code application/sdp}, whatever its parameters. */
  public boolean isSdp() {
    return type.essence().equalsIgnoreCase(MediaType.SDP.essence());
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Body b && b.type.equals(type) && Arrays.equals(b.content, content);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return type.essence() + " (" + content.length + " octets)";
  }
}
