// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.audio.Goertzel;
import dev.switchboard.media.audio.Wav;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README example working: it runs, and bob's recording holds alice's 440 Hz. */
class UserAgentExampleIT {
  @TempDir Path dir;

  @Test
  void exampleRunsAndBobHearsTheTone() throws Exception {
    Path recording = dir.resolve("bob.wav");
    UserAgentExample.main(new String[] {recording.toString()});
    assertThat(Goertzel.detects(Wav.read(recording), 440)).isTrue();
  }
}
