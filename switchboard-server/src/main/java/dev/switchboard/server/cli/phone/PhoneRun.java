// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.server.SipServer;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.Transport;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every phone subcommand shares: checking the account options, making the user agent,
 * printing steps, and turning outcomes into exit codes (0 success, 1 failure, 2 bad arguments).
 *
 * <p>Runs on the command's main thread, which may block waiting for the user agent's futures.
 */
abstract class PhoneRun implements Callable<Integer> {
  /** Exit code when SIP refused or nothing answered. */
  static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Mixin AccountOptions account;

  /** A bad argument found after parsing. */
  static final class BadArgument extends Exception {
    private static final long serialVersionUID = 1L;

    BadArgument(String message) {
      super(message);
    }
  }

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (BadArgument e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": " + e.getMessage());
      err.flush();
      return spec.exitCodeOnInvalidInput();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    } catch (Exception e) {
      return fail(spec.name() + " failed: " + e.getMessage());
    }
  }

  abstract int run() throws Exception;

  /** Prints one step on stdout. */
  void step(String line) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(line);
    out.flush();
  }

  /** Prints the failure on stderr and returns {@link #FAILED}. */
  int fail(String line) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(line);
    err.flush();
    return FAILED;
  }

  /** {@code "486 Busy Here — the callee is busy"}, or "no answer (timeout)" for a local 408. */
  static String status(Exchange x) {
    String s = dev.switchboard.core.ua.Statuses.describe(x.statusCode(), x.response().reasonPhrase());
    return x.local() ? s + " (no response; reported locally)" : s;
  }

  /** The server as a SIP URI, if given. */
  Optional<SipUri> server() throws BadArgument {
    if (account.server == null) {
      return Optional.empty();
    }
    String text = account.server.startsWith("sip:") ? account.server : "sip:" + account.server;
    var parsed = SipUri.parse(text);
    if (!parsed.isParsed() || parsed.value().user() != null) {
      throw new BadArgument("--server '" + account.server + "' must look like 127.0.0.1:5060");
    }
    return Optional.of(parsed.value());
  }

  /** A SIP URI argument, checked. */
  static SipUri uri(String what, String text) throws BadArgument {
    var parsed = SipUri.parse(text);
    if (!parsed.isParsed()) {
      throw new BadArgument(what + " '" + text + "' is not a SIP URI (e.g. sip:bob@127.0.0.1)");
    }
    return parsed.value();
  }

  /** The user name; required unless {@code fallback} is given. */
  String user(String fallback) throws BadArgument {
    if (account.user != null) {
      if (!account.user.matches("[A-Za-z0-9._~!$&'()*+,;=-]+")) {
        throw new BadArgument("--user '" + account.user + "' is not a valid SIP user name");
      }
      return account.user;
    }
    if (fallback == null) {
      throw new BadArgument("--user is required");
    }
    return fallback;
  }

  /** Where to listen: --listen, else UDP on the server's (or the target's) address, a free port. */
  ListenPoint listenPoint(SipUri near) throws BadArgument {
    if (account.listen != null) {
      var parsed = ListenPoint.parse(account.listen);
      if (!parsed.isParsed()) {
        throw new BadArgument(((dev.switchboard.message.parse.ParseResult.Malformed<?>) parsed).reason());
      }
      return parsed.value();
    }
    InetAddress host = near.host().inetAddress().orElse(InetAddress.getLoopbackAddress());
    if (host.isAnyLocalAddress()) {
      host = InetAddress.getLoopbackAddress();
    }
    return new ListenPoint(Transport.UDP, new InetSocketAddress(host, 0));
  }

  /** The user agent for these options, started; the caller closes it. */
  UserAgent userAgent(String user, SipUri near, dev.switchboard.core.ua.UaListener listener) throws Exception {
    Optional<SipUri> server = server();
    String domain = account.domain != null ? account.domain : near.host().text();
    UserAgent.Builder b = UserAgent.builder(user, domain)
        .listen(listenPoint(near))
        .product("Switchboard-phone/" + SipServer.PRODUCT.substring(SipServer.PRODUCT.indexOf('/') + 1))
        .listener(listener);
    if (account.password != null) {
      b.password(account.password);
    }
    if (server.isPresent()) {
      b.outboundProxy(server.get().toString());
    }
    UserAgent ua = b.build().start();
    step("listening on " + ua.listening().get(0) + " as " + ua.aor().uri());
    return ua;
  }
}
