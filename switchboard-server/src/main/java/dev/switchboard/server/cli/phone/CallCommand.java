// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import dev.switchboard.core.ua.Call;
import dev.switchboard.core.ua.CallEnd;
import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.media.audio.PcmAudio;
import dev.switchboard.media.rtp.MediaEngine;
import dev.switchboard.message.uri.SipUri;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard phone call URI}: places a call (through the server when given, answering its
 * challenges), plays a file, records what comes back, and hangs up after the duration.
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = "Call URI, play and record audio, hang up after --duration seconds.")
final class CallCommand extends PhoneRun {
  @Parameters(index = "0", paramLabel = "URI", description = "Who to call, e.g. sip:bob@127.0.0.1.")
  String target;

  @Option(names = "--play", paramLabel = "FILE", description = "A WAV file to play once connected.")
  Path play;

  @Option(names = "--record", paramLabel = "FILE", description = "Record what we hear to this WAV file.")
  Path record;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "3",
      description = "How long to stay connected before hanging up (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for an answer before cancelling (default: ${DEFAULT-VALUE}).")
  double timeout;

  @Override
  int run() throws Exception {
    SipUri to = uri("URI", target);
    if (duration < 0 || timeout <= 0) {
      throw new BadArgument("--duration must be >= 0 and --timeout > 0");
    }
    Optional<PcmAudio> audio = AudioFiles.play(play);
    AudioFiles.checkRecordable(record);
    String user = user(null);
    SipUri near = server().orElse(to);
    try (MediaEngine engine = MediaEngine.create();
        UserAgent ua = userAgent(user, near, new UaListener() {
          @Override
          public void onProgress(Call call, int statusCode, String reasonPhrase) {
            step("  " + statusCode + " " + reasonPhrase);
          }
        })) {
      AudioSession media = AudioSession.open(engine, ua.listening().get(0).address().getAddress().getHostAddress());
      if (record != null) {
        media.rtp().record(record);
      }
      step("calling " + to + server().map(s -> " via " + s.hostPort()).orElse(""));
      Call call = ua.call(to, media);
      Exchange x;
      try {
        x = call.outcome().get((long) (timeout * 1000), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // CANCEL (sent once the INVITE has a provisional response, RFC 3261 section 9.1); an
        // answer that crosses it is hung up with BYE by the call itself.
        call.hangup();
        try {
          x = call.outcome().get(3, TimeUnit.SECONDS);
        } catch (TimeoutException stillNothing) {
          return fail("call failed: no answer within " + timeout + " s");
        }
        if (x.isSuccess() || x.statusCode() == 487) {
          return fail("call failed: no answer within " + timeout + " s");
        }
      }
      if (!x.isSuccess()) {
        media.close();
        media.closed().get(5, TimeUnit.SECONDS);
        String why = x.statusCode() == 488 && !media.lastFault().isEmpty() ? " (" + media.lastFault() + ")" : "";
        return fail("call failed: " + status(x) + why);
      }
      step("connected: " + status(x));
      if (audio.isPresent()) {
        step("playing " + play + " (" + audio.get().durationMillis() + " ms)");
        media.rtp().play(audio.get());
      }
      CallEnd end;
      try {
        end = call.ended().get((long) (duration * 1000), TimeUnit.MILLISECONDS);
        step("the other side hung up: " + end.describe());
      } catch (TimeoutException e) {
        end = call.hangup().get(5, TimeUnit.SECONDS);
        step("hung up after " + duration + " s");
      }
      media.closed().get(5, TimeUnit.SECONDS);
      if (record != null) {
        step("recorded " + media.rtp().stats().samplesRecorded() / 8 + " ms to " + record);
      }
      return end.reason() == CallEnd.Reason.FAILED ? fail("call failed: " + end.describe()) : 0;
    }
  }
}
