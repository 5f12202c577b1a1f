// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import java.util.Locale;
import java.util.Optional;

/** The transports a SIP message travels over (RFC 3261 section 18). */
public enum Transport {
  UDP(5060, false, false),
  TCP(5060, true, false),
  TLS(5061, true, true);

  private final int defaultPort;
  private final boolean reliable;
  private final boolean secure;

  Transport(int defaultPort, boolean reliable, boolean secure) {
    this.defaultPort = defaultPort;
    this.reliable = reliable;
    this.secure = secure;
  }

  /** The port used when a URI or Via names none: 5060, or 5061 for TLS (section 18.2.2, 19.1.2). */
  public int defaultPort() {
    return defaultPort;
  }

  /** True for stream transports, which need no retransmission (section 17.1.1.2). */
  public boolean isReliable() {
    return reliable;
  }

  /** True for TLS. */
  public boolean isSecure() {
    return secure;
  }

  /** The transport named by a Via or {@code transport=} parameter, in any case. */
  public static Optional<Transport> of(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "UDP" -> Optional.of(UDP);
      case "TCP" -> Optional.of(TCP);
      case "TLS" -> Optional.of(TLS);
      default -> Optional.empty();
    };
  }
}
