// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.server.cli.SwitchboardCommand;
import picocli.CommandLine;

/** Process entry point: runs the {@code switchboard} command line and exits with its code. */
public final class Main {
  private Main() {}

  /** Runs {@code switchboard ARGS...}. */
  public static void main(String[] args) {
    System.exit(SwitchboardCommand.commandLine().execute(args));
  }
}
