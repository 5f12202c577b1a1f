// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.Corpus;
import dev.switchboard.message.parse.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The URIs of the RFC 4475 and RFC 5118 torture messages, read from the shared corpus in place.
 * Only the URI layer is checked here: the Request-URI of every request, and every {@code <uri>} in
 * the header section of the messages the manifest calls valid.
 */
class ConformanceUriTest {

  /** Every request in the corpus (responses have no Request-URI). */
  static Stream<Corpus.Row> requests() throws IOException {
    List<Corpus.Row> out = new ArrayList<>();
    for (Corpus.Row row : Corpus.rows()) {
      if (!startLine(row).startsWith("SIP/")) {
        out.add(row);
      }
    }
    return out.stream();
  }

  /** Every message the manifest calls well formed. */
  static Stream<Corpus.Row> validMessages() throws IOException {
    return Corpus.rows().stream().filter(Corpus.Row::valid);
  }

  /** The header section with CRLF as LF; ISO-8859-1 maps each octet to one char. */
  private static String headerSection(Corpus.Row row) throws IOException {
    String text = new String(row.wireForm(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    int blank = text.indexOf("\n\n");
    return blank < 0 ? text : text.substring(0, blank);
  }

  private static String startLine(Corpus.Row row) throws IOException {
    return headerSection(row).split("\n", 2)[0];
  }

  /** The Request-URI: between the first SP and the last SP of the request line. */
  private static String requestUri(String startLine) {
    return startLine.substring(startLine.indexOf(' ') + 1, startLine.lastIndexOf(" SIP/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void parsesRequestUriOfEveryRequest(Corpus.Row row) throws IOException {
    String text = requestUri(startLine(row));
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
  @MethodSource("validMessages")
  void parsesEveryBracketedUriOfValidMessages(Corpus.Row row) throws IOException {
    String headers = headerSection(row).replace("\n ", " ").replace("\n\t", " ");
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
}
