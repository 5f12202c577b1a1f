// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static dev.switchboard.message.RfcExamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.StreamFramer.Fault;
import dev.switchboard.message.StreamFramer.Frame;
import dev.switchboard.message.StreamFramer.KeepAlive;
import dev.switchboard.message.StreamFramer.Message;
import dev.switchboard.message.StreamFramer.NeedMore;
import dev.switchboard.message.StreamFramer.State;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3261 §18.3 (framing on streams), §7.5 and RFC 5626 §3.5.1 (CRLF keep-alives). */
class StreamFramerTest {
  private static final String HEAD =
      "MESSAGE sip:bob@biloxi.com SIP/2.0\r\n" + SipParserTest.HEADERS + "CSeq: 1 MESSAGE\r\n";

  /**
   * A connection's receive side: bytes arrive in chunks, frames are cut and the consumed octets
   * dropped, as a transport does.
   */
  static final class Connection {
    final StreamFramer framer;
    final List<Frame> frames = new ArrayList<>();
    final List<byte[]> messages = new ArrayList<>();
    byte[] buffer = new byte[0];

    Connection(StreamFramer framer) {
      this.framer = framer;
    }

    Connection receive(byte[] chunk) {
      buffer = Arrays.copyOf(buffer, buffer.length + chunk.length);
      System.arraycopy(chunk, 0, buffer, buffer.length - chunk.length, chunk.length);
      while (true) {
        Frame f = framer.next(buffer, 0, buffer.length);
        frames.add(f);
        if (f instanceof Message m) {
          messages.add(Arrays.copyOf(buffer, m.length()));
          buffer = Arrays.copyOfRange(buffer, m.length(), buffer.length);
        } else if (f instanceof KeepAlive k) {
          buffer = Arrays.copyOfRange(buffer, k.length(), buffer.length);
        } else {
          return this;
        }
      }
    }

    Connection receiveByteByByte(byte[] all) {
      for (byte b : all) {
        receive(new byte[] {b});
      }
      return this;
    }

    List<Frame> cut() {
      return frames.stream().filter(f -> !(f instanceof NeedMore)).toList();
    }
  }

  static Connection connection() {
    return new Connection(new StreamFramer());
  }

