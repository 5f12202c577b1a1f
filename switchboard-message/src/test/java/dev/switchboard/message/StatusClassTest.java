// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusClassTest {
  // RFC 3261 §21: the first digit is the class.
  @ParameterizedTest
  @CsvSource({
    "100, PROVISIONAL", "199, PROVISIONAL",
    "200, SUCCESS", "299, SUCCESS",
    "300, REDIRECTION", "399, REDIRECTION",
    "400, CLIENT_ERROR", "499, CLIENT_ERROR",
    "500, SERVER_ERROR", "599, SERVER_ERROR",
    "600, GLOBAL_FAILURE", "699, GLOBAL_FAILURE"
  })
  void classIsTheFirstDigitAtEachBoundary(int code, StatusClass expected) {
    assertThat(StatusClass.of(code)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -100, 0, 99, 700, 999, Integer.MAX_VALUE})
  void codeOutsideOneHundredToSixNinetyNineIsRejected(int code) {
    assertThatThrownBy(() -> StatusClass.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(code));
  }

  @Test
  void baseCodeIsXZeroZero() {
    assertThat(StatusClass.PROVISIONAL.baseCode()).isEqualTo(100);
    assertThat(StatusClass.CLIENT_ERROR.baseCode()).isEqualTo(400);
    assertThat(StatusClass.GLOBAL_FAILURE.baseCode()).isEqualTo(600);
  }

  @ParameterizedTest
  @EnumSource(StatusClass.class)
  void everyBaseCodeIsRegistered(StatusClass cls) {
    assertThat(StatusCode.lookup(cls.baseCode())).isPresent();
  }

  @Test
  void containsOnlyItsOwnHundred() {
    assertThat(StatusClass.CLIENT_ERROR.contains(400)).isTrue();
    assertThat(StatusClass.CLIENT_ERROR.contains(499)).isTrue();
    assertThat(StatusClass.CLIENT_ERROR.contains(500)).isFalse();
    assertThat(StatusClass.CLIENT_ERROR.contains(399)).isFalse();
  }

  @Test
  void patternAndNamesInBothLanguages() {
    assertThat(StatusClass.CLIENT_ERROR.pattern()).isEqualTo("4xx");
    assertThat(StatusClass.CLIENT_ERROR.displayName(Locale.ENGLISH)).isEqualTo("client error");
    assertThat(StatusClass.CLIENT_ERROR.displayName(Locale.CHINESE)).isEqualTo("客户端错误");
    assertThat(StatusClass.GLOBAL_FAILURE.displayName(Locale.ENGLISH)).isEqualTo("global failure");
  }
}
