// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import dev.switchboard.media.Decoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses session descriptions (RFC 8866 section 5): lenient where real clients differ, strict
 * where a value would be misread.
 *
 * <p>Lenient: LF as well as CRLF line ends, trailing empty lines, lines in any order within a
 * section, any attribute, and lines of an unknown type letter (kept as {@link Field}s; RFC 8866
 * asks parsers to ignore those, but they are kept so that a description passes through). A
 * missing {@code t=} is accepted.
 *
 * <p>Strict, with a reason naming the line: a line that is not {@code <letter>=<value>}, a first
 * line other than {@code v=0}, a missing {@code o=} or {@code s=}, and malformed {@code o=}, {@code
 * c=}, {@code b=}, {@code t=}, {@code r=}, {@code m=} lines or {@code rtpmap}, {@code fmtp}, {@code
 * ptime} and direction attributes. Stateless and thread-safe.
 */
public final class SdpParser {
  private SdpParser() {}

  /** Parses a description; the reason of a fault starts with the line number, e.g. "line 4: ...". */
  public static Decoding<SessionDescription> parse(String text) {
    return new Run(text).parse();
  }

  /** One parse: the position in the input and the sections built so far. Confined to one call. */
  private static final class Run {
    private final String text;
    private int lineNo;

    private Origin origin;
    private String sessionName;
    private final List<Field> fields = new ArrayList<>();
    private Optional<Connection> connection = Optional.empty();
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>();
    private final List<String> repeats = new ArrayList<>();
    private long[] pendingTime;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private MediaDescription.Builder current;

    Run(String text) {
      this.text = text;
    }

    Decoding<SessionDescription> parse() {
      List<String> lines = splitLines(text);
      if (lines.isEmpty()) {
        return Decoding.malformed("empty session description");
      }
      for (String line : lines) {
        lineNo++;
        String fault = line(line);
        if (fault != null) {
          return Decoding.malformed("line " + lineNo + ": " + fault);
        }
      }
      closeTiming();
      closeMedia();
      if (origin == null) {
        return Decoding.malformed("missing o= line");
      }
      if (sessionName == null) {
        return Decoding.malformed("missing s= line");
      }
      return Decoding.ok(
          new SessionDescription(
              origin, sessionName, fields, connection, bandwidths, timings, attributes, media));
    }

    /** Handles one line; returns the fault, or null. */
    private String line(String line) {
      if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
        return "not a '<type>=<value>' line: '" + clip(line) + "'";
      }
      if (line.indexOf('\0') >= 0 || line.indexOf('\r') >= 0) {
        return "contains NUL or a stray CR";
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      if (lineNo == 1) {
        if (type != 'v') {
          return "a session description starts with v=0, found '" + clip(line) + "'";
        }
        return value.equals("0") ? null : "unsupported SDP version v=" + clip(value);
      }
      if (current != null) {
        return mediaLine(type, value);
      }
      return sessionLine(type, value);
    }

    private String sessionLine(char type, String value) {
      switch (type) {
        case 'v':
          return "second v= line";
        case 'o':
          if (origin != null) {
            return "second o= line";
          }
          return origin(value);
        case 's':
          if (sessionName != null) {
            return "second s= line";
          }
          sessionName = value;
          return null;
        case 'c':
          if (connection.isPresent()) {
            return "second session-level c= line";
          }
          Decoding<Connection> c = connection(value);
          if (!c.isOk()) {
            return ((Decoding.Malformed<Connection>) c).reason();
          }
          connection = Optional.of(c.value());
          return null;
        case 'b':
          return bandwidth(value, bandwidths);
        case 't':
          return timing(value);
        case 'r':
          if (pendingTime == null) {
            return "r= line without a t= line before it";
          }
          if (value.isBlank()) {
            return "empty r= line";
          }
          repeats.add(value);
          return null;
        case 'a':
          return attribute(value, attributes);
        case 'm':
          closeTiming();
          return startMedia(value);
        default:
          fields.add(new Field(type, value));
          return null;
      }
    }

    private String mediaLine(char type, String value) {
      switch (type) {
        case 'm':
          closeMedia();
          return startMedia(value);
        case 'c':
          Decoding<Connection> c = connection(value);
          if (!c.isOk()) {
            return ((Decoding.Malformed<Connection>) c).reason();
          }
          current.connection(c.value());
          return null;
        case 'b':
          List<Bandwidth> list = new ArrayList<>();
          String fault = bandwidth(value, list);
          list.forEach(current::bandwidth);
          return fault;
        case 'a':
          List<Attribute> attrs = new ArrayList<>();
          String attrFault = attribute(value, attrs);
          attrs.forEach(current::attribute);
          return attrFault;
        case 'i':
        case 'k':
          current.field(new Field(type, value));
          return null;
        case 'v':
        case 'o':
        case 's':
        case 'u':
        case 'e':
        case 'p':
        case 't':
        case 'r':
        case 'z':
          return type + "= is not allowed in a media description (after m=)";
        default:
          current.field(new Field(type, value));
          return null;
      }
    }

    /** {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <address>}. */
    private String origin(String value) {
      String[] f = tokens(value);
      if (f.length != 6) {
        return "o= needs 6 fields '<username> <sess-id> <sess-version> <nettype> <addrtype>"
            + " <address>', found " + f.length;
      }
      if (Numbers.parseUnsigned(f[1]) == null) {
        return "o= session id is not a number: '" + clip(f[1]) + "'";
      }
      Long version = Numbers.parseUnsigned(f[2]);
      if (version == null) {
        return "o= session version is not a number: '" + clip(f[2]) + "'";
      }
      origin = new Origin(f[0], f[1], version, f[3], f[4], f[5]);
      return null;
    }

