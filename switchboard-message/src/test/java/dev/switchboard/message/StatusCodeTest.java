// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusCodeTest {
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  /**
   * The IANA SIP Response Codes registry (as of 2024), plus 409 and 411 from RFC 2543. Written out
   * here independently of StatusCode so that a dropped constant fails the test.
   */
  private static final int[] EXPECTED_CODES = {
    100, 180, 181, 182, 183, 199, //
    200, 202, 204, //
    300, 301, 302, 305, 380, //
    400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 420,
    421, 422, 423, 424, 425, 428, 429, 430, 433, 436, 437, 438, 439, 440, 469, 470, 480, 481, 482,
    483, 484, 485, 486, 487, 488, 489, 491, 493, 494, //
    500, 501, 502, 503, 504, 505, 513, 555, 580, //
    600, 603, 604, 606, 607, 608
  };

  static List<StatusCode> registry() {
    return StatusCode.all();
  }

  @Nested
  class Registry {
    @Test
    void containsExactlyTheIanaCodesPlusTheTwoRfc2543Codes() {
      assertThat(StatusCode.all().stream().mapToInt(StatusCode::code).toArray())
          .containsExactly(EXPECTED_CODES);
    }

    @Test
    void listsCodesInAscendingOrder() {
      assertThat(StatusCode.all()).isSortedAccordingTo(Comparator.comparingInt(StatusCode::code));
    }

    @Test
    void listIsImmutable() {
      assertThatThrownBy(() -> StatusCode.all().add(StatusCode.OK))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.message.StatusCodeTest#registry")
    void everyCodeHasReasonReferenceAndClass(StatusCode sc) {
      assertThat(sc.reasonPhrase()).isNotBlank();
      assertThat(sc.reference()).startsWith("RFC ");
      assertThat(sc.statusClass()).isEqualTo(StatusClass.of(sc.code()));
      assertThat(StatusCode.lookup(sc.code())).containsSame(sc);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.message.StatusCodeTest#registry")
    void everyCodeHasAnEnglishDescriptionWithoutChineseCharacters(StatusCode sc) {
      String en = sc.description(Locale.ENGLISH);
      assertThat(en).isNotBlank().doesNotContain("\n");
      assertThat(CJK.matcher(en).find()).as("CJK in English text of %s", sc).isFalse();
      assertThat(sc.displayName(Locale.ENGLISH)).isEqualTo(sc.reasonPhrase());
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.message.StatusCodeTest#registry")
    void everyCodeHasAChineseDescriptionAndName(StatusCode sc) {
      String zh = sc.description(Locale.SIMPLIFIED_CHINESE);
      assertThat(zh).isNotBlank().doesNotContain("\n");
      assertThat(CJK.matcher(zh).find()).as("CJK in Chinese text of %s", sc).isTrue();
      assertThat(CJK.matcher(sc.displayName(Locale.CHINESE)).find()).isTrue();
    }

    @Test
    void descriptionFilesHaveNoKeysForUnregisteredCodes() throws IOException {
      Set<String> expected = new TreeSet<>();
      for (int c = 1; c <= 6; c++) {
        expected.add("class." + c);
      }
      for (StatusCode sc : StatusCode.all()) {
        expected.add(sc.code() + ".description");
      }
      Set<String> zhExpected = new TreeSet<>(expected);
      StatusCode.all().forEach(sc -> zhExpected.add(sc.code() + ".name"));

      assertThat(keys("StatusCodes.properties")).isEqualTo(expected);
      assertThat(keys("StatusCodes_zh.properties")).isEqualTo(zhExpected);
    }

    private Set<String> keys(String resource) throws IOException {
      try (InputStream in = StatusCode.class.getResourceAsStream(resource);
          Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        Properties p = new Properties();
        p.load(r);
        return p.stringPropertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
      }
    }

    @ParameterizedTest
    @CsvSource({
      "100, Trying",
      "183, Session Progress",
      "481, Call/Transaction Does Not Exist",
      "486, Busy Here",
      "504, Server Time-out",
      "606, Not Acceptable"
    })
    void reasonPhrasesAreTheRfcOnes(int code, String reason) {
      assertThat(StatusCode.lookup(code)).get().extracting(StatusCode::reasonPhrase).isEqualTo(reason);
    }

    @Test
    void referencesNameTheDefiningRfc() {
      assertThat(StatusCode.BUSY_HERE.reference()).isEqualTo("RFC 3261");
      assertThat(StatusCode.EARLY_DIALOG_TERMINATED.reference()).isEqualTo("RFC 6228");
      assertThat(StatusCode.REJECTED.reference()).isEqualTo("RFC 8688");
      assertThat(StatusCode.CONFLICT.reference()).isEqualTo("RFC 2543 (obsolete)");
      assertThat(StatusCode.LENGTH_REQUIRED.reference()).isEqualTo("RFC 2543 (obsolete)");
    }
  }

  @Nested
  class Lookup {
    @ParameterizedTest
    @ValueSource(ints = {0, 99, 150, 499, 700, 1000, -486})
    void unregisteredOrOutOfRangeCodeIsEmpty(int code) {
      assertThat(StatusCode.lookup(code)).isEmpty();
    }

    @Test
    void registeredCodeIsTheConstant() {
      assertThat(StatusCode.lookup(486)).containsSame(StatusCode.BUSY_HERE);
    }
  }

  @Nested
  class Section8_1_3_2 {
    // RFC 3261 §8.1.3.2: an unrecognised final response is treated as the x00 of its class.
    @ParameterizedTest
    @CsvSource({"299, 200", "399, 300", "431, 400", "499, 400", "599, 500", "699, 600"})
    void unregisteredFinalCodeIsTheBaseOfItsClass(int code, int base) {
      assertThat(StatusCode.effective(code).code()).isEqualTo(base);
    }

    @Test
    void unregistered499IsBadRequest() {
      assertThat(StatusCode.effective(499)).isSameAs(StatusCode.BAD_REQUEST);
    }

    // RFC 3261 §8.1.3.2: "any provisional response different than 100 that it does not
    // recognize as 183 (Session Progress)".
    @ParameterizedTest
    @ValueSource(ints = {101, 150, 198})
    void unregisteredProvisionalCodeIsSessionProgress(int code) {
      assertThat(StatusCode.effective(code)).isSameAs(StatusCode.SESSION_PROGRESS);
    }

    @Test
    void registeredCodeIsItself() {
      assertThat(StatusCode.effective(180)).isSameAs(StatusCode.RINGING);
      assertThat(StatusCode.effective(100)).isSameAs(StatusCode.TRYING);
      assertThat(StatusCode.effective(608)).isSameAs(StatusCode.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, 700, 999, -1})
    void codeOutsideOneHundredToSixNinetyNineIsRejected(int code) {
      assertThatThrownBy(() -> StatusCode.effective(code))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Classes {
    @Test
    void predicatesFollowTheClass() {
      assertThat(StatusCode.RINGING.isProvisional()).isTrue();
      assertThat(StatusCode.RINGING.isFinal()).isFalse();
      assertThat(StatusCode.OK.isSuccess()).isTrue();
      assertThat(StatusCode.OK.isFinal()).isTrue();
      assertThat(StatusCode.BUSY_HERE.isSuccess()).isFalse();
      assertThat(StatusCode.BUSY_HERE.isFinal()).isTrue();
      assertThat(StatusCode.DECLINE.statusClass()).isEqualTo(StatusClass.GLOBAL_FAILURE);
    }

    @Test
    void toStringIsCodeAndReason() {
      assertThat(StatusCode.BUSY_HERE).hasToString("486 Busy Here");
      assertThat(StatusCode.NOT_ACCEPTABLE_ANYWHERE).hasToString("606 Not Acceptable");
    }
  }

  @Nested
  class Language {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreDefault() {
      Locale.setDefault(saved);
    }

    @Test
    void englishIsGivenWhenAskedForEvenOnAChineseMachine() {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      String en = StatusCode.UNAUTHORIZED.description(Locale.ENGLISH);
      assertThat(CJK.matcher(en).find()).isFalse();
      assertThat(en).contains("realm");
      assertThat(StatusClass.CLIENT_ERROR.displayName(Locale.ENGLISH)).isEqualTo("client error");
    }

    @Test
    void anyNonChineseLanguageGetsEnglish() {
      assertThat(StatusCode.BUSY_HERE.description(Locale.FRENCH))
          .isEqualTo(StatusCode.BUSY_HERE.description(Locale.ENGLISH));
    }

    @Test
    void anyChineseLocaleGetsSimplifiedChinese() {
      assertThat(StatusCode.BUSY_HERE.description(Locale.TRADITIONAL_CHINESE))
          .isEqualTo(StatusCode.BUSY_HERE.description(Locale.forLanguageTag("zh")));
      assertThat(StatusCode.BUSY_HERE.displayName(Locale.CHINA)).isEqualTo("本端忙");
    }

    @Test
    void textsCarryTheSourceNotesPoints() {
      // The project's source notes: 401 is for registrars and UAS, proxies use 407.
      assertThat(StatusCode.UNAUTHORIZED.description(Locale.ENGLISH)).contains("407");
      assertThat(StatusCode.UNAUTHORIZED.description(Locale.CHINESE)).contains("407");
      // 100 after 200 ms, never forwarded upstream by a stateful proxy.
      assertThat(StatusCode.TRYING.description(Locale.ENGLISH)).contains("200 ms", "upstream");
      assertThat(StatusCode.TRYING.description(Locale.CHINESE)).contains("200 毫秒", "上游");
      // 182 may be sent several times.
      assertThat(StatusCode.QUEUED.description(Locale.CHINESE)).contains("多次");
    }
  }
}
