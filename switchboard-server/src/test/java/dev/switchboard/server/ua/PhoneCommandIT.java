// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.audio.Goertzel;
import dev.switchboard.media.audio.PcmAudio;
import dev.switchboard.media.audio.ToneGenerator;
import dev.switchboard.media.audio.Wav;
import dev.switchboard.server.PeersAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code switchboard phone ...} run in-process against a Switchboard registrar: the answering
 * phone registers, prints a MESSAGE, answers and records; the calling phone plays a 1 kHz tone
 * that a Goertzel detector then finds in the recording. Failures print the status with its
 * meaning and exit 1; bad arguments exit 2 with one line.
 */
class PhoneCommandIT extends PhoneHarness {
  @Test
  void callerToneIsInTheCalleesRecordingAndMessagesArePrinted() throws Exception {
    Path tone = dir.resolve("tone.wav");
    Wav.write(tone, ToneGenerator.sine(1000, Duration.ofSeconds(2), 0.5, 8000));
    Path recording = dir.resolve("heard.wav");
    int bobPort = PeersAccess.freeUdpPort();
    Answering bob = answer(bobPort, "--record", recording.toString(), "--calls", "1");

    Run msg = phone("message", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice", "--text", "hello bob");
    assertThat(msg.exit()).as(msg.err()).isZero();
    assertThat(msg.out()).contains("delivered: 200 OK — the request succeeded");

    Run call = phone("call", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice",
        "--play", tone.toString(), "--duration", "2.5");
    assertThat(call.exit()).as(call.out() + call.err()).isZero();
    assertThat(call.out()).contains("180 Ringing", "connected: 200 OK", "playing", "hung up after");

    Run answered = bob.run().get(20, TimeUnit.SECONDS);
    assertThat(answered.exit()).as(answered.out() + answered.err()).isZero();
    assertThat(answered.out())
        .contains("message from sip:alice@127.0.0.1: hello bob")
        .contains("incoming call 1 from sip:alice@127.0.0.1")
        .contains("call 1 ended: the other side hung up")
        .contains("unregistered: 200 OK");

    PcmAudio heard = Wav.read(recording);
    assertThat(heard.durationMillis()).isGreaterThan(1500);
    assertThat(Goertzel.relativePower(heard, 1000)).isGreaterThan(0.5);
    assertThat(Goertzel.relativePower(heard, 1000)).isGreaterThan(10 * Goertzel.relativePower(heard, 700));
  }

  @Test
  void rejectedCallPrintsTheStatusAndItsMeaningAndExitsOne() throws Exception {
    int bobPort = PeersAccess.freeUdpPort();
    Answering bob = answer(bobPort, "--reject", "486");
    Run call = phone("call", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice", "--duration", "1");
    assertThat(call.exit()).isEqualTo(1);
    assertThat(call.err()).startsWith("call failed: 486 Busy Here — the callee");
    assertThat(bob.run().get(20, TimeUnit.SECONDS).exit()).isZero();
  }

  @Test
  void optionsPrintsAllowAcceptAndSupported() {
    Run r = phone("options", "sip:127.0.0.1:" + port);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("200 OK", "Accept: application/sdp", "Supported: path");
    assertThat(r.out().lines().filter(l -> l.startsWith("Allow: ")).findFirst().orElseThrow())
        .contains("REGISTER", "OPTIONS");
  }

  @Test
  void registrationWithAWrongPasswordFails() {
    Run r = phone("answer", "--server", "127.0.0.1:" + port, "--user", "bob", "--password", "nope");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("registration failed: 40");
  }

  @Test
  void badArgumentsGetOneLineAndExitTwo() {
    Run notUri = phone("call", "bob", "--user", "alice");
    assertThat(notUri.exit()).isEqualTo(2);
    assertThat(notUri.err().strip()).doesNotContain("\n").contains("is not a SIP URI");

    Run noUser = phone("answer", "--server", "127.0.0.1:" + port, "--password", "x");
    assertThat(noUser.exit()).isEqualTo(2);
    assertThat(noUser.err().strip()).isEqualTo("switchboard phone answer: --user is required");

    Run badReject = phone("answer", "--server", "127.0.0.1:" + port, "--user", "bob", "--password", "x",
        "--reject", "200");
    assertThat(badReject.exit()).isEqualTo(2);

    Run missingFile = phone("call", "sip:bob@127.0.0.1", "--user", "alice", "--play", "/nonexistent.wav");
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(missingFile.err()).contains("no such readable file");

    Run unknown = phone("message", "sip:bob@127.0.0.1", "--user", "alice");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).doesNotContain("\n").contains("--text");
  }
}
