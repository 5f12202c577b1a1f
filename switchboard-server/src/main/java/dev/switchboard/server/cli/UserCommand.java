// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli;

import dev.switchboard.core.users.User;
import dev.switchboard.core.users.UserStore;
import dev.switchboard.core.users.UserStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard user add|remove|passwd|list|import}: manage the accounts in the user store of
 * a data folder, the same folder the server uses. Only HA1 hashes are stored (see {@link
 * UserStore}).
 *
 * <p>Bad input (an invalid name, a duplicate or unknown user, a missing data folder, a bad CSV
 * line) is reported on one line on stderr with exit code 2; a store failure (for example the
 * database file held by another process for too long) with exit code 1.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Manage SIP user accounts in the data folder (stored as HA1 hashes only).",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Remove.class,
      UserCommand.Passwd.class,
      UserCommand.ListUsers.class,
      UserCommand.Import.class
    })
public final class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Without a subcommand, show what there is. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options every subcommand shares. */
  static final class StoreOptions {
    @Option(
        names = "--data",
        paramLabel = "DIR",
        defaultValue = "data",
        description = "The data folder, which must exist (default: ./data).")
    Path data;

    @Option(
        names = "--domain",
        paramLabel = "D",
        defaultValue = "localhost",
        description = "The domain, also the digest realm (default: localhost).")
    String domain;
  }

  /** The base of every subcommand: opens the store and turns failures into one line. */
  abstract static class StoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Override
    public final Integer call() {
      try {
        return run();
      } catch (IllegalArgumentException e) {
        return fail(e.getMessage(), spec.exitCodeOnInvalidInput());
      } catch (UserStoreException e) {
        return fail(e.getMessage(), spec.exitCodeOnExecutionException());
      }
    }

    abstract int run();

    UserStore open() {
      return UserStore.open(store.data);
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    int done(String message) {
      PrintWriter out = out();
      out.println(message);
      out.flush();
      return 0;
    }

    int fail(String message, int exitCode) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": " + message);
      err.flush();
      return exitCode;
    }
  }

  /** A subcommand that sets a password, given on the command line or on stdin. */
  abstract static class PasswordCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The user name, e.g. alice.")
    String name;

    @Option(
        names = "--password",
        paramLabel = "PW",
        description = "The password (visible to other local users; prefer --password-stdin).")
    String password;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of stdin.")
    boolean passwordStdin;

    String password() {
      if (password != null && passwordStdin) {
        throw new IllegalArgumentException("give either --password or --password-stdin, not both");
      }
      if (password != null) {
        return password;
      }
      if (!passwordStdin) {
        throw new IllegalArgumentException(
            "missing password: give --password PW or --password-stdin");
      }
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw new IllegalArgumentException("no password on stdin");
        }
        return line;
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read stdin: " + e.getMessage(), e);
      }
    }
  }

  /** {@code user add NAME}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
  static final class Add extends PasswordCommand {
    @Override
    int run() {
      String pw = password();
      try (UserStore users = open()) {
        users.add(name, store.domain, pw);
      }
      return done("added " + name + "@" + store.domain);
    }
  }

  /** {@code user passwd NAME}. */
  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Change a user's password.")
  static final class Passwd extends PasswordCommand {
    @Override
    int run() {
      String pw = password();
      try (UserStore users = open()) {
        users.setPassword(name, store.domain, pw);
      }
      return done("changed the password of " + name + "@" + store.domain);
    }
  }

  /** {@code user remove NAME}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
  static final class Remove extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The user name, e.g. alice.")
    String name;

    @Override
    int run() {
      try (UserStore users = open()) {
        users.remove(name, store.domain);
      }
      return done("removed " + name + "@" + store.domain);
    }
  }

  /** {@code user list}: every user of every domain, one {@code name@domain} a line. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List every user as name@domain, by domain then name (--domain is ignored).")
  static final class ListUsers extends StoreCommand {
    @Override
    int run() {
      List<User> all;
      try (UserStore users = open()) {
        all = users.list();
      }
      PrintWriter out = out();
      all.forEach(out::println);
      out.flush();
      return 0;
    }
  }

  /** {@code user import FILE.csv}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Add many users from a CSV file, one name,password[,domain] a line; all or none.",
        "The domain defaults to --domain. Blank lines and lines starting with # are skipped."
      })
  static final class Import extends StoreCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8).")
    Path file;

    @Override
    int run() {
      int added;
      try (UserStore users = open()) {
        added = users.importCsv(file, store.domain);
      }
      return done("imported " + added + (added == 1 ? " user" : " users"));
    }
  }
}
