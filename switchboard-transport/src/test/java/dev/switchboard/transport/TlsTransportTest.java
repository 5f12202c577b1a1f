// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import static dev.switchboard.transport.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.message.SipResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS over real sockets on the loopback interface, and the certificate files behind it. */
class TlsTransportTest {
  private final List<NettyTransport> transports = new ArrayList<>();

  @TempDir Path dataDir;

  @AfterEach
  void tearDown() {
    transports.forEach(NettyTransport::close);
  }

  private NettyTransport start(NettyTransport.Builder b) throws Exception {
    NettyTransport t = b.listen(ListenPoint.parse("tls:127.0.0.1:0").value()).build().start();
    transports.add(t);
    return t;
  }

  @Test
  void generatesASelfSignedCertificateOnceAndReusesIt() throws Exception {
    TlsMaterial first = TlsMaterial.loadOrCreate(dataDir, "sip.example.test");
    TlsMaterial again = TlsMaterial.loadOrCreate(dataDir, "sip.example.test");

    assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(first.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=sip.example.test");
    assertThat(first.certificate().getNotAfter().toInstant())
        .isAfter(first.certificate().getNotBefore().toInstant().plus(Duration.ofDays(3649)));
    TlsMaterial files =
        TlsMaterial.fromFiles(dataDir.resolve(TlsMaterial.CERTIFICATE_FILE), dataDir.resolve(TlsMaterial.KEY_FILE));
    assertThat(files.fingerprint()).isEqualTo(first.fingerprint());
  }

  @Test
  void refusesAHalfPresentPair() throws Exception {
    Files.writeString(dataDir.resolve(TlsMaterial.CERTIFICATE_FILE), "");

    assertThatThrownBy(() -> TlsMaterial.loadOrCreate(dataDir, "sip.example.test"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("found only one of");
  }

  @Test
  void carriesARequestAndItsResponseOverTls() throws Exception {
    TlsMaterial serverCert = TlsMaterial.loadOrCreate(dataDir, "localhost");
    Fixtures.Inbox serverInbox = new Fixtures.Inbox();
    Fixtures.Inbox clientInbox = new Fixtures.Inbox();
    NettyTransport server = start(NettyTransport.builder().handler(serverInbox).tls(serverCert));
    NettyTransport client =
        start(
            NettyTransport.builder()
                .handler(clientInbox)
                .tls(TlsMaterial.selfSigned("client.test"))
                .trustedCertificates(serverCert.certificate()));
    InetSocketAddress target = server.listening().get(0).address();

    var request = Fixtures.request(options("SIP/2.0/TLS client.test;branch=z9hG4bKtls", "tls"));
    Flow out = client.send(request, Transport.TLS, target).get();
    Inbound in = serverInbox.take();
    assertThat(in.flow().transport()).isEqualTo(Transport.TLS);
    assertThat(in.flow().remote()).isEqualTo(out.local());
    assertThat(in.message().topVia().orElseThrow().received()).hasValue("127.0.0.1");

    server.sendResponse(Fixtures.response(in, 200, "OK"), in).get();

    Inbound answer = clientInbox.take();
    assertThat(((SipResponse) answer.message()).statusCode()).isEqualTo(200);
    assertThat(answer.flow()).isEqualTo(out);
  }

  @Test
  void failsToSendToAnUntrustedServer() throws Exception {
    NettyTransport server =
        start(NettyTransport.builder().handler(i -> {}).tls(TlsMaterial.selfSigned("localhost")));
    NettyTransport client =
        start(
            NettyTransport.builder()
                .handler(i -> {})
                .tls(TlsMaterial.selfSigned("client.test"))
                .trustedCertificates(TlsMaterial.selfSigned("someone-else.test").certificate()));

    var request = Fixtures.request(options("SIP/2.0/TLS client.test;branch=z9hG4bKbad", "bad"));
    assertThat(client.send(request, Transport.TLS, server.listening().get(0).address()))
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(TransportException.class);
    assertThat(client.stats().sendFailures()).isEqualTo(1);
  }
}
