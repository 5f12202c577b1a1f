// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.parse.ListSplitter;
import dev.switchboard.message.parse.ParseResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Salvages an error response from a request the parser rejected (section 8.2.6.1 and 18.3: 400,
 * 505 or 513).
 *
 * <p>The raw bytes are scanned leniently, line by line, for what a response needs: the Via lines,
 * From, To, Call-ID and CSeq. Those present are copied verbatim (RFC 4475 insuf lacks Call-ID,
 * From and To and still deserves its 400). The top Via is parsed when it can be, because the
 * response is routed by it and it gets {@code received} and {@code rport} as any request would
 * (section 18.2.1); when the fault is in the top Via itself (RFC 4475 badinv01), it is copied as
 * written and the transport sends the response back to the source address. Nothing is answered
 * when the input is a response, an ACK (which never gets a response, section 17.1.1.3), or has
 * no Via at all.
 *
 * <p>Stateless; safe from any thread.
 */
final class ErrorResponder {
  private ErrorResponder() {}

  /**
   * The response to send for the malformed input {@code b[off, off+len)}, or empty when it must
   * be dropped.
   *
   * @param reason the parse fault; it becomes the reason phrase
   * @param statusCode 400, 505 or 513
   * @param source where the input came from, for the top Via's received and rport
   */
  static Optional<SipResponse> answer(
      byte[] b, int off, int len, String reason, int statusCode, InetSocketAddress source) {
    List<String> lines = headerSection(new String(b, off, len, StandardCharsets.UTF_8));
    if (lines.isEmpty() || !isRequestLine(lines.get(0))) {
      return Optional.empty();
    }
    List<String> vias = new ArrayList<>(2);
    String from = null;
    String to = null;
    String callId = null;
    String cseq = null;
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (value.isEmpty()) {
        continue;
      }
      switch (name) {
        case "via", "v" -> vias.add(value);
        case "from", "f" -> from = from == null ? value : from;
        case "to", "t" -> to = to == null ? value : to;
        case "call-id", "i" -> callId = callId == null ? value : callId;
        case "cseq" -> cseq = cseq == null ? value : cseq;
        default -> {
          // Every other header stays out of the response.
        }
      }
    }
    if (vias.isEmpty()) {
      return Optional.empty();
    }
    SipResponse.Builder r = SipResponse.builder(statusCode, reason);
    List<String> topLine = ListSplitter.split(vias.get(0));
    if (!topLine.isEmpty() && Via.parse(topLine.get(0)) instanceof ParseResult.Parsed<Via> top) {
      r.add(HeaderName.VIA, ViaStamp.stamp(top.get(), source));
      if (topLine.size() > 1) {
        r.add("Via", String.join(", ", topLine.subList(1, topLine.size())));
      }
    } else {
      r.add("Via", vias.get(0));
    }
    for (String via : vias.subList(1, vias.size())) {
      r.add("Via", via);
    }
    addIfPresent(r, "From", from);
    addIfPresent(r, "To", to == null ? null : withTag(to));
    addIfPresent(r, "Call-ID", callId);
    addIfPresent(r, "CSeq", cseq);
    return Optional.of(r.build());
  }

  private static void addIfPresent(SipResponse.Builder r, String name, String value) {
    if (value != null) {
      r.add(name, value);
    }
  }

  /** The unfolded header lines, start line first, up to the empty line that ends the section. */
  private static List<String> headerSection(String text) {
    List<String> out = new ArrayList<>();
    int p = 0;
    // Section 7.5: CRLFs before the start line are ignored.
    while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
      p++;
    }
    while (p < text.length()) {
      int lf = text.indexOf('\n', p);
      int end = lf < 0 ? text.length() : lf;
      String line = text.substring(p, end > p && text.charAt(end - 1) == '\r' ? end - 1 : end);
      p = end + 1;
      if (line.isEmpty()) {
        break;
      }
      boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
      if (continuation && !out.isEmpty()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.trim());
      } else {
        out.add(line);
      }
    }
    return out;
  }

  /** A request line, loosely: a method token and a space; not a status line, not an ACK. */
  private static boolean isRequestLine(String line) {
    int sp = line.indexOf(' ');
    if (sp <= 0 || line.regionMatches(true, 0, "SIP/", 0, 4)) {
      return false;
    }
    return !line.substring(0, sp).equals("ACK");
  }

  /**
   * The To value with a tag added when it has none: section 8.2.6.2 requires the UAS to add one
   * to a final response. The raw text is kept otherwise.
   */
  private static String withTag(String to) {
    if (to.toLowerCase(Locale.ROOT).contains(";tag=")) {
      return to;
    }
    return to + ";tag=" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
  }
}
