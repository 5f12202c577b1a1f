// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli;

import dev.switchboard.server.SipServer;
import dev.switchboard.server.config.ConfigBuilder;
import dev.switchboard.server.config.ConfigException;
import dev.switchboard.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code switchboard serve}: runs the server until SIGTERM or SIGINT, then shuts down gracefully.
 * Settings come from defaults, then {@code --config FILE}, then the flags here.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the SIP server.",
      "Without flags: UDP and TCP on port 5060 of all interfaces, data in ./data."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--listen",
      paramLabel = "TRANSPORT:ADDRESS:PORT",
      description = "Where to listen, e.g. udp:127.0.0.1:5060, tcp:[::1]:5060, tls:127.0.0.1:5061. Repeatable.")
  List<String> listen;

  @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default ./data).")
  Path data;

  @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file; flags override it.")
  Path config;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "TLS certificate chain (default: self-signed, in the data folder).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "TLS private key, with --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "A domain served by the registrar (host name or address). Repeatable. Default: localhost, also reached by this host's names and addresses.")
  List<String> domains;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "Any config-file setting, e.g. --set registrar.min-expires=30s. Repeatable.")
  List<String> sets;

  @Override
  public Integer call() {
    ServerConfig cfg;
    try {
      cfg = config();
    } catch (ConfigException e) {
      return fail(e.getMessage(), 2);
    }
    SipServer server;
    try {
      server = SipServer.start(cfg);
    } catch (SipServer.StartException e) {
      return fail(e.getMessage(), 1);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and SIGINT run shutdown hooks: stop accepting, let transactions finish, exit 0.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close(cfg.shutdownGrace());
                  stopped.countDown();
                },
                "switchboard-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private ServerConfig config() throws ConfigException {
    ConfigBuilder b = new ConfigBuilder();
    if (config != null) {
      b.applyYaml(config);
    }
    if (listen != null && !listen.isEmpty()) {
      b.listen(listen, "--listen");
    }
    if (domains != null && !domains.isEmpty()) {
      b.domains(domains, "--domain");
    }
    if (sets != null) {
      for (String s : sets) {
        b.setFromFlag(s);
      }
    }
    if (data != null) {
      b.set("data", data.toString(), "--data");
    }
    if (tlsCert != null) {
      b.set("tls.certificate", tlsCert.toString(), "--tls-cert");
    }
    if (tlsKey != null) {
      b.set("tls.key", tlsKey.toString(), "--tls-key");
    }
    return b.build();
  }

  private int fail(String message, int code) {
    spec.commandLine().getErr().println("switchboard serve: " + message);
    spec.commandLine().getErr().flush();
    return code;
  }
}
