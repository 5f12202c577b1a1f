// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DigestResponseTest {

  @Nested
  class Rfc2617Section3_5 {
    @Test
    void md5ExampleResponseMatches() {
      // RFC 2617 §3.5
      Ha1 ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
      String r = DigestResponse.withQop(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001",
          "0a4f113b", "auth", "GET", "/dir/index.html");
      assertThat(r).isEqualTo("6629fae49393a05397450978507c4ef1");
    }
  }

  @Nested
  class Rfc7616Section3_9_1 {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void sha256ExampleResponseMatches() {
      // RFC 7616 §3.9.1
      Ha1 ha1 = Ha1.compute(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life");
      String r = DigestResponse.withQop(ha1, NONCE, "00000001", CNONCE, "auth", "GET", "/dir/index.html");
      assertThat(r).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void md5ExampleResponseMatches() {
      // RFC 7616 §3.9.1, the MD5 response of the same example
      Ha1 ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "http-auth@example.org", "Circle of Life");
      String r = DigestResponse.withQop(ha1, NONCE, "00000001", CNONCE, "auth", "GET", "/dir/index.html");
      assertThat(r).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }
  }

  @Nested
  class Algorithms {
    @Test
    void absentAlgorithmMeansMd5() {
      // RFC 3261 §20.27 / RFC 7616 §3.3
      assertThat(DigestAlgorithm.fromToken(null)).contains(DigestAlgorithm.MD5);
      assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
      assertThat(DigestAlgorithm.fromToken("MD5-sess")).isEmpty();
      assertThat(DigestAlgorithm.SHA_256.token()).isEqualTo("SHA-256");
    }

    @Test
    void ha1ToStringHidesTheHash() {
      Ha1 ha1 = Ha1.compute(DigestAlgorithm.MD5, "a", "b", "c");
      assertThat(ha1.toString()).doesNotContain(ha1.hex());
      assertThat(Ha1.computeAll("a", "b", "c")).containsKeys(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);
    }
  }
}
