// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.auth.AuthPolicy;
import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.proxy.Forking;
import dev.switchboard.core.proxy.ProxyPolicy;
import dev.switchboard.core.proxy.RedirectPolicy;
import dev.switchboard.core.proxy.RouteRule;
import dev.switchboard.core.proxy.RoutingTable;
import dev.switchboard.core.proxy.StaticHosts;
import dev.switchboard.core.proxy.TrustedPeers;
import dev.switchboard.core.registrar.RegistrarPolicy;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.transport.ListenPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects settings as text from three layers: built-in defaults, a YAML file, command-line flags;
 * a later layer overrides an earlier one setting by setting. {@link #build()} validates the result
 * into a {@link ServerConfig}; every fault is one line naming the setting, where it came from and
 * what is wrong.
 *
 * <p>The YAML layout:
 *
 * <pre>
 * listen: [udp:127.0.0.1:5060, tcp:127.0.0.1:5060, tls:127.0.0.1:5061]
 * data: ./data
 * tls: {certificate: cert.pem, key: key.pem}
 * transport: {idle-timeout: 5m, max-connections: 10000, max-message-size: 65536}
 * timers: {t1: 500ms, t2: 4s, t4: 5s}
 * shutdown-grace: 5s
 * domains: [example.com, 192.0.2.10]     # default: localhost, reached by the host's names and addresses
 * registrar: {min-expires: 60s, max-expires: 24h, default-expires: 1h, third-party: false}
 * auth: {algorithms: "SHA-256, MD5", nonce-lifetime: 5m,
 *        lockout-failures: 5, lockout-window: 1m, lockout-cool-down: 5m}
 * proxy:
 *   record-route: true          # stay on the dialogs it sets up (RFC 3261 section 16.6 item 4)
 *   timer-c: 3m                 # how long an INVITE branch may ring (section 16.6 item 11)
 *   forking: parallel           # or sequential: one contact after another, highest q first
 *   trusted-peers: [192.0.2.20, 198.51.100.0/24]   # neither challenged nor refused as relaying
 *   outbound-proxy: sip:proxy.example.net;transport=tcp   # for other domains; default: RFC 3263
 *   hosts:                      # static host table, consulted before DNS
 *     gw.example.net: tcp:192.0.2.30:5060
 *     partner.example: udp:198.51.100.7:5060
 *   routes:                     # tried in order after the location service; first match wins
 *     "user:+44": sip:gw.example.net;transport=tcp    # Request-URI user starts with +44
 *     "domain:partner.example": sip:partner.example   # Request-URI host is partner.example
 *     "any": sip:gw.example.net                       # everything else
 *   redirect: none              # or all, or a list of served domains answered with 302
 * </pre>
 *
 * <p>A route's target becomes the Request-URI; when it names no user the original user is kept, so
 * with the routes above {@code sip:+44207@example.com} goes to {@code
 * sip:+44207@gw.example.net;transport=tcp}. Requests sent by the routing table or to another
 * domain are forwarded only for authenticated local users and trusted peers.
 *
 * <p>Any setting can also be given on the command line as {@code --set section.name=value}.
 * Lists are written with commas and tables as {@code key=value} pairs, for example {@code --set
 * proxy.hosts=gw.example.net=tcp:192.0.2.30:5060} or {@code --set
 * "proxy.routes=user:+44=sip:gw.example.net, any=sip:gw2.example.net"}.
 */
public final class ConfigBuilder {
  /** The embedded default: UDP and TCP on port 5060 of all IPv4 interfaces. */
  public static final List<String> DEFAULT_LISTEN = List.of("udp:0.0.0.0:5060", "tcp:0.0.0.0:5060");

  private static final Map<String, Set<String>> SECTIONS =
      Map.of(
          "tls", Set.of("certificate", "key"),
          "transport", Set.of("idle-timeout", "max-connections", "max-message-size"),
          "timers", Set.of("t1", "t2", "t4"),
          "registrar", Set.of("min-expires", "max-expires", "default-expires", "third-party"),
          "proxy",
          Set.of(
              "record-route", "timer-c", "forking", "trusted-peers", "outbound-proxy", "hosts", "routes",
              "redirect"),
          "auth",
          Set.of(
              "algorithms", "nonce-lifetime", "lockout-failures", "lockout-window",
              "lockout-cool-down"));
  private static final Set<String> TOP_LEVEL = Set.of("listen", "data", "shutdown-grace");

  private final Map<String, Setting> settings = new java.util.LinkedHashMap<>();
  private List<String> listen = DEFAULT_LISTEN;
  private String listenSource = "default";
  private List<String> domains = List.of();
  private String domainsSource = "default";

  /** A value and where it came from, for error messages. */
  private record Setting(String value, String source) {}

  /** Starts with the built-in defaults. */
  public ConfigBuilder() {
    set("data", "./data", "default");
    set("transport.idle-timeout", "5m", "default");
    set("transport.max-connections", "10000", "default");
    set("transport.max-message-size", "65536", "default");
    set("timers.t1", "500ms", "default");
    set("timers.t2", "4s", "default");
    set("timers.t4", "5s", "default");
    set("shutdown-grace", "5s", "default");
    set("registrar.min-expires", "60s", "default");
    set("registrar.max-expires", "24h", "default");
    set("registrar.default-expires", "1h", "default");
    set("registrar.third-party", "false", "default");
    set("auth.algorithms", "SHA-256, MD5", "default");
    set("auth.nonce-lifetime", "5m", "default");
    set("auth.lockout-failures", "5", "default");
    set("auth.lockout-window", "1m", "default");
    set("auth.lockout-cool-down", "5m", "default");
    set("proxy.record-route", "true", "default");
    set("proxy.timer-c", "3m", "default");
    set("proxy.forking", "parallel", "default");
    set("proxy.trusted-peers", "", "default");
    set("proxy.outbound-proxy", "", "default");
    set("proxy.hosts", "", "default");
    set("proxy.routes", "", "default");
    set("proxy.redirect", "none", "default");
  }

  /**
   * Sets one {@code section.name=value} from the command line's {@code --set}.
   *
   * @throws ConfigException if it is not of that form or names no setting
   */
  public ConfigBuilder setFromFlag(String assignment) throws ConfigException {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set: '" + assignment + "' is not of the form name=value");
    }
    String key = assignment.substring(0, eq).strip();
    int dot = key.indexOf('.');
    boolean known =
        dot < 0
            ? TOP_LEVEL.contains(key)
            : SECTIONS.getOrDefault(key.substring(0, dot), Set.of()).contains(key.substring(dot + 1));
    if (!known) {
      throw new ConfigException("--set: unknown setting '" + key + "'");
    }
    return set(key, assignment.substring(eq + 1).strip(), "--set " + key);
  }

  /** Sets one setting by its dotted name, e.g. {@code timers.t1}. */
  public ConfigBuilder set(String key, String value, String source) {
    settings.put(key, new Setting(value, source));
    return this;
  }

  /** Replaces the listen addresses. */
  public ConfigBuilder listen(List<String> points, String source) {
    this.listen = List.copyOf(points);
    this.listenSource = source;
    return this;
  }

  /** Replaces the served domains. */
  public ConfigBuilder domains(List<String> names, String source) {
    this.domains = List.copyOf(names);
    this.domainsSource = source;
    return this;
  }

  /** Applies a YAML config file over what is set so far. */
  public ConfigBuilder applyYaml(Path file) throws ConfigException {
    String src = file.toString();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException(src + ": no such file");
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new ConfigException(src + ": not valid YAML: " + msg);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return this;
    }
    if (!root.isObject()) {
      throw new ConfigException(src + ": expected a mapping of settings at the top level");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (key.equals("listen")) {
        listen(stringList(v, src, "listen"), src);
      } else if (key.equals("domains")) {
        domains(stringList(v, src, "domains"), src);
      } else if (TOP_LEVEL.contains(key)) {
        set(key, scalar(v, src, key), src);
      } else if (SECTIONS.containsKey(key)) {
        if (!v.isObject()) {
          throw new ConfigException(src + ": '" + key + "' must be a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> inner = v.fields(); inner.hasNext(); ) {
          Map.Entry<String, JsonNode> f = inner.next();
          String name = key + "." + f.getKey();
          if (!SECTIONS.get(key).contains(f.getKey())) {
            throw new ConfigException(src + ": unknown setting '" + name + "'");
          }
          set(name, key.equals("proxy") ? flatten(f.getValue(), src, name) : scalar(f.getValue(), src, name), src);
        }
      } else {
        throw new ConfigException(src + ": unknown setting '" + key + "'");
      }
    }
    return this;
  }

  private static List<String> stringList(JsonNode v, String src, String key) throws ConfigException {
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (JsonNode n : v) {
        out.add(scalar(n, src, key));
      }
    } else {
      throw new ConfigException(src + ": '" + key + "' must be a value or a list of values");
    }
    return out;
  }

  /** A proxy setting as text: a value, a list joined by commas, a mapping as key=value pairs. */
  private static String flatten(JsonNode v, String src, String key) throws ConfigException {
    if (v.isArray()) {
      return String.join(", ", stringList(v, src, key));
    }
    if (v.isObject()) {
      List<String> pairs = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        pairs.add(e.getKey() + "=" + scalar(e.getValue(), src, key + "." + e.getKey()));
      }
      return String.join(", ", pairs);
    }
    return v.isNull() ? "" : scalar(v, src, key);
  }

  private static String scalar(JsonNode v, String src, String key) throws ConfigException {
    if (!v.isValueNode() || v.isNull()) {
      throw new ConfigException(src + ": '" + key + "' must be a single value");
    }
    return v.asText();
  }

  /** Validates everything into a config. */
  public ServerConfig build() throws ConfigException {
    List<ListenPoint> points = new ArrayList<>();
    for (String p : listen) {
      ParseResult<ListenPoint> r = ListenPoint.parse(p);
      if (r instanceof ParseResult.Malformed<ListenPoint> m) {
        throw new ConfigException(listenSource + ": " + m.reason());
      }
      points.add(r.value());
    }
    if (points.isEmpty()) {
      throw new ConfigException(listenSource + ": 'listen' names no address");
    }
    Optional<Path> cert = optionalPath("tls.certificate");
    Optional<Path> key = optionalPath("tls.key");
    if (cert.isPresent() != key.isPresent()) {
      String given = cert.isPresent() ? "tls.certificate" : "tls.key";
      throw new ConfigException(
          source(given) + ": '" + given + "' needs its partner: give tls.certificate and tls.key together");
    }
    Duration t1 = duration("timers.t1");
    Duration t2 = duration("timers.t2");
    if (t2.compareTo(t1) < 0) {
      throw new ConfigException(source("timers.t2") + ": 'timers.t2' must not be shorter than timers.t1");
    }
    return new ServerConfig(
        points,
        Path.of(value("data")),
        cert,
        key,
        duration("transport.idle-timeout"),
        integer("transport.max-connections", 1, 1_000_000),
        integer("transport.max-message-size", 1500, 16 * 1024 * 1024),
        t1,
        t2,
        duration("timers.t4"),
        duration("shutdown-grace"),
        domains(),
        registrar(),
        auth(),
        proxy());
  }

  private ProxyPolicy proxy() throws ConfigException {
    Forking forking =
        switch (value("proxy.forking").strip().toLowerCase(java.util.Locale.ROOT)) {
          case "parallel" -> Forking.PARALLEL;
          case "sequential" -> Forking.SEQUENTIAL;
          default -> throw new ConfigException(
              source("proxy.forking") + ": 'proxy.forking' is '" + value("proxy.forking")
                  + "'; expected parallel or sequential");
        };
    TrustedPeers trusted;
    try {
      trusted = TrustedPeers.parse(list("proxy.trusted-peers"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source("proxy.trusted-peers") + ": 'proxy.trusted-peers': " + e.getMessage());
    }
    Optional<SipUri> outbound = Optional.empty();
    if (!value("proxy.outbound-proxy").isBlank()) {
      ParseResult<Uri> u = Uri.parse(value("proxy.outbound-proxy").strip());
      if (!(u instanceof ParseResult.Parsed<Uri> p) || !(p.value() instanceof SipUri sip)) {
        throw new ConfigException(
            source("proxy.outbound-proxy") + ": 'proxy.outbound-proxy' is '" + value("proxy.outbound-proxy")
                + "'; expected a sip: URI such as sip:proxy.example.net;transport=tcp");
      }
      outbound = Optional.of(sip);
    }
    StaticHosts hosts;
    List<RouteRule> rules = new ArrayList<>();
    try {
      hosts = StaticHosts.parse(pairs("proxy.hosts"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source("proxy.hosts") + ": 'proxy.hosts': " + e.getMessage());
    }
    try {
      for (Map.Entry<String, String> e : pairs("proxy.routes").entrySet()) {
        rules.add(RouteRule.parse(e.getKey(), e.getValue()));
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source("proxy.routes") + ": 'proxy.routes': " + e.getMessage());
    }
    List<String> redirect = list("proxy.redirect");
    RedirectPolicy redirects;
    if (redirect.size() == 1 && redirect.get(0).equalsIgnoreCase("all")) {
      redirects = RedirectPolicy.ALL;
    } else if (redirect.isEmpty() || (redirect.size() == 1 && redirect.get(0).equalsIgnoreCase("none"))) {
      redirects = RedirectPolicy.NONE;
    } else {
      redirects = RedirectPolicy.forDomains(redirect);
    }
    return new ProxyPolicy(
        bool("proxy.record-route"), duration("proxy.timer-c"), forking, trusted, outbound, hosts,
        new RoutingTable(rules), redirects);
  }

  /** A comma-separated setting as a list, blanks dropped. */
  private List<String> list(String key) {
    List<String> out = new ArrayList<>();
    for (String part : value(key).split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** A comma-separated list of key=value pairs, in order; the first '=' of each splits it. */
  private Map<String, String> pairs(String key) throws ConfigException {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String entry : list(key)) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new ConfigException(source(key) + ": '" + key + "' entry '" + entry + "' is not of the form name=value");
      }
      if (out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()) != null) {
        throw new ConfigException(source(key) + ": '" + key + "' lists '" + entry.substring(0, eq).strip() + "' twice");
      }
    }
    return out;
  }

  private List<String> domains() throws ConfigException {
    try {
      // Validated here so that a bad name is reported as a config fault, not at start-up.
      return domains.isEmpty() ? List.of() : ServedDomains.of(domains).names();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(domainsSource + ": " + e.getMessage());
    }
  }

  private RegistrarPolicy registrar() throws ConfigException {
    Duration min = duration("registrar.min-expires");
    Duration max = duration("registrar.max-expires");
    Duration dflt = duration("registrar.default-expires");
    for (String key : List.of("registrar.min-expires", "registrar.max-expires", "registrar.default-expires")) {
      if (duration(key).toMillis() % 1000 != 0) {
        throw new ConfigException(source(key) + ": '" + key + "' must be whole seconds");
      }
    }
    if (max.compareTo(min) < 0) {
      throw new ConfigException(
          source("registrar.max-expires") + ": 'registrar.max-expires' must not be shorter than registrar.min-expires");
    }
    if (dflt.compareTo(min) < 0 || dflt.compareTo(max) > 0) {
      throw new ConfigException(
          source("registrar.default-expires")
              + ": 'registrar.default-expires' must lie between registrar.min-expires and registrar.max-expires");
    }
    return new RegistrarPolicy(min, max, dflt, bool("registrar.third-party"));
  }

  private AuthPolicy auth() throws ConfigException {
    List<DigestAlgorithm> algorithms = new ArrayList<>();
    for (String token : value("auth.algorithms").split("[,\\s]+")) {
      if (token.isEmpty()) {
        continue;
      }
      Optional<DigestAlgorithm> a = DigestAlgorithm.fromToken(token);
      if (a.isEmpty()) {
        throw new ConfigException(
            source("auth.algorithms") + ": 'auth.algorithms' names '" + token + "'; expected SHA-256 and/or MD5");
      }
      if (algorithms.contains(a.get())) {
        throw new ConfigException(source("auth.algorithms") + ": 'auth.algorithms' lists " + token + " twice");
      }
      algorithms.add(a.get());
    }
    if (algorithms.isEmpty()) {
      throw new ConfigException(source("auth.algorithms") + ": 'auth.algorithms' is empty; expected SHA-256 and/or MD5");
    }
    return new AuthPolicy(
        algorithms,
        duration("auth.nonce-lifetime"),
        integer("auth.lockout-failures", 1, 1000),
        duration("auth.lockout-window"),
        duration("auth.lockout-cool-down"));
  }

  private boolean bool(String key) throws ConfigException {
    return switch (value(key).strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException(
          source(key) + ": '" + key + "' is '" + value(key) + "'; expected true or false");
    };
  }

  private String value(String key) {
    return settings.get(key).value();
  }

  private String source(String key) {
    Setting s = settings.get(key);
    return s == null ? "default" : s.source();
  }

  private Optional<Path> optionalPath(String key) {
    Setting s = settings.get(key);
    return s == null || s.value().isBlank() ? Optional.empty() : Optional.of(Path.of(s.value()));
  }

  private Duration duration(String key) throws ConfigException {
    Optional<Duration> d = Durations.parse(value(key));
    if (d.isEmpty() || d.get().isZero()) {
      throw new ConfigException(
          source(key) + ": '" + key + "' is '" + value(key) + "'; expected a duration such as 500ms, 4s or 5m");
    }
    return d.get();
  }

  private int integer(String key, int min, int max) throws ConfigException {
    String v = value(key);
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new ConfigException(
            source(key) + ": '" + key + "' is " + n + "; it must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(source(key) + ": '" + key + "' is '" + v + "'; expected a whole number");
    }
  }
}
