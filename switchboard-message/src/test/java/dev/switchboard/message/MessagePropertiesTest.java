// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static dev.switchboard.message.RfcExamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.switchboard.message.StreamFramer.Fault;
import dev.switchboard.message.StreamFramer.Frame;
import dev.switchboard.message.StreamFramer.Message;
import dev.switchboard.message.StreamFramer.NeedMore;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.Expires;
import dev.switchboard.message.header.Header;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.header.MediaType;
import dev.switchboard.message.header.RetryAfter;
import dev.switchboard.message.header.SipDate;
import dev.switchboard.message.header.Timestamp;
import dev.switchboard.message.header.Token;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.header.Warning;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Host;
import dev.switchboard.message.uri.SipUri;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the message layer over generated input. Seeds are fixed so that every run tries
 * the same cases; a failure prints the shrunk input.
 *
 * <ol>
 *   <li>No input, however broken, makes the parser or the framer throw or hang.
 *   <li>A well-formed message built in code is written and read back equal, and writing is stable.
 *   <li>A broken message that still parses round-trips the same way.
 * </ol>
 */
class MessagePropertiesTest {
  /** Generous: a try takes well under a millisecond; this only catches a loop that never ends. */
  private static final Duration HANG = Duration.ofSeconds(10);

  /** Valid messages that mutations start from: the RFC 3261 §24 flow and a few more shapes. */
  static final List<byte[]> SEEDS = seeds();

  private static List<byte[]> seeds() {
    List<byte[]> out = new ArrayList<>();
    for (String m : RfcExamples.ALL) {
      out.add(bytes(m));
    }
    out.add(
        bytes(
            RfcExamples.message(
                List.of(
                    "INVITE sips:%61lice@[2001:db8::10]:5061;transport=tls;lr SIP/2.0",
                    "v: SIP/2.0/TLS [2001:db8::9:1]:5061;branch=z9hG4bKas3-111;received=2001:db8::9:255;rport",
                    "Max-Forwards: 0070",
                    "t: \"Bob \\\"B\\\" Smith\" <sips:bob@biloxi.com>",
                    "f: caller<sip:caller@example.com>;tag=323",
                    "i: f81d4fae-7dec-11d0-a765@foo.bar.com",
                    "CSeq: 0009 INVITE",
                    "m: <sip:alice@pc33.atlanta.com>;expires=60;q=0.5, \"Doe, J\" <tel:+1-201-555-0123>",
                    "Route: <sip:p1.example.com;lr>,<sip:p2.example.com;lr>",
                    "Supported: 100rel, timer",
                    "Authorization: Digest username=\"Alice\", realm=\"atlanta.com\",",
                    " nonce=\"84a4cc6f3082121f32b42a2187831a9e\", response=\"7587245234b3434cc3412213e5f113a5432\"",
                    "Warning: 307 isi.edu \"Session parameter 'foo' not understood\"",
                    "Date: Sat, 13 Nov 2010 23:29:00 GMT",
                    "Timestamp: 54.3 0.5",
                    "Subject: Grüße, 会议",
                    "X-Unknown:  kept ;; as,, is",
                    "c: application/sdp;charset=utf-8"),
                RfcExamples.SDP)));
    out.add(
        bytes(
            "SIP/2.0 503 Service Unavailable, très\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10\r\n"
                + "To: <sip:a@b.example.com>;tag=1\r\nFrom: <sip:c@d.example.com>;tag=2\r\n"
                + "Call-ID: x\r\nCSeq: 4294967295 BYE\r\nRetry-After: 120 (I'm in a meeting);duration=60\r\n"
                + "WWW-Authenticate: Digest realm=\"atlanta.com\", qop=\"auth\", stale=FALSE\r\n"
                + "Accept: application/sdp;level=1, text/html\r\n\r\n"));
    out.add(
        bytes(
            "REGISTER sip:registrar.biloxi.com SIP/2.0\nVia: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7\n"
                + "Max-Forwards: 70\nTo: Bob <sip:bob@biloxi.com>\nFrom: Bob <sip:bob@biloxi.com>;tag=456248\n"
                + "Call-ID: 843817637684230@998sdasdh09\nCSeq: 1826 REGISTER\nContact: *\nExpires: 0\nl: 0\n\n"));
    return List.copyOf(out);
  }

