// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.Lexer;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Host;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Via value ({@code v}): {@code SIP/2.0/UDP host[:port];params} (RFC 3261 section 20.42).
 *
 * @param protocol protocol name and version, normally {@code SIP/2.0}
 * @param transport the transport, upper case (UDP, TCP, TLS, SCTP, WS, or an extension)
 * @param host the sent-by host
 * @param port the sent-by port, or -1 when absent
 * @param parameters branch, received, rport, maddr, ttl and extensions, as written
 */
public record Via(String protocol, String transport, Host host, int port, Parameters parameters)
    implements HeaderValue {
  /** The branch prefix of RFC 3261 transactions (section 8.1.1.7). */
  public static final String MAGIC_COOKIE = "z9hG4bK";

  private static final String SIP_2_0 = "SIP/2.0";

  public Via {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(parameters, "parameters");
  }

  /** A {@code SIP/2.0} Via with a branch. */
  public static Via of(String transport, Host host, int port, String branch) {
    return new Via(
        SIP_2_0, transport.toUpperCase(Locale.ROOT), host, port, Parameters.of("branch", branch));
  }

  /** Parses one via-parm. */
  public static ParseResult<Via> parse(String value) {
    Lexer lx = new Lexer(value);
    lx.skipWs();
    String name = lx.token();
    if (name == null || !lx.separator('/')) {
      return ParseResult.malformed("Bad Via: expected SIP/2.0/transport " + lx.where());
    }
    String version = lx.token();
    if (version == null || !lx.separator('/')) {
      return ParseResult.malformed("Bad Via: expected SIP/2.0/transport " + lx.where());
    }
    String transport = lx.token();
    if (transport == null) {
      return ParseResult.malformed("Bad Via: missing transport");
    }
    int before = lx.position();
    lx.skipWs();
    if (lx.position() == before) {
      return ParseResult.malformed("Bad Via: no space before sent-by");
    }
    String hostText = hostText(lx);
    if (hostText == null) {
      return ParseResult.malformed("Bad Via: bad sent-by host " + lx.where());
    }
    ParseResult<Host> host = Host.parse(hostText);
    if (host instanceof ParseResult.Malformed<Host> m) {
      return ParseResult.malformed("Bad Via: " + m.reason());
    }
    int port = -1;
    if (lx.separator(':')) {
      String digits = lx.digits();
      long p = HeaderValues.unsigned(digits, 65535);
      if (p < 0) {
        return ParseResult.malformed("Bad Via: bad port " + lx.where());
      }
      port = (int) p;
    }
    Parameters params = lx.parameters();
    if (params == null) {
      return ParseResult.malformed("Bad Via: bad parameter " + lx.where());
    }
    lx.skipWs();
    if (!lx.atEnd()) {
      return HeaderValues.trailing("Via", lx);
    }
    String fault = checkParameters(params);
    if (fault != null) {
      return ParseResult.malformed("Bad Via: " + fault);
    }
    // Nearly every Via says SIP/2.0; share that string instead of building one per message.
    String protocol =
        name.equalsIgnoreCase("SIP") && version.equals("2.0") ? SIP_2_0 : name + "/" + version;
    return ParseResult.parsed(
        new Via(
            protocol,
            transport.toUpperCase(Locale.ROOT),
            host.value(),
            port,
            params));
  }

  /** The host part of sent-by: a bracketed IPv6 reference or a run of host characters. */
  static String hostText(Lexer lx) {
    String s = lx.input();
    int start = lx.position();
    int i = start;
    if (i < s.length() && s.charAt(i) == '[') {
      int close = s.indexOf(']', i);
      if (close < 0) {
        return null;
      }
      i = close + 1;
    } else {
      while (i < s.length()) {
        char c = s.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
          i++;
        } else {
          break;
        }
      }
    }
    if (i == start) {
      return null;
    }
    lx.position(i);
    return s.substring(start, i);
  }

  private static String checkParameters(Parameters p) {
    Optional<String> ttl = p.get("ttl");
    if (ttl.isPresent() && HeaderValues.unsigned(ttl.get(), 255) < 0) {
      return "ttl must be 0 to 255";
    }
    if (p.contains("branch") && p.get("branch").isEmpty()) {
      return "branch has no value";
    }
    Optional<String> rport = p.get("rport");
    if (rport.isPresent() && HeaderValues.unsigned(rport.get(), 65535) < 0) {
      return "bad rport";
    }
    Optional<String> received = p.get("received");
    if (received.isPresent() && !Host.parse(received.get()).isParsed()) {
      return "bad received address";
    }
    if (p.contains("received") && received.isEmpty()) {
      return "received has no value";
    }
    return null;
  }

  /** The branch parameter, if any. */
  public Optional<String> branch() {
    return parameters.get("branch");
  }

  /** The received parameter, if any. */
  public Optional<String> received() {
    return parameters.get("received");
  }

  /** The rport value, when the parameter carries one. */
  public OptionalInt rport() {
    Optional<String> v = parameters.get("rport");
    return v.isPresent() ? OptionalInt.of(Integer.parseInt(v.get())) : OptionalInt.empty();
  }

  /** True when the sender asked for RFC 3581 symmetric response routing. */
  public boolean hasRport() {
    return parameters.contains("rport");
  }

  /** The maddr parameter, if any. */
  public Optional<String> maddr() {
    return parameters.get("maddr");
  }

  /** True when the branch carries the RFC 3261 magic cookie (section 17.2.3). */
  public boolean isRfc3261Branch() {
    return branch().map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false);
  }

  /** This Via with a parameter set or replaced. */
  public Via withParameter(String name, String value) {
    return new Via(protocol, transport, host, port, parameters.with(name, value));
  }

  /** The sent-by as {@code host[:port]}. */
  public String sentBy() {
    return port < 0 ? host.toString() : host + ":" + port;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(64);
    sb.append(protocol).append('/').append(transport).append(' ').append(host);
    if (port >= 0) {
      sb.append(':').append(port);
    }
    parameters.appendTo(sb);
    return sb.toString();
  }
}
