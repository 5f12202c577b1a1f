// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.Flow;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transport.Transport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of the target set (section 16.5): the Request-URI a branch is sent with, the Path
 * of the binding it came from (RFC 3327) and the flow the binding registered over (RFC 5626
 * section 5.2), which decide the next hop before the Request-URI does.
 *
 * @param requestUri the Request-URI of the branch
 * @param path Route values to put in front of the request's own, first hop first
 * @param flow where the binding's REGISTER came from: requests go back over that flow
 * @param outboundProxy where to send the request instead of resolving its Request-URI
 * @param q the preference, 0 to 1, for sequential forking
 */
public record Target(
    SipUri requestUri, List<Address> path, Optional<Hop> flow, Optional<SipUri> outboundProxy, double q) {
  public Target {
    Objects.requireNonNull(requestUri, "requestUri");
    path = List.copyOf(path);
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(outboundProxy, "outboundProxy");
  }

  /** A target reached by its URI alone. */
  public static Target of(SipUri uri) {
    return new Target(uri, List.of(), Optional.empty(), Optional.empty(), 1.0);
  }

  /** A target reached through an outbound proxy, when one is given. */
  public static Target through(SipUri uri, Optional<SipUri> outboundProxy) {
    return new Target(uri, List.of(), Optional.empty(), outboundProxy, 1.0);
  }

  /** The target for a registered binding; empty when its contact is not a SIP URI. */
  public static Optional<Target> of(Binding b) {
    if (!(Uri.parse(b.contact()) instanceof ParseResult.Parsed<Uri> p) || !(p.value() instanceof SipUri uri)) {
      return Optional.empty();
    }
    List<Address> path = new ArrayList<>();
    for (String value : b.path()) {
      if (Address.parse(value) instanceof ParseResult.Parsed<Address> a) {
        path.add(a.value());
      }
    }
    return Optional.of(new Target(uri, path, hopOf(b.flow()), Optional.empty(), b.q()));
  }

  /** The flow as a hop: its transport and the source address the REGISTER came from. */
  static Optional<Hop> hopOf(Flow flow) {
    Optional<Transport> t = Transport.of(flow.transport());
    String source = flow.source();
    int colon = source.lastIndexOf(':');
    if (t.isEmpty() || colon < 0) {
      return Optional.empty();
    }
    String host = source.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    ParseResult<Host> h = Host.parse(host);
    if (!(h instanceof ParseResult.Parsed<Host> parsed) || parsed.value().inetAddress().isEmpty()) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(source.substring(colon + 1));
      return Optional.of(new Hop(t.get(), new InetSocketAddress(parsed.value().inetAddress().get(), port)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
