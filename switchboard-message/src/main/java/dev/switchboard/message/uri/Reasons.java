// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

/**
 * Wording of parse faults, shared by the URI parsers so every reason reads the same way.
 *
 * <p>Reasons become reason phrases of {@code 400} responses, so they must stay on one line and must
 * not echo raw control characters from the input.
 */
final class Reasons {
  private static final int MAX_QUOTED = 40;

  private Reasons() {}

  /** "whitespace in user", "illegal character '<' in host", "illegal character 0x07 in port". */
  static String illegal(char c, String where) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      return "whitespace in " + where;
    }
    if (c < 0x20 || c == 0x7F) {
      return String.format("illegal character 0x%02X in %s", (int) c, where);
    }
    if (c > 0x7F) {
      return String.format("illegal character U+%04X in %s", (int) c, where);
    }
    return "illegal character '" + c + "' in " + where;
  }

  /** Text from the input made safe to quote in a reason: printable ASCII only, bounded length. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_QUOTED + 3));
    for (int i = 0; i < s.length(); i++) {
      if (i == MAX_QUOTED) {
        sb.append("...");
        break;
      }
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return sb.toString();
  }
}
