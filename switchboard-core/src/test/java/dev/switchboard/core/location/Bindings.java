// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Binding fixtures. */
final class Bindings {
  static final String ALICE = "sip:alice@example.com";
  static final Flow FLOW = new Flow("TCP", "192.0.2.10:5060", "198.51.100.1:5060");

  private Bindings() {}

  static Binding binding(Clock clock, String contact, double q, Duration expires) {
    return binding(clock, contact, q, expires, 1);
  }

  static Binding binding(Clock clock, String contact, double q, Duration expires, long cseq) {
    return new Binding(
        ALICE, contact, q, clock.instant().plus(expires), "call-1", cseq, List.of(), null, null,
        FLOW);
  }
}