  @Example
  void everySeedParsesAndRoundTrips() {
    for (byte[] seed : SEEDS) {
      ParseResult<SipMessage> r = SipParser.parse(seed);
      assertThat(r.isParsed()).as("%s", r).isTrue();
      assertThat(r.value().validateAll()).isEmpty();
      assertThat(SipParser.parse(r.value().encode()).value()).isEqualTo(r.value());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // (1) Robustness

  @Property(tries = 400, seed = "3261")
  void arbitraryBytesNeverBreakParserOrFramer(
      @ForAll("noise") byte[] input, @ForAll @IntRange(min = 1, max = 64) int chunk) {
    assertTimeoutPreemptively(HANG, () -> checkRobust(input, chunk));
  }

  @Property(tries = 400, seed = "4475")
  void mutatedMessagesNeverBreakParserOrFramer(
      @ForAll("mutants") byte[] input, @ForAll @IntRange(min = 1, max = 64) int chunk) {
    assertTimeoutPreemptively(HANG, () -> checkRobust(input, chunk));
  }

  /** Parses as a datagram (twice, with two sets of limits) and frames as a stream, two ways. */
  private static void checkRobust(byte[] input, int chunk) {
    checkOutcome(SipParser.parse(input));
    checkOutcome(SipParser.withLimits(1024, 8).parseDatagram(input, 0, input.length));

    // The whole buffer at once and in chunks must cut the same frames, up to the first fault.
    List<Frame> whole = frames(input, input.length);
    assertThat(frames(input, chunk)).isEqualTo(whole);
    int off = 0;
    for (Frame f : whole) {
      if (f instanceof Message m) {
        assertThat(m.length()).isPositive();
        checkOutcome(SipParser.standard().parseFrame(input, off, m.length()));
        off += m.length();
      } else if (f instanceof StreamFramer.KeepAlive k) {
        assertThat(k.length()).isBetween(1, 4);
        off += k.length();
      } else if (f instanceof Fault fault) {
        assertThat(fault.reason()).doesNotContain("\r", "\n");
        assertThat(fault.statusCode()).isIn(400, 513);
        assertThat(fault.headerLength()).isBetween(0, input.length - off);
      }
    }
    assertThat(off).isLessThanOrEqualTo(input.length);
  }

  /** The frames cut from {@code input} fed {@code chunk} octets at a time, NeedMore left out. */
  private static List<Frame> frames(byte[] input, int chunk) {
    StreamFramerTest.Connection c = StreamFramerTest.connection();
    for (int i = 0; i < input.length && !(c.framer.state() == StreamFramer.State.BAD); i += chunk) {
      c.receive(Arrays.copyOfRange(input, i, Math.min(input.length, i + chunk)));
    }
    List<Frame> out = new ArrayList<>();
    for (Frame f : c.frames) {
      if (!(f instanceof NeedMore)) {
        out.add(f);
        if (f instanceof Fault) {
          break;
        }
      }
    }
    return out;
  }

  /** A fault is a value fit for a status line; a message can be read and written in full. */
  private static void checkOutcome(ParseResult<SipMessage> r) {
    if (r instanceof ParseResult.Malformed<SipMessage> m) {
      assertThat(m.reason()).isNotEmpty().doesNotContain("\r", "\n");
      assertThat(m.statusCode()).isIn(400, 505, 513);
      return;
    }
    SipMessage m = r.value();
    // The eagerly checked headers never fail.
    m.topVia();
    m.from();
    m.to();
    m.callId();
    m.cseq();
    m.first(HeaderName.MAX_FORWARDS);
    m.first(HeaderName.CONTENT_LENGTH);
    // Every other header parses to a value or a fault, and never throws.
    for (Header h : m.headers()) {
      ParseResult<?> p = m.parse(h.name());
      if (p instanceof ParseResult.Malformed<?> fault) {
        assertThat(fault.reason()).doesNotContain("\r", "\n");
      }
    }
    m.validateAll();
    m.checkMandatoryHeaders();
    m.encodeCompact();
    assertThat(m.toBuilder().build().bodyLength()).isEqualTo(m.bodyLength());
  }

  // ---------------------------------------------------------------------------------------------
  // (2) Generated messages round-trip

  @Property(tries = 250, seed = "3263")
  void generatedRequestsRoundTrip(@ForAll("requests") SipRequest m) {
    checkRoundTrip(m);
  }

  @Property(tries = 150, seed = "3264")
  void generatedResponsesRoundTrip(@ForAll("responses") SipResponse m) {
    checkRoundTrip(m);
  }

  private static void checkRoundTrip(SipMessage m) {
    byte[] wire = m.encode();
    ParseResult<SipMessage> r = SipParser.parse(wire);
    assertThat(r.isParsed()).as("%s%n%s", r, m).isTrue();
    SipMessage back = r.value();
    assertThat(back).isEqualTo(m);
    assertThat(back.hashCode()).isEqualTo(m.hashCode());
    assertThat(back.encode()).isEqualTo(wire);
    assertThat(SipParser.parse(m.encodeCompact()).value()).isEqualTo(m);
    // Typed values survive the trip, not just the text.
    assertThat(back.validateAll()).isEmpty();
    assertThat(back.checkMandatoryHeaders()).isEmpty();
    for (HeaderName<?> name : List.of(HeaderName.VIA, HeaderName.FROM, HeaderName.TO, HeaderName.CALL_ID,
        HeaderName.CSEQ, HeaderName.CONTACT, HeaderName.ROUTE, HeaderName.SUPPORTED, HeaderName.WARNING,
        HeaderName.AUTHORIZATION, HeaderName.DATE, HeaderName.EXPIRES)) {
      assertThat(back.all(name)).as(name.name()).isEqualTo(m.all(name));
    }
    // On a stream the message is one frame, and reads the same.
    assertThat(new StreamFramer().next(wire, 0, wire.length)).isEqualTo(new Message(wire.length));
    assertThat(SipParser.standard().parseFrame(wire, 0, wire.length).value()).isEqualTo(m);
  }

  // ---------------------------------------------------------------------------------------------
  // (3) Broken messages that parse round-trip too

  @Property(tries = 400, seed = "5626")
  void mutatedMessagesThatParseRoundTrip(@ForAll("mutants") byte[] input) {
    checkMutantRoundTrip(input, 3);
  }

  @Property(tries = 400, seed = "5627")
  void messagesWithMutatedLazyHeadersRoundTrip(@ForAll("lazyMutants") byte[] input) {
    checkMutantRoundTrip(input, 50);
  }

  /** Round-trips {@code input} when it parses; more than {@code percent} of the tries must. */
  private static void checkMutantRoundTrip(byte[] input, double percent) {
    ParseResult<SipMessage> r = SipParser.parse(input);
    Statistics.label("parsed").collect(r.isParsed());
    Statistics.label("parsed").coverage(c -> c.check(true).percentage(p -> p > percent));
    if (!(r instanceof ParseResult.Parsed<SipMessage> p)) {
      return;
    }
    SipMessage m = p.get();
    byte[] once = m.encode();
    ParseResult<SipMessage> again = SipParser.parse(once);
    assertThat(again.isParsed()).as("%s%n%s", again, m).isTrue();
    assertThat(again.value()).isEqualTo(m);
    assertThat(again.value().encode()).isEqualTo(once);
  }

  // ---------------------------------------------------------------------------------------------
  // Generators: noise and mutations

  /** Octets that matter to the grammar, and some that are not ASCII. */
  private static final byte[] SPECIAL =
      bytes("\r\n \t:;,\"<>@[]%\\=/?.*09aZ-()!~'&+$");

  private static Arbitrary<Byte> interestingByte() {
    Arbitrary<Byte> special =
        Arbitraries.of(toList(SPECIAL))
            .injectDuplicates(0.1);
    Arbitrary<Byte> odd = Arbitraries.of((byte) 0, (byte) 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xa9, (byte) 0xe3, (byte) 0xff);
    return Arbitraries.frequencyOf(Tuple.of(6, special), Tuple.of(1, odd), Tuple.of(2, Arbitraries.bytes()));
  }

  private static List<Byte> toList(byte[] b) {
    List<Byte> out = new ArrayList<>();
    for (byte x : b) {
      out.add(x);
    }
    return out;
  }

  private static final List<String> SNIPPETS =
      List.of("\r\n", "\n", "\r", "\r\n ", "\r\n\r\n", ", ", ";", ":", "\"", "<", ">", "Content-Length: 5\r\n",
          "l: 99999999999\r\n", "Via: \r\n", "CSeq: 1 ACK\r\n", "SIP/2.0", "sip:", "%", "%4", "[::1]", "\\");

  @Provide
  Arbitrary<byte[]> noise() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    Arbitrary<byte[]> grammar = interestingByte().array(byte[].class).ofMaxSize(400);
    Arbitrary<byte[]> headed =
        Combinators.combine(Arbitraries.of(SEEDS), grammar)
            .as((seed, tail) -> {
              int firstLine = indexOf(seed, (byte) '\n') + 1;
              return concat(Arrays.copyOf(seed, firstLine), tail);
            });
    return Arbitraries.frequencyOf(Tuple.of(1, raw), Tuple.of(2, grammar), Tuple.of(2, headed));
  }

  @Provide
  Arbitrary<byte[]> mutants() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 1 << 16);
    Arbitrary<Consumer<Mutable>> flip =
        Combinators.combine(at, interestingByte()).as((i, b) -> m -> m.set(i, b));
    Arbitrary<Consumer<Mutable>> insertBytes =
        Combinators.combine(at, interestingByte().array(byte[].class).ofMinSize(1).ofMaxSize(8))
            .as((i, b) -> m -> m.insert(i, b));
    Arbitrary<Consumer<Mutable>> insertSnippet =
        Combinators.combine(at, Arbitraries.of(SNIPPETS)).as((i, s) -> m -> m.insert(i, bytes(s)));
    Arbitrary<Consumer<Mutable>> delete =
        Combinators.combine(at, Arbitraries.integers().between(1, 40)).as((i, n) -> m -> m.delete(i, n));
    Arbitrary<Consumer<Mutable>> truncate = at.map(i -> m -> m.truncate(i));
    Arbitrary<Consumer<Mutable>> duplicate =
        Combinators.combine(at, at, Arbitraries.integers().between(1, 60)).as((i, j, n) -> m -> m.duplicate(i, j, n));
    Arbitrary<Consumer<Mutable>> mutation =
        Arbitraries.frequencyOf(
            Tuple.of(4, flip), Tuple.of(3, insertBytes), Tuple.of(3, insertSnippet), Tuple.of(3, delete),
            Tuple.of(1, truncate), Tuple.of(2, duplicate));
    return Combinators.combine(Arbitraries.of(SEEDS), mutation.list().ofMinSize(1).ofMaxSize(5))
        .as((seed, ms) -> {
          Mutable m = new Mutable(seed);
          ms.forEach(x -> x.accept(m));
          return m.bytes;
        });
  }

  /** The seed with headers that are parsed on first use, and where they are. */
  private static final byte[] RICH = SEEDS.get(RfcExamples.ALL.size());

  private static final int LAZY_FROM = indexOf(RICH, bytes("m: <sip:alice"));
  private static final int LAZY_TO = indexOf(RICH, bytes("c: application/sdp"));

  /**
   * Mutations inside the header lines the parser leaves to first use (Contact to Content-Type of
   * the richest seed), so that most mutants still parse and the round trip is tried often.
   */
  @Provide
  Arbitrary<byte[]> lazyMutants() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 1 << 16);
    Arbitrary<Consumer<Mutable>> flip =
        Combinators.combine(at, interestingByte()).as((i, b) -> m -> m.set(i, b));
    Arbitrary<Consumer<Mutable>> insert =
        Combinators.combine(at, Arbitraries.oneOf(
                interestingByte().array(byte[].class).ofMinSize(1).ofMaxSize(8), Arbitraries.of(SNIPPETS).map(s -> bytes(s))))
            .as((i, b) -> m -> m.insert(i, b));
    Arbitrary<Consumer<Mutable>> delete =
        Combinators.combine(at, Arbitraries.integers().between(1, 20)).as((i, n) -> m -> m.delete(i, n));
    return Arbitraries.oneOf(flip, insert, delete).list().ofMinSize(1).ofMaxSize(3)
        .map(ms -> {
          Mutable m = new Mutable(RICH, LAZY_FROM, LAZY_TO);
          ms.forEach(x -> x.accept(m));
          return m.bytes;
        });
  }

  /**
   * A message under mutation. Positions are taken modulo the length of the region mutated: the
   * whole message, or the part {@code [from, to)} given at the start (which moves as it grows).
   */
  static final class Mutable {
    byte[] bytes;
    private final int from;
    private final int tail;

    Mutable(byte[] seed) {
      this(seed, 0, seed.length);
    }

    Mutable(byte[] seed, int from, int to) {
      bytes = seed.clone();
      this.from = from;
      this.tail = seed.length - to;
    }

    private int region() {
      return bytes.length - tail - from;
    }

    void set(int at, byte b) {
      if (region() > 0) {
        bytes[from + at % region()] = b;
      }
    }

    void insert(int at, byte[] b) {
      int i = from + at % (region() + 1);
      bytes = concat(concat(Arrays.copyOf(bytes, i), b), Arrays.copyOfRange(bytes, i, bytes.length));
    }

    void delete(int at, int n) {
      int i = from + at % (region() + 1);
      int j = Math.min(bytes.length - tail, i + n);
      bytes = concat(Arrays.copyOf(bytes, i), Arrays.copyOfRange(bytes, j, bytes.length));
    }

    void truncate(int at) {
      bytes = Arrays.copyOf(bytes, from + at % (region() + 1));
    }

    void duplicate(int src, int to, int n) {
      int i = from + src % (region() + 1);
      byte[] slice = Arrays.copyOfRange(bytes, i, Math.min(bytes.length - tail, i + n));
      insert(to, slice);
    }
  }

  private static int indexOf(byte[] b, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= b.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("not in the seed");
  }

  static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static int indexOf(byte[] b, byte c) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return b.length - 1;
  }

  // ---------------------------------------------------------------------------------------------
  // Generators: well-formed messages

  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String TOKEN_CHARS = ALNUM + "-.!%*_+`'~";

  static Arbitrary<String> token() {
    return Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(12);
  }

  static Arbitrary<String> alnum(int min, int max) {
    return Arbitraries.strings().withChars(ALNUM).ofMinLength(min).ofMaxLength(max);
  }

  /** Text without CR or LF, with non-ASCII and odd white space, as headers and reasons carry. */
  static Arbitrary<String> text(int max) {
    return Arbitraries.strings()
        .withChars(ALNUM + " \t,;:\"<>@()[]{}\\/?=*#'")
        .withChars('é', 'ü', '中', '文', '\u3000', '\u00a0', '\u0001', '\u007f')
        .ofMaxLength(max);
  }

  static Arbitrary<String> hostText() {
    Arbitrary<String> label =
        Combinators.combine(
                Arbitraries.chars().range('a', 'z'),
                alnum(0, 8),
                Arbitraries.strings().withChars(ALNUM).ofMinLength(1).ofMaxLength(4).injectNull(0.7))
            .as((first, rest, tail) -> first + rest + (tail == null ? "" : "-" + tail));
    Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> ipv4 =
        Arbitraries.integers().between(0, 255).list().ofSize(4)
            .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
    Arbitrary<String> ipv6 =
        Arbitraries.integers().between(0, 0xffff).list().ofMinSize(1).ofMaxSize(3)
            .map(l -> "2001:db8::" + String.join(":", l.stream().map(Integer::toHexString).toList()));
    return Arbitraries.frequencyOf(Tuple.of(4, name), Tuple.of(2, ipv4), Tuple.of(1, ipv6));
  }

  static Arbitrary<Integer> port() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.of(5060, 5061)), Tuple.of(1, Arbitraries.integers().between(0, 65535)));
  }

  static Arbitrary<SipUri> sipUri() {
    Arbitrary<String> user =
        Arbitraries.strings().withChars(ALNUM + "-_.!~*'()&=+$,;?/ @:%é").ofMinLength(1).ofMaxLength(10).injectNull(0.3);
    Arbitrary<List<String>> params =
        Arbitraries.of("lr", "transport=tcp", "transport=udp", "x-" + "a", "foo=bar", "user=phone", "ttl=15", "maddr=239.255.255.1")
            .list().ofMaxSize(3).uniqueElements();
    return Combinators.combine(Arbitraries.of(false, true), user, hostText(), port(), params)
        .as((secure, u, h, p, ps) -> {
          SipUri.Builder b = SipUri.builder().secure(secure).user(u).host(h).port(p);
          for (String param : ps) {
            int eq = param.indexOf('=');
            b.parameter(eq < 0 ? param : param.substring(0, eq), eq < 0 ? null : param.substring(eq + 1));
          }
          return b.build();
        });
  }

  /** A header parameter value: a token or a quoted string. */
  static Arbitrary<String> paramValue() {
    Arbitrary<String> quoted = text(12).map(MessagePropertiesTest::quote);
    return Arbitraries.oneOf(token(), quoted);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static Arbitrary<Address> address() {
    Arbitrary<String> tokens = token().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
    Arbitrary<String> display =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(1, tokens), Tuple.of(2, text(16).map(MessagePropertiesTest::quote)));
    Arbitrary<Parameters> params =
        Combinators.combine(token().injectNull(0.3), token(), paramValue().injectNull(0.3))
            .as((tag, name, value) -> {
              Parameters p = tag == null ? Parameters.empty() : Parameters.of("tag", tag);
              return p.with("x-" + name, value);
            });
    return Combinators.combine(display, sipUri(), params).as((d, u, p) -> new Address(d, u, p, true));
  }

  static Arbitrary<Via> via() {
    Arbitrary<String> transport = Arbitraries.of("UDP", "TCP", "TLS", "SCTP", "WS", "wss");
    Arbitrary<String> received = hostText().injectNull(0.6);
    Arbitrary<String> rport = Arbitraries.of("", "5060", "1").injectNull(0.6);
    return Combinators.combine(transport, hostText(), port(), token(), received, rport)
        .as((t, h, p, branch, rec, rp) -> {
          Via v = Via.of(t, Host.of(h), p, Via.MAGIC_COOKIE + branch);
          if (rec != null && Host.of(rec).isIpAddress()) {
            v = v.withParameter("received", rec);
          }
          if (rp != null) {
            v = v.withParameter("rport", rp.isEmpty() ? null : rp);
          }
          return v;
        });
  }

  static Arbitrary<CallId> callId() {
    Arbitrary<String> word = Arbitraries.strings().withChars(ALNUM + "-.!%*_+`'~()<>:\\\"/[]?{}").ofMinLength(1).ofMaxLength(16);
    return Combinators.combine(word, word.injectNull(0.5)).as((a, b) -> new CallId(b == null ? a : a + "@" + b));
  }

  static Arbitrary<Method> method() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(Method.standard())), Tuple.of(1, token().map(Method::of)));
  }

  /** Headers other than the mandatory ones, as builder steps. */
  static Arbitrary<Consumer<SipMessage.Builder<?>>> extraHeader() {
    Arbitrary<Consumer<SipMessage.Builder<?>>> unknown =
        Combinators.combine(token(), text(40)).as((n, v) -> b -> b.add("X-" + n, v));
    Arbitrary<Consumer<SipMessage.Builder<?>>> subject = text(40).map(v -> b -> b.add("Subject", v));
    Arbitrary<Consumer<SipMessage.Builder<?>>> supported =
        token().list().ofMinSize(1).ofMaxSize(3).map(l -> b -> b.add("Supported", String.join(", ", l)));
    Arbitrary<Consumer<SipMessage.Builder<?>>> contact = address().map(a -> b -> b.add(HeaderName.CONTACT, a));
    Arbitrary<Consumer<SipMessage.Builder<?>>> routes =
        sipUri().map(u -> u.withParameter("lr", null)).map(Address::of).list().ofMinSize(1).ofMaxSize(3)
            .map(l -> b -> b.add("Route", String.join(", ", l.stream().map(Address::toString).toList())));
    Arbitrary<Consumer<SipMessage.Builder<?>>> expires =
        Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(n -> b -> b.add(HeaderName.EXPIRES, new Expires(n)));
    Arbitrary<Consumer<SipMessage.Builder<?>>> warning =
        Combinators.combine(Arbitraries.integers().between(300, 399), hostText(), text(20))
            .as((c, h, t) -> b -> b.add(HeaderName.WARNING, new Warning(c, h, quote(t))));
    Arbitrary<Consumer<SipMessage.Builder<?>>> date =
        Arbitraries.longs().between(0, 4_000_000_000L)
            .map(s -> b -> b.add(HeaderName.DATE, new SipDate(Instant.ofEpochSecond(s))));
    Arbitrary<Consumer<SipMessage.Builder<?>>> timestamp =
        Arbitraries.integers().between(0, 100000).map(n -> b -> b.add(HeaderName.TIMESTAMP, new Timestamp(n + "." + n % 7, null)));
    Arbitrary<Consumer<SipMessage.Builder<?>>> auth =
        Combinators.combine(text(10), token())
            .as((user, nc) -> b -> b.add(HeaderName.AUTHORIZATION,
                new AuthValue("Digest", Parameters.of("username", quote(user), "realm", "\"atlanta.com\"", "nc", nc))));
    Arbitrary<Consumer<SipMessage.Builder<?>>> retry =
        Arbitraries.longs().between(0, 100000).map(n -> b -> b.add(HeaderName.RETRY_AFTER, RetryAfter.of(n)));
    return Arbitraries.oneOf(unknown, subject, supported, contact, routes, expires, warning, date, timestamp, auth, retry);
  }

  /** Vias on separate lines, or some of them joined into one comma-separated line. */
  static Arbitrary<Consumer<SipMessage.Builder<?>>> vias() {
    return Combinators.combine(via().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(false, true))
        .as((vs, joined) -> b -> {
          if (joined) {
            b.add("Via", String.join(", ", vs.stream().map(Via::toString).toList()));
          } else {
            vs.forEach(v -> b.add(HeaderName.VIA, v));
          }
        });
  }

  static Arbitrary<Consumer<SipMessage.Builder<?>>> body() {
    Arbitrary<byte[]> content = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    return Combinators.combine(content, Arbitraries.of(MediaType.SDP, MediaType.parse("application/octet-stream").value()))
        .as((c, t) -> b -> {
          if (c.length > 0) {
            b.body(t, c);
          }
        });
  }

  /** The headers after the mandatory ones, and the body, as one builder step. */
  static Arbitrary<Consumer<SipMessage.Builder<?>>> rest() {
    return Combinators.combine(extraHeader().list().ofMaxSize(6), body())
        .as((extras, body) -> b -> {
          extras.forEach(e -> e.accept(b));
          body.accept(b);
        });
  }

  @Provide
  Arbitrary<SipRequest> requests() {
    Arbitrary<Tuple.Tuple2<Long, Integer>> numbers =
        Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 255))
            .as(Tuple::of);
    return Combinators.combine(method(), sipUri(), vias(), address(), address(), callId(), numbers, rest())
        .as((method, uri, vias, to, from, callId, n, rest) -> {
          SipRequest.Builder b = SipRequest.builder(method, uri);
          vias.accept(b);
          b.add(HeaderName.MAX_FORWARDS, new MaxForwards(n.get2()))
              .add(HeaderName.TO, to)
              .add(HeaderName.FROM, from)
              .add(HeaderName.CALL_ID, callId)
              .add(HeaderName.CSEQ, new CSeq(n.get1(), method));
          rest.accept(b);
          return b.build();
        });
  }

  @Provide
  Arbitrary<SipResponse> responses() {
    Arbitrary<Tuple.Tuple2<Integer, String>> status =
        Combinators.combine(Arbitraries.integers().between(100, 699), text(24).map(String::strip)).as(Tuple::of);
    Arbitrary<CSeq> cseq =
        Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), method()).as(CSeq::new);
    return Combinators.combine(status, vias(), address(), address(), callId(), cseq, rest())
        .as((st, vias, to, from, callId, c, rest) -> {
          SipResponse.Builder b = SipResponse.builder(st.get1(), st.get2());
          vias.accept(b);
          b.add(HeaderName.TO, to)
              .add(HeaderName.FROM, from)
              .add(HeaderName.CALL_ID, callId)
              .add(HeaderName.CSEQ, c)
              .add(HeaderName.SUPPORTED, Token.of("100rel"));
          rest.accept(b);
          return b.build();
        });
  }
}
