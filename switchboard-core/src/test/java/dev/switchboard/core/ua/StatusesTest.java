// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a UAC does with status codes, RFC 3261 section 8.1.3.2. */
class StatusesTest {
  @Test
  void unknownFinalCodeActsAsTheX00OfItsClass() {
    assertThat(Statuses.effective(499)).isEqualTo(400);
    assertThat(Statuses.effective(599)).isEqualTo(500);
    assertThat(Statuses.effective(486)).isEqualTo(486);
  }

  @Test
  void unknownProvisionalCodeActsAs183() {
    assertThat(Statuses.effective(150)).isEqualTo(183);
  }

  @Test
  void describeGivesCodePhraseAndAOneClauseMeaning() {
    assertThat(Statuses.describe(486, "Busy Here"))
        .startsWith("486 Busy Here — the callee's end system was reached")
        .doesNotContain("\n")
        .doesNotContain("RFC");
    assertThat(Statuses.meaning(404, Locale.ROOT)).startsWith("the user does not exist");
  }

  @Test
  void meaningIsAvailableInChinese() {
    assertThat(Statuses.meaning(486, Locale.CHINESE)).isNotBlank().doesNotContain("\n");
  }
}
