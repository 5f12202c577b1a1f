// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.config;

import java.time.Duration;
import java.util.Optional;

/** Reads durations as people write them in a config file: {@code 500ms}, {@code 4s}, {@code 5m}, {@code 1h}. */
final class Durations {
  private Durations() {}

  /** The duration, or empty when {@code text} is not a whole number followed by ms, s, m or h. */
  static Optional<Duration> parse(String text) {
    String t = text.trim();
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 12) {
      return Optional.empty();
    }
    long n = Long.parseLong(t.substring(0, i));
    return switch (t.substring(i)) {
      case "ms" -> Optional.of(Duration.ofMillis(n));
      case "s" -> Optional.of(Duration.ofSeconds(n));
      case "m" -> Optional.of(Duration.ofMinutes(n));
      case "h" -> Optional.of(Duration.ofHours(n));
      default -> Optional.empty();
    };
  }
}
