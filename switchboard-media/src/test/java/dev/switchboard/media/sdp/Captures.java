// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * SDP bodies of real clients: the copies in this module's test resources, and every body of the
 * captures read in place from {@code -Dswitchboard.captures.dir} (the build points it at {@code
 * ../shared/captures}; absent, those tests are skipped except under CI).
 */
public final class Captures {
  private Captures() {}

  /** A body from the test resources, e.g. {@code linphone-offer.sdp}. */
  public static String resource(String name) {
    try (InputStream in = Captures.class.getResourceAsStream("/sdp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /sdp/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One SDP body found in a capture. */
  public record Body(String file, int frame, String text) {
    @Override
    public String toString() {
      return file + " frame " + frame;
    }
  }

  /** Every application/sdp body in every capture file. */
  public static List<Body> all() throws IOException {
    Path dir = Path.of(System.getProperty("switchboard.captures.dir", "../../shared/captures"));
    if (!Files.isDirectory(dir)) {
      String msg = "captures not found at " + dir.toAbsolutePath().normalize();
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(msg + " (required under CI)");
      }
      Assumptions.abort(msg + "; set -Dswitchboard.captures.dir to run these tests");
    }
    List<Body> bodies = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        bodies.addAll(bodies(f));
      }
    }
    return bodies;
  }

  /** The bodies of one capture: after the empty line of a frame with Content-Type application/sdp. */
  private static List<Body> bodies(Path file) throws IOException {
    List<Body> out = new ArrayList<>();
    String[] frames = Files.readString(file, StandardCharsets.UTF_8).split("(?m)^=== frame ");
    for (int i = 1; i < frames.length; i++) {
      String frame = frames[i];
      int blank = frame.indexOf("\n\n");
      if (!frame.contains("Content-Type: application/sdp") || blank < 0) {
        continue;
      }
      String body = frame.substring(blank + 2).strip() + "\n";
      out.add(new Body(file.getFileName().toString(), Integer.parseInt(frame.split(" ", 2)[0]), body));
    }
    return out;
  }
}
