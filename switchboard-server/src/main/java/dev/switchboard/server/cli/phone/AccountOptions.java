// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import picocli.CommandLine.Option;

/** The options that say who the phone is and where its server is. */
final class AccountOptions {
  @Option(
      names = "--server",
      paramLabel = "HOST:PORT",
      description = "The server (registrar and proxy) every request goes through, e.g. 127.0.0.1:5060.")
  String server;

  @Option(names = "--user", paramLabel = "NAME", description = "Our user name, the user part of sip:NAME@DOMAIN.")
  String user;

  @Option(names = "--password", paramLabel = "PW", description = "The digest password, used when challenged.")
  String password;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "The domain of our address (default: the server's host).")
  String domain;

  @Option(
      names = "--listen",
      paramLabel = "udp:IP:PORT",
      description = "Where to listen for SIP (default: udp on the server's address, a free port).")
  String listen;
}
