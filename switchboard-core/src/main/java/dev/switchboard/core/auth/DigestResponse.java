// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

/**
 * The request-digest arithmetic of RFC 7616 section 3.4.1 and RFC 2617 section 3.2.2.1, without
 * any policy. Stateless and thread-safe.
 */
public final class DigestResponse {
  private DigestResponse() {}

  /**
   * HA2 = H(method ":" digest-uri) for qop=auth or no qop (RFC 7616 section 3.4.3).
   */
  public static String ha2(DigestAlgorithm algorithm, String method, String digestUri) {
    return algorithm.hex(method + ":" + digestUri);
  }

  /**
   * The response for qop=auth: H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2) (RFC 7616
   * section 3.4.1).
   */
  public static String withQop(
      Ha1 ha1, String nonce, String nc, String cnonce, String qop, String method, String digestUri) {
    DigestAlgorithm a = ha1.algorithm();
    return a.hex(ha1.hex() + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":"
        + ha2(a, method, digestUri));
  }

  /**
   * The response without qop: H(HA1 ":" nonce ":" HA2), the RFC 2069 form that RFC 3261 section
   * 22.4 still requires servers to accept.
   */
  public static String withoutQop(Ha1 ha1, String nonce, String method, String digestUri) {
    DigestAlgorithm a = ha1.algorithm();
    return a.hex(ha1.hex() + ":" + nonce + ":" + ha2(a, method, digestUri));
  }
}
