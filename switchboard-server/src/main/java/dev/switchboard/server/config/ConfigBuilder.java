// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.message.parse.ParseResult;
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
 * </pre>
 */
public final class ConfigBuilder {
  /** The embedded default: UDP and TCP on port 5060 of all IPv4 interfaces. */
  public static final List<String> DEFAULT_LISTEN = List.of("udp:0.0.0.0:5060", "tcp:0.0.0.0:5060");

  private static final Map<String, Set<String>> SECTIONS =
      Map.of(
          "tls", Set.of("certificate", "key"),
          "transport", Set.of("idle-timeout", "max-connections", "max-message-size"),
          "timers", Set.of("t1", "t2", "t4"));
  private static final Set<String> TOP_LEVEL = Set.of("listen", "data", "shutdown-grace");

  private final Map<String, Setting> settings = new java.util.LinkedHashMap<>();
  private List<String> listen = DEFAULT_LISTEN;
  private String listenSource = "default";

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
        listen(listenList(v, src), src);
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
          set(name, scalar(f.getValue(), src, name), src);
        }
      } else {
        throw new ConfigException(src + ": unknown setting '" + key + "'");
      }
    }
    return this;
  }

  private static List<String> listenList(JsonNode v, String src) throws ConfigException {
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (JsonNode n : v) {
        out.add(scalar(n, src, "listen"));
      }
    } else {
      throw new ConfigException(src + ": 'listen' must be an address or a list of addresses");
    }
    return out;
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
        duration("shutdown-grace"));
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
