// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.message.parse.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The URIs of the RFC 4475 and RFC 5118 torture messages, read from the shared corpus in place.
 * Only the URI layer is checked here: the Request-URI of every request, and every {@code <uri>} in
 * the header section of the messages the manifest calls valid.
 */
class ConformanceUriTest {

  /** The corpus directory, or null when this checkout does not have it. */
  static Path corpus() {
    String configured = System.getProperty("switchboard.conformance.dir");
    if (configured != null && Files.isRegularFile(Paths.get(configured, "MANIFEST.tsv"))) {
      return Paths.get(configured);
    }
    // Run from a module directory without the property: look for ../shared/conformance above.
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      for (Path c :
          List.of(d.resolve("shared/conformance"), d.resolveSibling("shared/conformance"))) {
        if (Files.isRegularFile(c.resolve("MANIFEST.tsv"))) {
          return c;
        }
      }
    }
    return null;
  }

  record Row(String rfc, String file, String verdict) {
    Path path(Path corpus) {
      return corpus.resolve("rfc" + rfc).resolve(file);
    }

    String headerSection(Path corpus) throws IOException {
      // ISO-8859-1 maps each octet to one char, as a byte-level framer would see them.
      String text = new String(Files.readAllBytes(path(corpus)), StandardCharsets.ISO_8859_1);
      text = text.replace("\r\n", "\n");
      int blank = text.indexOf("\n\n");
      return blank < 0 ? text : text.substring(0, blank);
    }

    boolean valid() {
      return verdict.startsWith("valid");
    }

    @Override
    public String toString() {
      return rfc + "/" + file;
    }
  }

  static Stream<Arguments> rows() throws IOException {
    Path corpus = corpus();
    if (corpus == null) {
      return Stream.of(Arguments.of((Object) null));
    }
    List<Arguments> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      rows.add(Arguments.of(new Row(f[0], f[1], f[3])));
    }
    return rows.stream();
  }

  /** The Request-URI: between the first SP and the last SP of the request line. */
  private static String requestUri(String startLine) {
    return startLine.substring(startLine.indexOf(' ') + 1, startLine.lastIndexOf(" SIP/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void parsesRequestUriOfEveryValidRequest(Row row) throws IOException {
    Path corpus = corpus();
    assumeTrue(row != null && corpus != null, "conformance corpus not found");
    String startLine = row.headerSection(corpus).split("\n", 2)[0];
    assumeTrue(!startLine.startsWith("SIP/"), "a response has no Request-URI");
    String text = requestUri(startLine);
    ParseResult<Uri> r = Uri.parse(text);
    switch (row.file()) {
      case "lwsruri.dat", "lwsstart.dat", "ltgtruri.dat", "ipv6-bad.dat" ->
          // Whitespace, <> or an unbracketed IPv6 address in the Request-URI itself.
          assertThat(r.isParsed()).as("%s: %s", row, text).isFalse();
      default -> {
        assertThat(r.isParsed()).as("%s: %s -> %s", row, text, r).isTrue();
        Uri u = r.value();
        assertThat(Uri.parse(u.toString()).value()).as("%s round trip", row).isEqualTo(u);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void parsesEveryBracketedUriOfValidMessages(Row row) throws IOException {
    Path corpus = corpus();
    assumeTrue(row != null && corpus != null, "conformance corpus not found");
    assumeTrue(row.valid(), "only messages the RFCs call valid");
    String headers = row.headerSection(corpus).replace("\n ", " ").replace("\n\t", " ");
    for (String line : headers.split("\n")) {
      int lt = line.indexOf('<');
      while (lt >= 0) {
        int gt = line.indexOf('>', lt);
        if (gt < 0) {
          break;
        }
        String text = line.substring(lt + 1, gt);
        if (Schemes.end(text) > 0) {
          ParseResult<Uri> r = Uri.parse(text);
          assertThat(r.isParsed()).as("%s: <%s> -> %s", row, text, r).isTrue();
          assertThat(Uri.parse(r.value().toString()).value()).isEqualTo(r.value());
        }
        lt = line.indexOf('<', gt);
      }
    }
  }

  @Test
  void findsTheCorpusWhenTheBuildProvidesIt() {
    assumeTrue(corpus() != null, "conformance corpus not found");
    assertThat(corpus().resolve("rfc4475").resolve("esc01.dat")).exists();
  }
}
