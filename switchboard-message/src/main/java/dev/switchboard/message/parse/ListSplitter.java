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
    List<String> out = new ArrayList<>(2);
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
        out.add(line.substring(start, i).trim());
        start = i + 1;
      }
    }
    // trim() returns the line itself when there is nothing to trim, so no copy in the common case.
    out.add(start == 0 ? line.trim() : line.substring(start).trim());
    return out;
  }
}