    /** {@code c=<nettype> <addrtype> <connection-address>}. */
    private static Decoding<Connection> connection(String value) {
      String[] f = tokens(value);
      if (f.length != 3) {
        return Decoding.malformed(
            "c= needs 3 fields '<nettype> <addrtype> <address>', found " + f.length);
      }
      return Decoding.ok(new Connection(f[0], f[1], f[2]));
    }

    /** {@code b=<bwtype>:<bandwidth>}. */
    private static String bandwidth(String value, List<Bandwidth> into) {
      int colon = value.indexOf(':');
      if (colon <= 0 || !value.substring(0, colon).matches("[^ \t]+")) {
        return "b= is not '<type>:<bandwidth>': '" + clip(value) + "'";
      }
      long bw = Numbers.parseLong(value.substring(colon + 1));
      if (bw < 0) {
        return "b= bandwidth is not a number: '" + clip(value.substring(colon + 1)) + "'";
      }
      into.add(new Bandwidth(value.substring(0, colon), bw));
      return null;
    }

    /** {@code t=<start-time> <stop-time>}. */
    private String timing(String value) {
      closeTiming();
      String[] f = tokens(value);
      if (f.length != 2) {
        return "t= needs 2 fields '<start> <stop>', found " + f.length;
      }
      long start = Numbers.parseLong(f[0]);
      long stop = Numbers.parseLong(f[1]);
      if (start < 0 || stop < 0) {
        return "t= times are not numbers: '" + clip(value) + "'";
      }
      pendingTime = new long[] {start, stop};
      return null;
    }

    private void closeTiming() {
      if (pendingTime != null) {
        timings.add(new Timing(pendingTime[0], pendingTime[1], repeats));
        repeats.clear();
        pendingTime = null;
      }
    }

    /** {@code m=<media> <port>[/<number of ports>] <proto> <fmt> ...}. */
    private String startMedia(String value) {
      String[] f = tokens(value);
      if (f.length < 4) {
        return "m= needs '<media> <port> <proto> <format>...', found " + f.length + " fields";
      }
      String portText = f[1];
      OptionalInt count = OptionalInt.empty();
      int slash = portText.indexOf('/');
      if (slash >= 0) {
        int n = Numbers.parseInt(portText.substring(slash + 1), 1, 65535);
        if (n < 0) {
          return "m= port count is not a positive number: '" + clip(portText) + "'";
        }
        count = OptionalInt.of(n);
        portText = portText.substring(0, slash);
      }
      int port = Numbers.parseInt(portText, 0, 65535);
      if (port < 0) {
        return "m= port is not a number 0-65535: '" + clip(portText) + "'";
      }
      current = MediaDescription.builder(f[0], port, f[2]);
      count.ifPresent(current::portCount);
      for (int i = 3; i < f.length; i++) {
        current.format(f[i]);
      }
      return null;
    }

    private void closeMedia() {
      if (current != null) {
        media.add(current.build());
        current = null;
      }
    }

    /** {@code a=<name>} or {@code a=<name>:<value>}; the known ones are checked here. */
    private static String attribute(String value, List<Attribute> into) {
      int colon = value.indexOf(':');
      String name = colon < 0 ? value : value.substring(0, colon);
      if (name.isEmpty() || name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0) {
        return "a= attribute name is empty or contains a space: '" + clip(value) + "'";
      }
      Optional<String> v = colon < 0 ? Optional.empty() : Optional.of(value.substring(colon + 1));
      String fault = checkKnown(name, v);
      if (fault != null) {
        return fault;
      }
      into.add(new Attribute(name, v));
      return null;
    }

    private static String checkKnown(String name, Optional<String> v) {
      if (Direction.fromAttribute(name).isPresent()) {
        return v.isPresent() ? "a=" + name + " takes no value" : null;
      }
      switch (name) {
        case RtpMap.NAME:
          if (v.isEmpty()) {
            return "a=rtpmap without a value";
          }
          Decoding<RtpMap> map = RtpMap.parse(v.get());
          return map.isOk() ? null : ((Decoding.Malformed<RtpMap>) map).reason();
        case Fmtp.NAME:
          if (v.isEmpty()) {
            return "a=fmtp without a value";
          }
          Decoding<Fmtp> fmtp = Fmtp.parse(v.get());
          return fmtp.isOk() ? null : ((Decoding.Malformed<Fmtp>) fmtp).reason();
        case "ptime":
        case "maxptime":
          if (v.isEmpty() || Numbers.parseInt(v.get(), 1, 65535) < 0) {
            return "a=" + name + " is not a number of milliseconds: '"
                + clip(v.orElse("")) + "'";
          }
          return null;
        default:
          return null;
      }
    }

    /** Lines split at LF with a CR before it removed; trailing empty lines dropped. */
    private static List<String> splitLines(String text) {
      List<String> lines = new ArrayList<>();
      int start = 0;
      while (start < text.length()) {
        int lf = text.indexOf('\n', start);
        int end = lf < 0 ? text.length() : lf;
        int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
        lines.add(text.substring(start, stop));
        start = end + 1;
      }
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    }

    /** The fields of a line separated by one or more spaces. */
    private static String[] tokens(String value) {
      String s = value.strip();
      return s.isEmpty() ? new String[0] : s.split("[ \t]+");
    }

    /** A value cut to a length that fits in a reason phrase. */
    private static String clip(String s) {
      return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
  }
}
