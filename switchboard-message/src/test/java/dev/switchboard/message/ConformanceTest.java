// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.parse.ParseResult;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the RFC 4475 / RFC 5118 torture-test manifest, byte-exact from the shared corpus.
 *
 * <p>The corpus is read in place; see {@link Corpus} for where and what happens when it is absent.
 */
class ConformanceTest {
  /** What each rejected message's reason must name, so a rejection is for the right fault. */
  private static final Map<String, String> FAULT_NAMED =
      Map.ofEntries(
          Map.entry("badinv01.dat", "Via"),
          Map.entry("clerr.dat", "Content-Length"),
          Map.entry("ncl.dat", "Content-Length"),
          Map.entry("scalar02.dat", "CSeq"),
          Map.entry("scalarlg.dat", "CSeq"),
          Map.entry("quotbal.dat", "To"),
          Map.entry("ltgtruri.dat", "Request-URI"),
          Map.entry("lwsruri.dat", "request line"),
          Map.entry("lwsstart.dat", "request line"),
          Map.entry("trws.dat", "request line"),
          Map.entry("escruri.dat", "Request-URI"),
          Map.entry("baddate.dat", "Date"),
          Map.entry("regbadct.dat", "Contact"),
          Map.entry("badaspec.dat", "To"),
          Map.entry("baddn.dat", "display name"),
          Map.entry("badvers.dat", "version"),
          Map.entry("mismatch01.dat", "CSeq"),
          Map.entry("mismatch02.dat", "CSeq"),
          Map.entry("bigcode.dat", "status code"),
          Map.entry("mcl01.dat", "Content-Length"),
          Map.entry("ipv6-bad.dat", "Request-URI"));

  static Stream<Corpus.Row> rows() throws IOException {
    return Corpus.rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void holdsManifestVerdict(Corpus.Row row) throws IOException {
    byte[] wire = row.wireForm();
    ParseResult<SipMessage> result = SipParser.parse(wire);
    switch (row.verdict()) {
      case "valid", "valid-but-reject", "valid-may-reject", "valid-but-discard" ->
          assertWellFormed(row, result);
      case "invalid", "invalid-discard" -> assertRejected(row, result, true);
      case "invalid-lenient-ok" -> assertRejected(row, result, false);
      default -> fail("unknown verdict " + row.verdict());
    }
  }

  private static void assertWellFormed(Corpus.Row row, ParseResult<SipMessage> result) {
    if (result instanceof ParseResult.Malformed<SipMessage> m) {
      fail(row + " must parse, but: " + m.reason());
    }
    SipMessage m = result.value();
    assertThat(m.validateAll()).as("full header validation of " + row).isEmpty();
    // Round trip: parse(serialize(m)) equals m, and serializing again is stable.
    byte[] once = m.encode();
    ParseResult<SipMessage> again = SipParser.parse(once);
    assertThat(again.isParsed()).as("re-parse of " + row).isTrue();
    assertThat(again.value()).isEqualTo(m);
    assertThat(again.value().encode()).isEqualTo(once);
    // The body is exactly Content-Length octets; what follows in the datagram is not part of the
    // message (RFC 4475 3.1.1.8 dblreq).
    m.first(HeaderName.CONTENT_LENGTH).ifPresent(cl -> assertThat(m.bodyLength()).isEqualTo(cl.length()));
    // The one verdict a message-layer check decides: the mandatory headers (RFC 4475 3.3.1, 3.3.8).
    boolean mandatoryFault = row.file().equals("insuf.dat") || row.file().equals("multi01.dat");
    assertThat(m.checkMandatoryHeaders().isPresent()).as("mandatory header check of " + row).isEqualTo(mandatoryFault);
  }

  private static void assertRejected(Corpus.Row row, ParseResult<SipMessage> result, boolean byParser) {
    String reason;
    int status;
    if (result instanceof ParseResult.Malformed<SipMessage> m) {
      reason = m.reason();
      status = m.statusCode();
    } else {
      // Faults in headers that are parsed on demand show up under full validation: an element
      // that relies on such a header rejects the message there.
      assertThat(byParser).as(row + " must be rejected by the parser itself").isFalse();
      Optional<ParseResult.Malformed<?>> fault = result.value().validateAll();
      assertThat(fault).as(row + " must be rejected").isPresent();
      reason = fault.get().reason();
      status = fault.get().statusCode();
    }
    assertThat(reason).as("reason for " + row).containsIgnoringCase(FAULT_NAMED.get(row.file()));
    assertThat(reason).doesNotContain("\r", "\n");
    if (!row.expected().equals("-")) {
      List<Integer> allowed = Arrays.stream(row.expected().split("\\|")).map(Integer::valueOf).toList();
      assertThat(allowed).as("status for " + row).contains(status);
    }
  }
}
