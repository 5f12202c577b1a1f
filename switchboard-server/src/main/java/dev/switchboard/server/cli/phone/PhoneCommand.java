// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard phone ...}: a command-line softphone on the user agent of {@code
 * dev.switchboard.core.ua}, with real audio from the media library. Each subcommand prints its
 * steps and the final status with its meaning, and exits 0 on success, 1 when SIP said no (or
 * nothing), 2 for bad arguments.
 */
@Command(
    name = "phone",
    mixinStandardHelpOptions = true,
    description = "A SIP softphone: answer calls, place calls, send MESSAGE, query OPTIONS.",
    subcommands = {
      AnswerCommand.class,
      CallCommand.class,
      MessageCommand.class,
      OptionsCommand.class
    })
public final class PhoneCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Without a subcommand, show what there is. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
