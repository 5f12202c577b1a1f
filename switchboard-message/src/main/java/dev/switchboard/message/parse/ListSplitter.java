// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a header line into its comma-separated values (RFC 3261 section 7.3.1), leaving commas
 * inside quoted strings and angle brackets alone. Repeated header lines and one comma-separated
 * line are equivalent; this is what makes them so.
 */
public final class ListSplitter {
  private ListSplitter() {}

  /**
   * The values of {@code line}, trimmed; an empty value between commas comes back as an empty
   * string so that the caller can report it. An empty line gives an empty list.
   */
  public static List<String> split(String line) {
    if (line.isEmpty()) {
      return List.of();
    }
    if (line.indexOf('"') < 0 && line.indexOf('<') < 0) {
      return splitPlain(line);
    }
    List<String> out = new ArrayList<>(4);
    boolean quoted = false;
    boolean bracket = false;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '<') {
        bracket = true;
      } else if (c == '>') {
        bracket = false;
      } else if (c == ',' && !bracket) {
        out.add(trimmed(line, start, i));
        start = i + 1;
      }
    }
    out.add(trimmed(line, start, line.length()));
    return out;
  }

  /** The common case, no quotes and no brackets: every comma separates. */
  private static List<String> splitPlain(String line) {
    int comma = line.indexOf(',');
    if (comma < 0) {
      return List.of(trimmed(line, 0, line.length()));
    }
    List<String> out = new ArrayList<>(8);
    int start = 0;
    while (comma >= 0) {
      out.add(trimmed(line, start, comma));
      start = comma + 1;
      comma = line.indexOf(',', start);
    }
    out.add(trimmed(line, start, line.length()));
    return out;
  }

  /** {@code line[from, to)} without surrounding SP and HTAB, copied once (or not at all). */
  private static String trimmed(String line, int from, int to) {
    while (from < to && SipChars.isWsp(line.charAt(from))) {
      from++;
    }
    while (to > from && SipChars.isWsp(line.charAt(to - 1))) {
      to--;
    }
    return KnownTokens.substring(line, from, to);
  }
}
