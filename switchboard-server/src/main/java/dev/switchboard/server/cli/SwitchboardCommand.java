// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code switchboard} command: a SIP registrar, proxy, redirect server and user agent. */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A SIP (RFC 3261) registrar, proxy, redirect server and user agent.",
    subcommands = {ServeCommand.class, ExplainCommand.class, UserCommand.class, dev.switchboard.server.cli.phone.PhoneCommand.class})
public final class SwitchboardCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without a subcommand, show what there is. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The configured command line. A bad argument is reported on one line that names the fault
   * (plus a pointer to --help), never with a stack trace or the full usage text.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SwitchboardCommand());
    // UTF-8 whatever the locale: explain --lang zh must not turn into question marks under LANG=C.
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          PrintWriter err = cmd.getErr();
          err.println(
              "switchboard: "
                  + ex.getMessage()
                  + " (see '"
                  + cmd.getCommandSpec().qualifiedName()
                  + " --help')");
          err.flush();
          return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
    return cl;
  }
}