  static byte[] concat(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String p : parts) {
      out.writeBytes(bytes(p));
    }
    return out.toByteArray();
  }

  @Nested
  class Messages {
    @Test
    void cutsOneMessage() {
      byte[] wire = bytes(RfcExamples.INVITE);
      StreamFramer f = new StreamFramer();
      assertThat(f.state()).isEqualTo(State.START);
      assertThat(f.next(wire, 0, wire.length)).isEqualTo(new Message(wire.length));
      assertThat(f.state()).isEqualTo(State.START);
    }

    @Test
    void cutsAMessageThatArrivesByteByByte() {
      byte[] wire = bytes(RfcExamples.INVITE);
      Connection c = connection().receiveByteByByte(wire);
      assertThat(c.cut()).containsExactly(new Message(wire.length));
      assertThat(c.frames).hasSize(wire.length + 1); // the last call finds the buffer empty
      assertThat(c.messages.get(0)).isEqualTo(wire);
      assertThat(c.buffer).isEmpty();
    }

    @Test
    void waitsForTheBody() {
      byte[] wire = bytes(RfcExamples.INVITE);
      int head = RfcExamples.INVITE.indexOf("\r\n\r\n") + 4;
      StreamFramer f = new StreamFramer();
      assertThat(f.next(wire, 0, head + 3)).isInstanceOf(NeedMore.class);
      assertThat(f.state()).isEqualTo(State.BODY);
      assertThat(f.next(wire, 0, wire.length - 1)).isInstanceOf(NeedMore.class);
      assertThat(f.next(wire, 0, wire.length)).isEqualTo(new Message(wire.length));
    }

    @Test
    void cutsSeveralMessagesFromOneBuffer() {
      byte[] all = concat(RfcExamples.INVITE, RfcExamples.TRYING, RfcExamples.RINGING, RfcExamples.ACK);
      Connection c = connection().receive(all);
      assertThat(c.messages).hasSize(4);
      assertThat(new String(c.messages.get(2), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(RfcExamples.RINGING);
      for (byte[] m : c.messages) {
        assertThat(SipParser.standard().parseFrame(m, 0, m.length).isParsed()).isTrue();
      }
    }

    @Test
    void cutsTheSameWayWhateverTheChunking() {
      byte[] all = concat(RfcExamples.INVITE, "\r\n\r\n", RfcExamples.BYE, "\r\n", RfcExamples.REGISTER_OK);
      List<Frame> whole = connection().receive(all).cut();
      for (int chunk : new int[] {1, 2, 3, 7, 64, 500}) {
        Connection c = connection();
        for (int i = 0; i < all.length; i += chunk) {
          c.receive(Arrays.copyOfRange(all, i, Math.min(all.length, i + chunk)));
        }
        assertThat(c.cut()).as("chunks of " + chunk).isEqualTo(whole);
      }
      assertThat(whole).hasSize(5);
    }

    @Test
    void acceptsBareLfLineEnds() {
      String lf = HEAD.replace("\r\n", "\n") + "Content-Length: 2\n\nhi";
      byte[] wire = bytes(lf + lf);
      Connection c = connection().receive(wire);
      assertThat(c.cut()).containsExactly(new Message(lf.length()), new Message(lf.length()));
    }

    @Test
    void readsCompactAndOddlySpelledContentLength() {
      for (String cl : new String[] {"l: 2", "L:2", "content-LENGTH  :  2 ", "Content-Length:\t002"}) {
        byte[] wire = bytes(HEAD + cl + "\r\n\r\nhi");
        assertThat(new StreamFramer().next(wire, 0, wire.length)).as(cl).isEqualTo(new Message(wire.length));
      }
    }

    // RFC 3261 §7.3.1: the value may be folded onto the next line, as the parser accepts.
    @Test
    void readsAFoldedContentLength() {
      byte[] wire = bytes(HEAD + "Content-Length:\r\n  2\r\n\r\nhi");
      assertThat(new StreamFramer().next(wire, 0, wire.length)).isEqualTo(new Message(wire.length));
      assertThat(SipParser.standard().parseFrame(wire, 0, wire.length).value().bodyText()).isEqualTo("hi");
    }

    @Test
    void doesNotMistakeAnotherHeaderForContentLength() {
      byte[] wire = bytes(HEAD + "X-Content-Length: 99\r\nContent-Lengthy: 5\r\nContent-Length: 0\r\n\r\n");
      assertThat(new StreamFramer().next(wire, 0, wire.length)).isEqualTo(new Message(wire.length));
    }
  }

  @Nested
  class KeepAlives {
    // RFC 5626 §3.5.1: CRLFCRLF is a ping, answered with CRLF.
    @Test
    void reportsTheDoubleCrlfPing() {
      byte[] ping = bytes("\r\n\r\n");
      assertThat(new StreamFramer().next(ping, 0, 4)).isEqualTo(new KeepAlive(4, true));
    }

    @Test
    void reportsAPingThatArrivesByteByByte() {
      Connection c = connection().receiveByteByByte(bytes("\r\n\r\n"));
      assertThat(c.frames).containsExactly(new NeedMore(), new NeedMore(), new NeedMore(), new KeepAlive(4, true), new NeedMore());
    }

    // A lone CRLF (a pong) cannot be told from the first half of a ping until more arrives.
    @Test
    void waitsAfterALoneCrlf() {
      StreamFramer f = new StreamFramer();
      assertThat(f.next(bytes("\r\n"), 0, 2)).isInstanceOf(NeedMore.class);
      assertThat(f.next(bytes("\r\n\r"), 0, 3)).isInstanceOf(NeedMore.class);
      byte[] then = concat("\r\n", RfcExamples.BYE);
      assertThat(f.next(then, 0, then.length)).isEqualTo(new KeepAlive(2, false));
    }

    // RFC 3261 §7.5: stray CRLFs between messages are skipped.
    @Test
    void skipsStrayLineEndsBetweenMessages() {
      byte[] all = concat("\n", RfcExamples.BYE, "\r\n", "\n", "\r\n", RfcExamples.ACK);
      Connection c = connection().receive(all);
      assertThat(c.messages).hasSize(2);
      assertThat(c.cut()).filteredOn(f -> f instanceof KeepAlive).allMatch(f -> !((KeepAlive) f).ping());
      assertThat(c.framer.state()).isEqualTo(State.START);
    }

    @Test
    void reportsAPingBeforeAMessage() {
      Connection c = connection().receive(concat("\r\n\r\n", RfcExamples.BYE));
      assertThat(c.cut()).containsExactly(new KeepAlive(4, true), new Message(RfcExamples.BYE.length()));
    }
  }

  @Nested
  class Faults {
    private final byte[] missing = bytes(HEAD + "\r\nhello");

    // RFC 3261 §18.3: Content-Length is mandatory on a stream.
    @Test
    void rejectsAMissingContentLength() {
      StreamFramer f = new StreamFramer();
      Frame frame = f.next(missing, 0, missing.length);
      int headerLength = HEAD.length() + 2;
      assertThat(frame).isEqualTo(new Fault("Missing Content-Length on a stream transport", 400, headerLength));
      assertThat(SipParser.standard().parseDatagram(missing, 0, headerLength).isParsed()).isTrue();
    }

    @Test
    void staysBadAfterAFault() {
      StreamFramer f = new StreamFramer();
      Frame fault = f.next(missing, 0, missing.length);
      assertThat(f.state()).isEqualTo(State.BAD);
      byte[] good = bytes(RfcExamples.BYE);
      assertThat(f.next(good, 0, good.length)).isSameAs(fault);
      assertThat(f.next(good, 0, 0)).isSameAs(fault);
      assertThat(f.state()).isEqualTo(State.BAD);
    }

    // RFC 4475 §3.1.2.1 (mcl01)
    @Test
    void rejectsConflictingContentLengths() {
      byte[] wire = bytes(HEAD + "Content-Length: 5\r\nl: 4\r\n\r\nhello");
      Fault f = (Fault) new StreamFramer().next(wire, 0, wire.length);
      assertThat(f.reason()).isEqualTo("Conflicting Content-Length values");
      assertThat(f.statusCode()).isEqualTo(400);
    }

    @Test
    void acceptsARepeatedEqualContentLength() {
      byte[] wire = bytes(HEAD + "Content-Length: 5\r\nl: 5\r\n\r\nhello");
      assertThat(new StreamFramer().next(wire, 0, wire.length)).isEqualTo(new Message(wire.length));
    }

    // RFC 4475 §3.1.2.2 (ncl)
    @ParameterizedTest
    @ValueSource(strings = {"-999", "five", "", "1 2", "99999999999"})
    void rejectsANegativeOrNonNumericContentLength(String value) {
      byte[] wire = bytes(HEAD + "Content-Length: " + value + "\r\n\r\n");
      Fault f = (Fault) new StreamFramer().next(wire, 0, wire.length);
      assertThat(f.reason()).startsWith("Bad Content-Length");
      assertThat(f.statusCode()).isEqualTo(400);
      assertThat(f.headerLength()).isEqualTo(wire.length);
    }

    @Test
    void answersAnEndlessHeaderSectionWith513() {
      StreamFramer f = new StreamFramer(1024);
      byte[] wire = bytes(HEAD + "X-Pad: " + "a".repeat(2000));
      Frame frame = f.next(wire, 0, 1024);
      assertThat(frame).isInstanceOf(NeedMore.class);
      Fault fault = (Fault) f.next(wire, 0, 1025);
      assertThat(fault.statusCode()).isEqualTo(513);
      assertThat(fault.headerLength()).isZero();
      assertThat(f.state()).isEqualTo(State.BAD);
    }

    @Test
    void answersALargeBodyWith513BeforeItArrives() {
      StreamFramer f = new StreamFramer(1024);
      String head = HEAD + "Content-Length: 1000\r\n\r\n";
      byte[] wire = bytes(head);
      Fault fault = (Fault) f.next(wire, 0, wire.length);
      assertThat(fault.statusCode()).isEqualTo(513);
      assertThat(fault.reason()).startsWith("Message Too Large");
      assertThat(fault.headerLength()).isEqualTo(head.length());
    }

    @Test
    void acceptsAMessageOfExactlyTheLimit() {
      String head = HEAD + "Content-Length: 0000\r\n\r\n";
      String body = "x".repeat(1024 - head.length());
      byte[] wire = bytes(head.replace("0000", String.format("%04d", body.length())) + body);
      assertThat(wire).hasSize(1024);
      assertThat(new StreamFramer(1024).next(wire, 0, 1024)).isEqualTo(new Message(1024));
    }
  }
}
