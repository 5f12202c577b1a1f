// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.auth.DigestAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBuilderTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("switchboard.yaml"), text);
  }

  @Test
  void defaultsAreTheIssuesDefaults() throws Exception {
    ServerConfig c = new ConfigBuilder().build();
    assertThat(c.domains()).as("empty: the host's own names").isEmpty();
    assertThat(c.registrar().minExpires()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.registrar().defaultExpires()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(c.registrar().thirdParty()).isFalse();
    assertThat(c.auth().algorithms()).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
    assertThat(c.auth().nonceLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.auth().maxFailures()).isEqualTo(5);
  }

  @Test
  void yamlSetsDomainsRegistrarAndAuthAndFlagsWin() throws Exception {
    Path f = yaml("""
        domains: [example.com, 192.0.2.10]
        registrar: {min-expires: 30s, max-expires: 2h, default-expires: 10m, third-party: true}
        auth: {algorithms: MD5, nonce-lifetime: 1m, lockout-failures: 3, lockout-window: 30s, lockout-cool-down: 1h}
        """);
    ServerConfig c = new ConfigBuilder()
        .applyYaml(f)
        .setFromFlag("registrar.min-expires=45s")
        .build();
    assertThat(c.domains()).containsExactly("example.com", "192.0.2.10");
    assertThat(c.registrar().minExpires()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.registrar().maxExpires()).isEqualTo(Duration.ofHours(2));
    assertThat(c.registrar().thirdParty()).isTrue();
    assertThat(c.auth().algorithms()).containsExactly(DigestAlgorithm.MD5);
    assertThat(c.auth().coolDown()).isEqualTo(Duration.ofHours(1));
    assertThat(new ConfigBuilder().applyYaml(f).domains(List.of("other.org"), "--domain").build().domains())
        .containsExactly("other.org");
  }

  @Test
  void unknownAlgorithmIsOneLineNamingIt() {
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("auth.algorithms=SHA-1").build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("--set auth.algorithms: 'auth.algorithms' names 'SHA-1'; expected SHA-256 and/or MD5");
  }

  @Test
  void defaultExpiryOutsideTheLimitsIsRejected() throws Exception {
    Path f = yaml("registrar: {min-expires: 10m, default-expires: 1m}\n");
    assertThatThrownBy(() -> new ConfigBuilder().applyYaml(f).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("switchboard.yaml")
        .hasMessageContaining("registrar.default-expires");
  }

  @Test
  void fractionalSecondsOfExpiryAreRejected() {
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("registrar.min-expires=1500ms").build())
        .hasMessageContaining("whole seconds");
  }

  @Test
  void badDomainIsOneLineNamingItsSource() {
    assertThatThrownBy(() -> new ConfigBuilder().domains(List.of("exa mple.com"), "--domain").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("--domain: domain 'exa mple.com'");
  }

  @Test
  void setFlagRejectsUnknownNamesAndMissingEquals() {
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("registrar.minexpires=1s"))
        .hasMessage("--set: unknown setting 'registrar.minexpires'");
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("registrar.min-expires"))
        .hasMessageContaining("not of the form name=value");
  }

  @Test
  void thirdPartyMustBeABoolean() {
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("registrar.third-party=maybe").build())
        .hasMessageContaining("expected true or false");
  }
}
