// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.uri.Host;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedDomainsTest {
  private final ServedDomains domains = ServedDomains.of(List.of("Example.com", "127.0.0.1", "::1", "example.COM"));

  @Test
  void namesMatchWithoutCaseAndAddressesByValue() {
    assertThat(domains.find(Host.of("EXAMPLE.com"))).contains("Example.com");
    assertThat(domains.find(Host.of("0:0:0:0:0:0:0:1"))).contains("::1");
    assertThat(domains.find(Host.of("127.0.0.2"))).isEmpty();
    assertThat(domains.find(Host.of("example.org"))).isEmpty();
  }

  @Test
  void duplicatesAreDroppedKeepingTheFirstSpelling() {
    assertThat(domains.names()).containsExactly("Example.com", "127.0.0.1", "::1");
  }

  @Test
  void rejectsAnEntryThatIsNotAHost() {
    assertThatThrownBy(() -> ServedDomains.of(List.of("example.com", "bad host")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad host'");
  }

  @Test
  void aliasesAllNameTheCanonicalDomain() {
    ServedDomains d = ServedDomains.aliases("localhost", List.of("pbx.example", "127.0.0.1", "::1"));
    assertThat(d.find(Host.of("127.0.0.1"))).contains("localhost");
    assertThat(d.find(Host.of("PBX.example"))).contains("localhost");
    assertThat(d.find(Host.of("localhost"))).contains("localhost");
    assertThat(d.names()).containsExactly("localhost");
  }
}
