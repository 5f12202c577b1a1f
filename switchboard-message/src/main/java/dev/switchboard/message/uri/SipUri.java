// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import dev.switchboard.message.Parameters;
import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A SIP or SIPS URI, {@code sip:user:password@host:port;uri-parameters?headers} (RFC 3261 §19.1.1).
 *
 * <p>Immutable. User, password, parameter names and values and headers are held unescaped
 * (§19.1.2): {@code sip:%61lice@atlanta.com} has the user {@code "alice"}. {@link #toString()}
 * escapes only what each component does not allow unescaped, so it prints {@code
 * sip:alice@atlanta.com}. Note that {@link #parameters()} therefore holds decoded values, unlike
 * header parameters, which {@link Parameters} keeps as written.
 *
 * <p>{@link #equals} is the comparison of §19.1.4. As the RFC itself points out, that relation is
 * not transitive ({@code sip:carol@chicago.com} equals both {@code ...;security=on} and {@code
 * ...;security=off}, which differ from each other). {@link #hashCode} covers only the parts every
 * equal pair shares: scheme, user, password, host and port.
 */
public final class SipUri implements Uri {
  /** The default port of {@code sip} over UDP, TCP and SCTP (RFC 3261 §19.1.2). */
  public static final int DEFAULT_PORT = 5060;

  /** The default port of {@code sips} and of TLS (RFC 3261 §19.1.2, §26.2). */
  public static final int DEFAULT_TLS_PORT = 5061;

  private final boolean secure;
  private final String user;
  private final String password;
  private final Host host;
  private final int port;
  private final Parameters parameters;
  private final UriHeaders headers;
  private String wire; // cached toString(); racy single-check, safe because String is immutable

  SipUri(
      boolean secure,
      String user,
      String password,
      Host host,
      int port,
      Parameters parameters,
      UriHeaders headers) {
    this.secure = secure;
    this.user = user;
    this.password = password;
    this.host = host;
    this.port = port;
    this.parameters = parameters;
    this.headers = headers;
  }

  /**
   * Parses a SIP or SIPS URI. Faults read {@code "Bad SIP URI: <what is wrong>"}. Whitespace is
   * never allowed (RFC 4475 §3.1.2.8), nor are angle brackets (§3.1.2.7); an IPv6 host must be in
   * brackets (RFC 5118 §4.2).
   */
  public static ParseResult<SipUri> parse(String text) {
    return SipUriParser.parse(Objects.requireNonNull(text, "text"));
  }

  /**
   * {@code sip:user@host:port} built in code.
   *
   * @param user the user, unescaped, or {@code null} for none
   * @param host the host, an IPv6 address with or without brackets
   * @param port the port, or -1 for none
   * @throws IllegalArgumentException when the host or port is invalid
   */
  public static SipUri of(String user, String host, int port) {
    return builder().user(user).host(host).port(port).build();
  }

  /** A builder for a {@code sip:} URI with no parts set; a host is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every part of this URI. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.secure = secure;
    b.user = user;
    b.password = password;
    b.host = host;
    b.port = port;
    b.parameters = parameters;
    b.headers = headers;
    return b;
  }

  /** {@code "sips"} or {@code "sip"}. */
  @Override
  public String scheme() {
    return secure ? "sips" : "sip";
  }

  /** True for a {@code sips:} URI. */
  public boolean isSecure() {
    return secure;
  }

  /** The user, unescaped; {@code null} when the URI has none. */
  public String user() {
    return user;
  }

  /** The password, unescaped; {@code null} when the URI has none. */
  public String password() {
    return password;
  }

  /** The host. */
  public Host host() {
    return host;
  }

  /** The port, or -1 when the URI has none. */
  public int port() {
    return port;
  }

  /** True when the URI gives a port. */
  public boolean hasPort() {
    return port >= 0;
  }

  /**
   * The port, or the default a client would use when there is none: 5061 for {@code sips} or {@code
   * transport=tls}, else 5060 (RFC 3261 §19.1.2; RFC 3263 §4.2 without SRV).
   */
  public int portOrDefault() {
    if (port >= 0) {
      return port;
    }
    boolean tls = secure || transportParam().map(t -> t.equalsIgnoreCase("tls")).orElse(false);
    return tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
  }

  /** Host and port together. */
  public HostPort hostPort() {
    return new HostPort(host, port);
  }

  /** The uri-parameters, names and values unescaped. */
  public Parameters parameters() {
    return parameters;
  }

  /** The headers component, unescaped; empty when there is none. */
  public UriHeaders headers() {
    return headers;
  }

  /** The {@code transport} parameter, as written (compare it without regard to case). */
  public Optional<String> transportParam() {
    return parameters.get("transport");
  }

  /** The {@code user} parameter ({@code phone}, {@code ip}, ...), as written. */
  public Optional<String> userParam() {
    return parameters.get("user");
  }

  /** The {@code method} parameter, as written. */
  public Optional<String> method() {
    return parameters.get("method");
  }

  /** The {@code maddr} parameter (RFC 3261 §19.1.1), checked to be a host when parsed or built. */
  public Optional<Host> maddr() {
    Optional<String> m = parameters.get("maddr");
    if (m.isEmpty()) {
      return Optional.empty();
    }
    ParseResult<Host> h = Host.parse(m.get());
    return h.isParsed() ? Optional.of(h.value()) : Optional.empty();
  }

  /** The {@code ttl} parameter, 0 to 255, or -1 when absent. */
  public int ttl() {
    Optional<String> t = parameters.get("ttl");
    return t.isPresent() ? Integer.parseInt(t.get()) : -1;
  }

  /** True when the URI has the {@code lr} parameter of a loose router (RFC 3261 §19.1.1). */
  public boolean lr() {
    return parameters.contains("lr");
  }

  /** This URI with another user, or none when {@code null}. */
  public SipUri withUser(String newUser) {
    return toBuilder().user(newUser).build();
  }

  /** This URI with another host. */
  public SipUri withHost(Host newHost) {
    return new SipUri(
        secure, user, password, Objects.requireNonNull(newHost, "host"), port, parameters, headers);
  }

  /** This URI with another port, or none when -1. */
  public SipUri withPort(int newPort) {
    checkPort(newPort);
    return newPort == port
        ? this
        : new SipUri(secure, user, password, host, newPort, parameters, headers);
  }

  /**
   * This URI with a parameter set (replaced in place, else appended); a {@code null} value makes a
   * flag such as {@code lr}. The value is unescaped text.
   *
   * @throws IllegalArgumentException for an empty name, or a bad {@code ttl} or {@code maddr}
   */
  public SipUri withParameter(String name, String value) {
    return toBuilder().parameter(name, value).build();
  }

  /** This URI without the named parameter. */
  public SipUri withoutParameter(String name) {
    Parameters p = parameters.without(name);
    return p == parameters ? this : new SipUri(secure, user, password, host, port, p, headers);
  }

  /**
   * This URI without its headers component, as a proxy forwards a Request-URI (RFC 3261 §19.1.5:
   * headers are not allowed there).
   */
  public SipUri withoutHeaders() {
    return headers.isEmpty()
        ? this
        : new SipUri(secure, user, password, host, port, parameters, UriHeaders.empty());
  }

  static void checkPort(int port) {
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Checks the parameters whose values §19.1.1 constrains; {@code null} when all is well, else the
   * fault. Shared by the parser and the builder so both hold the same values to the rules.
   */
  static String checkParameters(Parameters p) {
    for (int i = 0; i < p.size(); i++) {
      String name = p.name(i);
      if (!mustBeInBoth(name)) {
        continue; // only these five have a grammar of their own
      }
      String v = p.value(i);
      if (v == null || v.isEmpty()) {
        return Reasons.printable(name) + " parameter lacks a value";
      }
      if (name.equalsIgnoreCase("ttl") && !isTtl(v)) {
        return "ttl is not 0 to 255";
      }
      if (name.equalsIgnoreCase("maddr") && !Host.parse(v).isParsed()) {
        return "maddr is not a host";
      }
    }
    return null;
  }

  /** {@code ttl = 1*3DIGIT ; 0 to 255}. */
  private static boolean isTtl(String t) {
    if (t.isEmpty() || t.length() > 3) {
      return false;
    }
    int v = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      v = v * 10 + c - '0';
    }
    return v <= 255;
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append(secure ? "sips:" : "sip:");
    if (user != null) {
      UriEscapes.append(sb, user, UriEscapes.Part.USER);
      if (password != null) {
        sb.append(':');
        UriEscapes.append(sb, password, UriEscapes.Part.PASSWORD);
      }
      sb.append('@');
    }
    host.appendTo(sb);
    if (port >= 0) {
      sb.append(':').append(port);
    }
    for (int i = 0; i < parameters.size(); i++) {
      sb.append(';');
      UriEscapes.append(sb, parameters.name(i), UriEscapes.Part.PARAMETER);
      String v = parameters.value(i);
      if (v != null) {
        sb.append('=');
        UriEscapes.append(sb, v, UriEscapes.Part.PARAMETER);
      }
    }
    headers.appendTo(sb);
  }

  /** The wire form, escaped where the grammar needs it. */
  @Override
  public String toString() {
    String w = wire;
    if (w == null) {
      StringBuilder sb = new StringBuilder(32 + host.text().length());
      appendTo(sb);
      w = sb.toString();
      wire = w;
    }
    return w;
  }

  /**
   * The comparison of RFC 3261 §19.1.4.
   *
   * <ul>
   *   <li>{@code sip} and {@code sips} URIs are never equal.
   *   <li>User and password compare case-sensitively, after unescaping; an absent one equals only
   *       an absent one.
   *   <li>Hosts compare as {@link Host#matches}; an absent port never equals an explicit one, not
   *       even 5060.
   *   <li>A parameter present in both must match, names and values without regard to case. A {@code
   *       user}, {@code ttl}, {@code method}, {@code maddr} or {@code transport} parameter present
   *       in only one makes the URIs unequal; any other parameter present in only one is ignored.
   *   <li>Headers must be present in both and match, in any order (see {@link UriHeaders#equals}).
   * </ul>
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof SipUri u
        && secure == u.secure
        && port == u.port
        && Objects.equals(user, u.user)
        && Objects.equals(password, u.password)
        && host.matches(u.host)
        && parametersMatch(parameters, u.parameters)
        && parametersMatch(u.parameters, parameters)
        && headers.equals(u.headers);
  }

  /** One direction of the §19.1.4 parameter rule: every parameter of {@code a} is fine by b. */
  private static boolean parametersMatch(Parameters a, Parameters b) {
    for (int i = 0; i < a.size(); i++) {
      String name = a.name(i);
      if (b.contains(name)) {
        String va = a.value(i);
        String vb = b.get(name).orElse(null);
        if (va == null ? vb != null : !va.equalsIgnoreCase(vb)) {
          return false;
        }
      } else if (mustBeInBoth(name)) {
        return false;
      }
    }
    return true;
  }

  private static boolean mustBeInBoth(String name) {
    return name.equalsIgnoreCase("user")
        || name.equalsIgnoreCase("ttl")
        || name.equalsIgnoreCase("method")
        || name.equalsIgnoreCase("maddr")
        || name.equalsIgnoreCase("transport");
  }

  @Override
  public int hashCode() {
    int h = secure ? 1 : 0;
    h = 31 * h + Objects.hashCode(user);
    h = 31 * h + Objects.hashCode(password);
    h = 31 * h + host.hashCode();
    return 31 * h + port;
  }

  /**
   * Builds a {@link SipUri} in code. All text is unescaped; escaping happens on output. {@link
   * #build()} throws {@link IllegalArgumentException} for a missing host or an invalid part.
   */
  public static final class Builder {
    private boolean secure;
    private String user;
    private String password;
    private Host host;
    private int port = -1;
    private Parameters parameters = Parameters.empty();
    private UriHeaders headers = UriHeaders.empty();

    private Builder() {}

    /** {@code sips} when true, {@code sip} (the default) when false. */
    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    /** The user, or {@code null} for none. */
    public Builder user(String user) {
      if (user != null && user.isEmpty()) {
        throw new IllegalArgumentException("empty user; use null for none");
      }
      this.user = user;
      return this;
    }

    /** The password, or {@code null} for none; it needs a user. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** The host. */
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The host from text: a name, IPv4, or IPv6 with or without brackets. */
    public Builder host(String host) {
      return host(Host.of(host));
    }

    /** The port, or -1 for none. */
    public Builder port(int port) {
      checkPort(port);
      this.port = port;
      return this;
    }

    /** Sets a uri-parameter; a {@code null} value makes a flag. */
    public Builder parameter(String name, String value) {
      if (Objects.requireNonNull(name, "name").isEmpty()) {
        throw new IllegalArgumentException("empty parameter name");
      }
      this.parameters = parameters.with(name, value);
      return this;
    }

    /** Replaces all uri-parameters (unescaped names and values). */
    public Builder parameters(Parameters parameters) {
      this.parameters = Objects.requireNonNull(parameters, "parameters");
      return this;
    }

    /** Appends a header to the headers component. */
    public Builder header(String name, String value) {
      this.headers = headers.with(name, value);
      return this;
    }

    /** Replaces the headers component. */
    public Builder headers(UriHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /** The URI. */
    public SipUri build() {
      if (host == null) {
        throw new IllegalArgumentException("a SIP URI needs a host");
      }
      if (password != null && user == null) {
        throw new IllegalArgumentException("a password needs a user");
      }
      String fault = checkParameters(parameters);
      if (fault != null) {
        throw new IllegalArgumentException(fault);
      }
      return new SipUri(secure, user, password, host, port, parameters, headers);
    }
  }
}
