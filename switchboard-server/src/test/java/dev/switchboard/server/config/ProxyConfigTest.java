// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.proxy.Forking;
import dev.switchboard.core.proxy.ProxyPolicy;
import dev.switchboard.message.uri.SipUri;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code proxy:} section of the config. */
class ProxyConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsRecordRouteParallelAndThreeMinuteTimerC() throws Exception {
    ProxyPolicy p = new ConfigBuilder().build().proxy();
    assertThat(p.recordRoute()).isTrue();
    assertThat(p.timerC()).isEqualTo(Duration.ofMinutes(3));
    assertThat(p.forking()).isEqualTo(Forking.PARALLEL);
    assertThat(p.trustedPeers().isEmpty()).isTrue();
    assertThat(p.routes().rules()).isEmpty();
    assertThat(p.redirect().all()).isFalse();
  }

  @Test
  void readsTheYamlSectionWithListsAndTables() throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, """
        proxy:
          record-route: false
          timer-c: 90s
          forking: sequential
          trusted-peers: [192.0.2.20, 198.51.100.0/24]
          outbound-proxy: sip:proxy.example.net;transport=tcp
          hosts:
            gw.example.net: tcp:192.0.2.30:5060
          routes:
            "user:+44": sip:gw.example.net;transport=tcp
            "domain:partner.example": sip:partner.example
          redirect: [example.com]
        """);
    ProxyPolicy p = new ConfigBuilder().applyYaml(file).build().proxy();
    assertThat(p.recordRoute()).isFalse();
    assertThat(p.timerC()).isEqualTo(Duration.ofSeconds(90));
    assertThat(p.forking()).isEqualTo(Forking.SEQUENTIAL);
    assertThat(p.trustedPeers().contains(InetAddress.getByName("198.51.100.9"))).isTrue();
    assertThat(p.outboundProxy()).map(SipUri::toString).contains("sip:proxy.example.net;transport=tcp");
    assertThat(p.hosts().find("gw.example.net")).map(Object::toString).contains("tcp:192.0.2.30:5060");
    assertThat(p.routes().rules()).extracting(Object::toString)
        .containsExactly("user:+44 -> sip:gw.example.net;transport=tcp", "domain:partner.example -> sip:partner.example");
    assertThat(p.redirect().redirects("EXAMPLE.com")).isTrue();
    assertThat(p.redirect().redirects("other.com")).isFalse();
  }

  @Test
  void flagsSetTablesAsPairs() throws Exception {
    ProxyPolicy p = new ConfigBuilder()
        .setFromFlag("proxy.routes=user:+44=sip:gw.example.net;transport=tcp, any=sip:gw2.example.net")
        .setFromFlag("proxy.redirect=all")
        .build().proxy();
    assertThat(p.routes().rules()).hasSize(2);
    assertThat(p.redirect().all()).isTrue();
  }

  @Test
  void faultsAreOneLineNamingTheSetting() {
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("proxy.forking=random").build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("--set proxy.forking: 'proxy.forking' is 'random'; expected parallel or sequential");
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("proxy.trusted-peers=example.com").build())
        .hasMessageContaining("'proxy.trusted-peers'").hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("proxy.hosts=gw.example.net").build())
        .hasMessageContaining("not of the form name=value");
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("proxy.routes=user:+44=mailto:x@y").build())
        .hasMessageContaining("not a sip: or sips: URI");
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("proxy.timer-c=soon").build())
        .hasMessageContaining("'proxy.timer-c' is 'soon'");
    assertThatThrownBy(() -> new ConfigBuilder().setFromFlag("proxy.outbound-proxy=tel:+1").build())
        .hasMessageContaining("expected a sip: URI");
  }
}
