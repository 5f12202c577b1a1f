// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.header.Via;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BranchesTest {
  @Test
  void branchStartsWithMagicCookieAndIsUnique() {
    // RFC 3261 §8.1.1.7
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String b = Branches.newBranch();
      assertThat(b).startsWith(Via.MAGIC_COOKIE).hasSize(Via.MAGIC_COOKIE.length() + 32);
      assertThat(seen.add(b)).isTrue();
    }
  }

  @Test
  void tagCarriesAtLeast32RandomBits() {
    // RFC 3261 §19.3
    assertThat(Branches.newTag()).hasSize(16).matches("[0-9a-f]+");
    assertThat(Branches.newTag()).isNotEqualTo(Branches.newTag());
  }
}
