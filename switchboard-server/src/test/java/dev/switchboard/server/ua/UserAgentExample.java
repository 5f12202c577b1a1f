// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import dev.switchboard.core.ua.Call;
import dev.switchboard.core.ua.IncomingMessage;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.media.audio.ToneGenerator;
import dev.switchboard.media.rtp.MediaEngine;
import dev.switchboard.server.cli.phone.AudioSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The user agent API in a few lines: bob answers every call and records it, alice sends him a
 * MESSAGE, calls him, plays a second of 440 Hz and hangs up. Run it inside a network namespace:
 * {@code unshare -rn sh -c 'ip link set lo up; java -cp ... dev.switchboard.server.ua.UserAgentExample'}.
 */
public final class UserAgentExample {
  private UserAgentExample() {}

  /** Runs the example; the recording goes to {@code args[0]} or a temporary file. */
  public static void main(String[] args) throws Exception {
    Path recording = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("bob", ".wav");
    try (MediaEngine media = MediaEngine.create();
        UserAgent bob = UserAgent.builder("bob", "127.0.0.1").build().start();
        UserAgent alice = UserAgent.builder("alice", "127.0.0.1").build().start()) {

      bob.listener(new UaListener() {
        @Override
        public void onIncomingCall(Call call) {
          try {
            AudioSession audio = AudioSession.open(media, "127.0.0.1");
            audio.rtp().record(recording);
            call.ring();
            call.accept(audio);                  // 200 OK with the SDP answer
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void onMessage(IncomingMessage m) {
          System.out.println("bob got: " + m.text());
        }
      });

      String bobUri = "sip:bob@127.0.0.1:" + bob.listening().get(0).address().getPort();
      System.out.println("MESSAGE: " + alice.message(bobUri, "hello").join().statusCode());

      AudioSession audio = AudioSession.open(media, "127.0.0.1");
      Call call = alice.call(bobUri, audio);      // INVITE with the SDP offer
      System.out.println("INVITE: " + call.outcome().join().response().startLine());
      audio.rtp().play(ToneGenerator.sine(440, Duration.ofSeconds(1), 0.5, 8000)).join();
      System.out.println("ended: " + call.hangup().join().describe());
    }
    System.out.println("bob's recording: " + recording);
  }
}
