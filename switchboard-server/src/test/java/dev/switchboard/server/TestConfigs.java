// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.server.config.ConfigBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The server configs the integration tests start from; tests add settings before build(). */
public final class TestConfigs {
  private TestConfigs() {}

  /**
   * A server on 127.0.0.1:{@code port} over each of {@code transports} ("udp", "tcp"), with its
   * data in {@code data}, serving the domain 127.0.0.1, with the default challenges (SHA-256, then
   * MD5).
   */
  public static ConfigBuilder loopback(Path data, int port, String... transports) {
    List<String> listen = new ArrayList<>();
    for (String t : transports) {
      listen.add(t + ":127.0.0.1:" + port);
    }
    return new ConfigBuilder()
        .listen(listen, "test")
        .set("data", data.toString(), "test")
        .domains(List.of("127.0.0.1"), "test");
  }

  /**
   * Like {@link #loopback}, challenging with MD5 only: SIPp, sipsak and baresip 1.0 cannot answer
   * a SHA-256-first challenge.
   */
  public static ConfigBuilder forMd5Clients(Path data, int port, String... transports) {
    return loopback(data, port, transports).set("auth.algorithms", "MD5", "test");
  }
}
