// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.uri.SipUri;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard phone options URI}: asks a server or phone what it supports (RFC 3261 section
 * 11) and prints its Allow, Accept and Supported. No answer within the transaction timeout means
 * the target is unreachable (exit 1).
 */
@Command(name = "options", mixinStandardHelpOptions = true, description = "Query URI's capabilities with OPTIONS.")
final class OptionsCommand extends PhoneRun {
  @Parameters(index = "0", paramLabel = "URI", description = "What to ask, e.g. sip:127.0.0.1:5060.")
  String target;

  @Override
  int run() throws Exception {
    SipUri to = uri("URI", target);
    String user = user("phone");
    try (UserAgent ua = userAgent(user, server().orElse(to), new UaListener() {})) {
      step("OPTIONS " + to);
      Exchange x = ua.options(to).get(40, TimeUnit.SECONDS);
      SipResponse r = x.response();
      if (!x.isSuccess()) {
        return fail("options failed: " + status(x));
      }
      step(status(x));
      print("Allow", r.headerLines(HeaderName.ALLOW));
      print("Accept", r.headerLines(HeaderName.ACCEPT));
      print("Supported", r.headerLines(HeaderName.SUPPORTED));
      r.first(HeaderName.SERVER).or(() -> r.first(HeaderName.USER_AGENT))
          .ifPresent(s -> step("Server: " + s.value()));
      return 0;
    }
  }

  private void print(String name, List<String> lines) {
    step(name + ": " + (lines.isEmpty() ? "(none)" : String.join(", ", lines)));
  }
}
