// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerCoreTest {
  private static SipRequest options(String branch) {
    String text = "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=" + branch + "\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=f\r\nTo: <sip:127.0.0.1>\r\n"
        + "Call-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.US_ASCII)).value();
  }

  @Test
  void statelessToTagIsTheSameForARetransmissionAndDiffersForANewRequest() {
    // RFC 3261 section 8.2.7: a stateless UAS generates the same tag for the same request.
    assertThat(ServerCore.tagFor(options("z9hG4bK-1"))).isEqualTo(ServerCore.tagFor(options("z9hG4bK-1")));
    assertThat(ServerCore.tagFor(options("z9hG4bK-1"))).isNotEqualTo(ServerCore.tagFor(options("z9hG4bK-2")));
  }
}
