// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.message.header.Address;
import java.util.List;

/** What {@link TargetFinder} decided for a request (section 16.5). */
public sealed interface Targets {
  /**
   * Proxy to these targets.
   *
   * @param targets at least one, highest q first
   * @param offDomain true when they lie outside the served domains (the routing table, another
   *     domain, a preloaded Route): only authenticated local users and trusted peers may go there
   */
  record Forward(List<Target> targets, boolean offDomain) implements Targets {
    public Forward {
      targets = List.copyOf(targets);
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("no targets");
      }
    }
  }

  /** Answer 302 with these Contacts (redirect role, section 8.3). */
  record Redirect(List<Address> contacts) implements Targets {
    public Redirect {
      contacts = List.copyOf(contacts);
    }
  }

  /** Answer with this status: 404, 480 or 416. */
  record Reject(int status, String reason) implements Targets {}
}
