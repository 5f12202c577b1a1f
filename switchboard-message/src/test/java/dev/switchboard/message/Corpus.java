// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The RFC 4475 / RFC 5118 torture-test corpus, read in place from {@code
 * -Dswitchboard.conformance.dir} (the build points it at {@code ../shared/conformance}). Where it
 * is absent, tests that use it are skipped with a message naming the path, except under CI
 * ({@code CI=true}), where its absence is a failure.
 */
public final class Corpus {
  private Corpus() {}

  /** One manifest row. */
  public record Row(String rfc, String file, String section, String verdict, String expected, String note) {
    /** The file's path. */
    public Path path() {
      return dir().resolve("rfc" + rfc).resolve(file);
    }

    /** True for the verdicts of well-formed messages. */
    public boolean valid() {
      return verdict.startsWith("valid");
    }

    /**
     * The wire form. RFC 5118's archive uses bare LF and two files lack the empty line; the
     * corpus README says how to restore them: CRLF line ends, an empty line, a true
     * Content-Length. RFC 4475 files are used as they are.
     */
    public byte[] wireForm() throws IOException {
      byte[] raw = Files.readAllBytes(path());
      if (!rfc.equals("5118")) {
        return raw;
      }
      String text = new String(raw, StandardCharsets.UTF_8);
      int split = text.indexOf("\n\n");
      String head = split < 0 ? text : text.substring(0, split + 1);
      String body = split < 0 ? "" : text.substring(split + 2);
      head = head.endsWith("\n") ? head : head + "\n";
      body = body.replace("\n", "\r\n");
      int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
      StringBuilder out = new StringBuilder();
      for (String line : head.split("\n")) {
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          line = "Content-Length: " + bodyLength;
        }
        out.append(line).append("\r\n");
      }
      out.append("\r\n").append(body);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "RFC " + rfc + " " + file + " (" + verdict + ")";
    }
  }

  /** The corpus folder. */
  public static Path dir() {
    return Path.of(System.getProperty("switchboard.conformance.dir", "../../shared/conformance"));
  }

  /** Every manifest row; aborts (skips) the calling test when the corpus is absent outside CI. */
  public static List<Row> rows() throws IOException {
    Path manifest = dir().resolve("MANIFEST.tsv");
    if (!Files.isRegularFile(manifest)) {
      String msg = "conformance corpus not found at " + manifest.toAbsolutePath().normalize();
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(msg + " (required under CI)");
      }
      Assumptions.abort(msg + "; set -Dswitchboard.conformance.dir to run these tests");
    }
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] f = line.split("\t", -1);
        rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5]));
      }
    }
    assertThat(rows).as("manifest rows").hasSize(61);
    return rows;
  }
}
