// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.audio.Goertzel;
import dev.switchboard.media.audio.ToneGenerator;
import dev.switchboard.media.audio.Wav;
import dev.switchboard.server.PeersAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command-line forms through the Switchboard server, registrar and proxy: {@code
 * phone answer} registers, {@code phone call sip:bob@127.0.0.1 --server ...} is challenged (407)
 * and proxied, and the tone it plays is in bob's recording; {@code phone message} is proxied too.
 */
class PhoneThroughServerIT extends PhoneHarness {
  @Test
  void callAndMessageThroughTheServerWithDigest() throws Exception {
    Path tone = dir.resolve("tone.wav");
    Wav.write(tone, ToneGenerator.sine(1000, Duration.ofSeconds(2), 0.5, 8000));
    Path recording = dir.resolve("heard.wav");
    Answering bob = answer(PeersAccess.freeUdpPort(), "--record", recording.toString());

    Run msg = phone("message", "sip:bob@127.0.0.1", "--server", "127.0.0.1:" + port,
        "--user", "alice", "--password", "alicepw", "--text", "hello through the proxy");
    assertThat(msg.exit()).as(msg.out() + msg.err()).isZero();

    Run call = phone("call", "sip:bob@127.0.0.1", "--server", "127.0.0.1:" + port,
        "--user", "alice", "--password", "alicepw", "--play", tone.toString(), "--duration", "2.5");
    assertThat(call.exit()).as(call.out() + call.err()).isZero();
    assertThat(call.out()).contains("via 127.0.0.1:" + port, "connected: 200 OK");

    Run answered = bob.run().get(20, TimeUnit.SECONDS);
    assertThat(answered.exit()).as(answered.out() + answered.err()).isZero();
    assertThat(answered.out()).contains("message from sip:alice@127.0.0.1: hello through the proxy");
    assertThat(Goertzel.relativePower(Wav.read(recording), 1000)).isGreaterThan(0.5);
  }

  @Test
  void wrongPasswordOnTheCallIsRefused() throws Exception {
    Run call = phone("call", "sip:bob@127.0.0.1", "--server", "127.0.0.1:" + port,
        "--user", "alice", "--password", "nope", "--duration", "1");
    assertThat(call.exit()).isEqualTo(1);
    assertThat(call.err()).startsWith("call failed: 40");
  }
}
