// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.bench;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.header.Header;
import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput and allocation of one message through the codec: parse, validate every header, encode
 * back to bytes. Switchboard and the JAIN-SIP reference implementation run side by side on the
 * same bytes ({@link Messages}), so that the claim "at least 3x the throughput at a third of the
 * allocation" in {@code docs/BENCHMARKS.md} is measured, not assumed.
 *
 * <p>The same work on both sides:
 *
 * <ul>
 *   <li>Switchboard: {@link SipParser#parse(byte[])}, then {@link SipMessage#validateAll()}, which
 *       parses every known header (lazy ones included) and must find no fault, then {@link
 *       SipMessage#encode()}.
 *   <li>JAIN-SIP: {@code StringMsgParser.parseSIPMessage(bytes, true, false, null)}, which parses
 *       every header into its object model as it reads it (its full validation), then {@code
 *       SIPMessage.encodeAsBytes("UDP")}.
 * </ul>
 *
 * <p>A failed parse or validation throws, so a broken parser cannot look fast. The {@code *Parse}
 * variants stop before encoding; they show how much of each total is encoding, since Switchboard
 * writes the header text it stored while JAIN-SIP rebuilds it from its objects.
 *
 * <p>Run with {@code -prof gc} to get {@code gc.alloc.rate.norm}, the bytes allocated per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MessageCodecBenchmark {
  /** Which message of {@link Messages} to run. */
  @Param({"INVITE", "OK_200", "REGISTER"})
  public String kind;

  private byte[] wire;
  private StringMsgParser jainParser;

  /** Picks the message and checks that both parsers accept it and round-trip it. */
  @Setup
  public void setUp() throws ParseException {
    wire = Messages.byKind(kind);
    jainParser = new StringMsgParser();

    // Switchboard: parses, validates, and encodes back to the very bytes it read.
    SipMessage m = switchboardParseValidate(wire);
    byte[] out = m.encode();
    if (!Arrays.equals(out, wire)) {
      throw new IllegalStateException("Switchboard did not round-trip " + kind);
    }

    // JAIN-SIP: every header parsed into its own class, none dropped, output parses again.
    SIPMessage j = jainSipParse(jainParser, wire);
    Set<String> jainNames = new TreeSet<>();
    for (Iterator<SIPHeader> it = j.getHeaders(); it.hasNext(); ) {
      SIPHeader h = it.next();
      if (h instanceof ExtensionHeaderImpl) {
        throw new IllegalStateException("JAIN-SIP left " + h.getName() + " unparsed in " + kind);
      }
      jainNames.add(h.getName().toLowerCase(Locale.ROOT));
    }
    Set<String> names = new TreeSet<>();
    for (Header h : m.headers()) {
      names.add(h.name().name().toLowerCase(Locale.ROOT));
    }
    if (!jainNames.equals(names)) {
      throw new IllegalStateException("JAIN-SIP kept " + jainNames + " of " + names + " in " + kind);
    }
    int bodyLength = j.getRawContent() == null ? 0 : j.getRawContent().length;
    if (bodyLength != m.bodyLength()) {
      throw new IllegalStateException("JAIN-SIP body length " + bodyLength + " in " + kind);
    }
    SIPMessage again = jainSipParse(new StringMsgParser(), j.encodeAsBytes("UDP"));
    if (!again.encode().equals(j.encode())) {
      throw new IllegalStateException("JAIN-SIP did not round-trip " + kind);
    }
  }

  /** Switchboard: parse, full header validation, encode. */
  @Benchmark
  public void switchboard(Blackhole bh) {
    bh.consume(switchboardParseValidate(wire).encode());
  }

  /** JAIN-SIP: parse with every header parsed eagerly, encode. */
  @Benchmark
  public void jainSip(Blackhole bh) throws ParseException {
    bh.consume(jainSipParse(jainParser, wire).encodeAsBytes("UDP"));
  }

  /** Switchboard without the encode step. */
  @Benchmark
  public void switchboardParse(Blackhole bh) {
    bh.consume(switchboardParseValidate(wire));
  }

  /** JAIN-SIP without the encode step. */
  @Benchmark
  public void jainSipParse(Blackhole bh) throws ParseException {
    bh.consume(jainSipParse(jainParser, wire));
  }

  private static SipMessage switchboardParseValidate(byte[] wire) {
    ParseResult<SipMessage> r = SipParser.parse(wire);
    if (r instanceof ParseResult.Malformed<SipMessage> bad) {
      throw new IllegalStateException("Switchboard rejected the message: " + bad.reason());
    }
    SipMessage m = r.value();
    Optional<ParseResult.Malformed<?>> fault = m.validateAll();
    if (fault.isPresent()) {
      throw new IllegalStateException("Switchboard validation failed: " + fault.get().reason());
    }
    return m;
  }

  private static SIPMessage jainSipParse(StringMsgParser parser, byte[] wire)
      throws ParseException {
    SIPMessage m = parser.parseSIPMessage(wire, true, false, null);
    if (m == null) {
      throw new IllegalStateException("JAIN-SIP returned no message");
    }
    return m;
  }
}
