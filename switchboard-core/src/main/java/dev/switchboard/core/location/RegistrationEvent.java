// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import java.util.Objects;

/**
 * A change to the location service, published after the change is applied (RFC 3680 names the same
 * four: registered, refreshed, expired, unregistered).
 */
public sealed interface RegistrationEvent {
  /** The binding as it is after the change, or as it was when it went away. */
  Binding binding();

  /** The address of record that changed. */
  default String aor() {
    return binding().aor();
  }

  /** A new binding. */
  record Added(Binding binding) implements RegistrationEvent {
    /** Checks for null. */
    public Added {
      Objects.requireNonNull(binding, "binding");
    }
  }

  /** An existing binding replaced by a newer REGISTER; {@code previous} is the one it replaced. */
  record Refreshed(Binding previous, Binding binding) implements RegistrationEvent {
    /** Checks for null. */
    public Refreshed {
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(binding, "binding");
    }
  }

  /** A binding that reached its expiry time without a refresh. */
  record Expired(Binding binding) implements RegistrationEvent {
    /** Checks for null. */
    public Expired {
      Objects.requireNonNull(binding, "binding");
    }
  }

  /** A binding removed on request (Expires 0, or a wildcard removal). */
  record Removed(Binding binding) implements RegistrationEvent {
    /** Checks for null. */
    public Removed {
      Objects.requireNonNull(binding, "binding");
    }
  }
}
