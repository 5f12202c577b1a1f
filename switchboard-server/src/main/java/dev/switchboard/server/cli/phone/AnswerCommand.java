// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import dev.switchboard.core.ua.Call;
import dev.switchboard.core.ua.CallEnd;
import dev.switchboard.core.ua.Exchange;
import dev.switchboard.core.ua.IncomingMessage;
import dev.switchboard.core.ua.Registration;
import dev.switchboard.core.ua.UaListener;
import dev.switchboard.core.ua.UserAgent;
import dev.switchboard.media.audio.PcmAudio;
import dev.switchboard.media.rtp.MediaEngine;
import dev.switchboard.message.uri.SipUri;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard phone answer}: registers, answers the given number of calls (recording what
 * it hears, playing a file), prints every MESSAGE it receives, and exits 0 once the last call has
 * ended. With {@code --reject CODE} it turns the calls down with that status instead.
 */
@Command(
    name = "answer",
    mixinStandardHelpOptions = true,
    description = "Register, answer --calls calls, record and play audio, print MESSAGE texts.")
final class AnswerCommand extends PhoneRun {
  @Option(names = "--record", paramLabel = "FILE", description = "Record each call to this WAV file (name-N.wav for several).")
  Path record;

  @Option(names = "--play", paramLabel = "FILE", description = "A WAV file to play to each caller.")
  Path play;

  @Option(names = "--calls", paramLabel = "N", defaultValue = "1", description = "How many calls to take (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--reject", paramLabel = "CODE", description = "Turn calls down with this status (300-699) instead of answering.")
  Integer reject;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up (exit 1) if the calls have not all ended by then.")
  Double timeout;

  private final AtomicInteger taken = new AtomicInteger();
  private final List<AudioSession> sessions = new CopyOnWriteArrayList<>();
  private CountDownLatch done;
  private Optional<PcmAudio> audio;
  private MediaEngine engine;
  private String mediaHost;

  @Override
  int run() throws Exception {
    if (calls < 1) {
      throw new BadArgument("--calls must be at least 1");
    }
    if (reject != null && (reject < 300 || reject > 699)) {
      throw new BadArgument("--reject must be a final status code 300-699, not " + reject);
    }
    if (timeout != null && timeout <= 0) {
      throw new BadArgument("--timeout must be positive");
    }
    SipUri server = server().orElseThrow(() -> new BadArgument("--server is required"));
    String user = user(null);
    if (account.password == null) {
      throw new BadArgument("--password is required");
    }
    audio = AudioFiles.play(play);
    AudioFiles.checkRecordable(record);
    done = new CountDownLatch(calls);
    try (MediaEngine media = MediaEngine.create();
        UserAgent ua = userAgent(user, server, new Listener())) {
      engine = media;
      mediaHost = ua.listening().get(0).address().getAddress().getHostAddress();
      step("registering " + ua.aor().uri() + " at " + server.hostPort());
      Registration reg = ua.register();
      Exchange x = reg.registered().get(40, TimeUnit.SECONDS);
      if (!x.isSuccess()) {
        return fail("registration failed: " + status(x));
      }
      step("registered: " + status(x) + " (for " + reg.granted().toSeconds() + " s)");
      step("waiting for " + calls + (calls == 1 ? " call" : " calls"));
      boolean all = timeout == null ? awaitForever() : done.await((long) (timeout * 1000), TimeUnit.MILLISECONDS);
      for (AudioSession s : sessions) {
        s.closed().get(5, TimeUnit.SECONDS);
      }
      if (!all) {
        return fail("answer failed: " + (calls - done.getCount()) + " of " + calls
            + " calls ended within " + timeout + " s");
      }
      CompletableFuture<Exchange> gone = reg.unregister();
      Exchange bye = gone.get(10, TimeUnit.SECONDS);
      step("unregistered: " + status(bye));
      return 0;
    }
  }

  private boolean awaitForever() throws InterruptedException {
    done.await();
    return true;
  }

  /** Runs on the user agent's event thread. */
  private final class Listener implements UaListener {
    @Override
    public void onIncomingCall(Call call) {
      int n = taken.incrementAndGet();
      if (n > calls) {
        call.reject(486);
        return;
      }
      step("incoming call " + n + " from " + call.remote().uri());
      call.ended().thenAccept(end -> {
        step("call " + n + " ended: " + end.describe());
        done.countDown();
      });
      if (reject != null) {
        call.reject(reject);
        step("rejected with " + reject);
        return;
      }
      try {
        AudioSession media = AudioSession.open(engine, mediaHost);
        sessions.add(media);
        if (record != null) {
          Path file = AudioFiles.numbered(record, n, calls);
          media.rtp().record(file);
          step("recording to " + file);
        }
        call.ring();
        call.accept(media);
        if (call.state() == Call.State.ENDED) {
          return;
        }
        step("answered");
        audio.ifPresent(a -> {
          step("playing " + play);
          media.rtp().play(a);
        });
      } catch (IOException e) {
        step("cannot open audio: " + e.getMessage() + "; rejecting with 500");
        call.reject(500);
      }
    }

    @Override
    public void onMessage(IncomingMessage m) {
      step("message from " + m.from().uri() + ": " + m.text());
    }

    @Override
    public void onRegistrationFailed(Registration registration, Exchange exchange) {
      step("registration refresh failed: " + status(exchange));
    }

    @Override
    public void onCallEnded(Call call, CallEnd end) {}
  }
}
