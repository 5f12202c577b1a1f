// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli.phone;

import dev.switchboard.media.audio.PcmAudio;
import dev.switchboard.media.audio.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reading the file to play and naming the files to record, with one-line errors. */
final class AudioFiles {
  private AudioFiles() {}

  /** The WAV file to play, read and resampled to 8 kHz; empty when none was given. */
  static Optional<PcmAudio> play(Path file) throws PhoneRun.BadArgument {
    if (file == null) {
      return Optional.empty();
    }
    if (!Files.isReadable(file)) {
      throw new PhoneRun.BadArgument("--play " + file + ": no such readable file");
    }
    try {
      return Optional.of(Wav.readNarrowband(file));
    } catch (IOException | RuntimeException e) {
      throw new PhoneRun.BadArgument("--play " + file + ": not a WAV file we can read (" + e.getMessage() + ")");
    }
  }

  /** Checks the folder of a recording exists, so the failure comes before any call. */
  static void checkRecordable(Path file) throws PhoneRun.BadArgument {
    if (file == null) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new PhoneRun.BadArgument("--record " + file + ": folder " + dir + " does not exist");
    }
  }

  /** The recording of call {@code n} of {@code total}: the file itself for one call, else name-n.wav. */
  static Path numbered(Path file, int n, int total) {
    if (total <= 1) {
      return file;
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    return file.resolveSibling(numbered);
  }
}
