// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.message.uri.SipUri;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard phone message URI --text T}: sends one MESSAGE (RFC 3428). */
@Command(name = "message", mixinStandardHelpOptions = true, description = "Send a text MESSAGE (RFC 3428) to URI.")
final class MessageCommand extends PhoneRun {
  @Parameters(index = "0", paramLabel = "URI", description = "Who to send to, e.g. sip:bob@127.0.0.1.")
  String target;

  @Option(names = "--text", paramLabel = "TEXT", required = true, description = "The text to send.")
  String text;

  @Override
  int run() throws Exception {
    SipUri to = uri("URI", target);
    String user = user(null);
    try (UserAgent ua = userAgent(user, server().orElse(to), new UaListener() {})) {
      step("sending MESSAGE to " + to);
      Exchange x = ua.message(to.toString(), text).get(40, TimeUnit.SECONDS);
      if (!x.isSuccess()) {
        return fail("message failed: " + status(x));
      }
      step("delivered: " + status(x));
      return 0;
    }
  }
}
