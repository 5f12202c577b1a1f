// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.parse;

/**
 * The tokens that fill most header values — method names, option tags, parameter names and
 * common values — as shared constant strings. A parser that meets one of them takes the constant
 * instead of cutting a new string out of the header, which keeps allocation per message low (an
 * Allow header alone lists a dozen methods).
 *
 * <p>Matching is exact (case-sensitive), so the text a message carries is never changed.
 * Immutable and thread-safe.
 */
public final class KnownTokens {
  private static final String[] TOKENS = {
    // Methods (RFC 3261 and extensions), as they appear in Allow, CSeq and RAck.
    "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "PRACK", "SUBSCRIBE", "NOTIFY",
    "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE",
    // Option tags (Supported, Require).
    "100rel", "timer", "replaces", "norefersub", "path", "gruu", "outbound", "precondition",
    "histinfo", "join", "eventlist", "from-change", "tdialog", "sec-agree", "answermode",
    // Via, URI and name-addr parameters and their usual values.
    "branch", "received", "rport", "maddr", "ttl", "tag", "lr", "transport", "user", "method",
    "expires", "q", "alias", "ob", "reg-id", "+sip.instance", "phone", "ip",
    "udp", "tcp", "tls", "UDP", "TCP", "TLS", "SIP", "2.0",
    // Digest parameters (RFC 3261 section 25.1, RFC 7616).
    "Digest", "username", "realm", "nonce", "uri", "response", "algorithm", "cnonce", "opaque",
    "qop", "nc", "stale", "rspauth", "auth", "auth-int", "MD5", "SHA-256", "true", "false",
    // Media types and codings.
    "application", "sdp", "text", "plain", "multipart", "mixed", "identity", "en",
  };
  private static final int SIZE = 512;
  private static final String[] TABLE = new String[SIZE];

  static {
    for (String t : TOKENS) {
      int i = hash(t, 0, t.length());
      while (TABLE[i] != null) {
        i = (i + 1) & (SIZE - 1);
      }
      TABLE[i] = t;
    }
  }

  private KnownTokens() {}

  private static int hash(CharSequence s, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return (h ^ (h >>> 9)) & (SIZE - 1);
  }

  /** {@code s[from, to)} as a string: the shared constant when it is a known token. */
  public static String substring(String s, int from, int to) {
    if (from == 0 && to == s.length()) {
      return s;
    }
    int len = to - from;
    if (len > 0 && len <= 13) {
      int i = hash(s, from, to);
      String t;
      while ((t = TABLE[i]) != null) {
        if (t.length() == len && s.regionMatches(from, t, 0, len)) {
          return t;
        }
        i = (i + 1) & (SIZE - 1);
      }
    }
    return s.substring(from, to);
  }
}
