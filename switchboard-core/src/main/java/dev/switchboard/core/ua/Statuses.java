// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.StatusCode;
import java.util.Locale;

/**
 * What status codes mean to a UAC: the code to act on (RFC 3261 section 8.1.3.2) and a one-line
 * human explanation from the status-code registry, for logs and the command line.
 *
 * <p>Stateless and thread-safe.
 */
public final class Statuses {
  private Statuses() {}

  /**
   * The code a UAC acts on: the code itself when registered; an unknown final code counts as the
   * x00 of its class, an unknown provisional code as 183 (section 8.1.3.2).
   */
  public static int effective(int code) {
    return StatusCode.effective(code).code();
  }

  /**
   * The first clause of the registry's description of {@code code} (or of the code it counts as),
   * for example "the callee's end system was reached, but the callee cannot or will not take
   * another call there now" for 486: short enough for one line.
   */
  public static String meaning(int code, Locale locale) {
    String d = StatusCode.effective(code).description(locale).strip();
    int end = d.length();
    for (String stop : new String[] {"; ", ". ", " (RFC", "（", "；", "。"}) {
      int i = d.indexOf(stop);
      if (i > 0 && i < end) {
        end = i;
      }
    }
    String clause = d.substring(0, end).strip();
    if (clause.endsWith(".")) {
      clause = clause.substring(0, clause.length() - 1);
    }
    boolean word = clause.length() > 1 && Character.isLowerCase(clause.charAt(1));
    return word ? Character.toLowerCase(clause.charAt(0)) + clause.substring(1) : clause;
  }

  /** {@code "486 Busy Here — the callee's ..."}: the code, the phrase received and its meaning. */
  public static String describe(int code, String reasonPhrase) {
    return code + " " + reasonPhrase + " — " + meaning(code, Locale.ROOT);
  }
}
