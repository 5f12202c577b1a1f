// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import java.io.IOException;

/** Opens {@link Peers}' helpers to the test packages below this one. */
public final class PeersAccess {
  private PeersAccess() {}

  /** A UDP port free now on 127.0.0.1. */
  public static int freeUdpPort() throws IOException {
    return Peers.freeUdpPort();
  }
}
