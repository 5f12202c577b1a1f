// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.StatusCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ExplainCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Locale savedDefault = Locale.getDefault();

  @AfterEach
  void restoreDefaultLocale() {
    Locale.setDefault(savedDefault);
  }

  private int run(String... args) {
    CommandLine cl = SwitchboardCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private List<String> outLines() {
    return out.toString().lines().toList();
  }

  @Test
  void explainsACodeInEnglishByDefault() {
    int exit = run("explain", "486");

    assertThat(exit).isZero();
    assertThat(outLines())
        .containsExactly(
            "486 Busy Here (4xx client error, RFC 3261)",
            StatusCode.BUSY_HERE.description(Locale.ENGLISH));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void explainsACodeInChineseWithLangZh() {
    int exit = run("explain", "--lang", "zh", "401");

    assertThat(exit).isZero();
    assertThat(outLines())
        .containsExactly(
            "401 Unauthorized 未授权（4xx 客户端错误，RFC 3261）",
            StatusCode.UNAUTHORIZED.description(Locale.CHINESE));
  }

  @Test
  void acceptsRegionalLanguageTags() {
    assertThat(run("explain", "--lang=zh-CN", "183")).isZero();
    assertThat(run("explain", "--lang", "en_GB", "183")).isZero();
    assertThat(outLines().get(0)).contains("会话进行中");
    assertThat(outLines().get(2)).isEqualTo("183 Session Progress (1xx provisional, RFC 3261)");
  }

  @Test
  void englishIsEnglishOnAChineseMachine() {
    Locale.setDefault(Locale.SIMPLIFIED_CHINESE);

    run("explain", "603");

    assertThat(out.toString()).startsWith("603 Decline (6xx global failure, RFC 3261)");
    assertThat(out.toString()).doesNotContainPattern("\\p{IsHan}");
  }

  @Test
  void showsTheReferenceOfExtensionCodes() {
    run("explain", "199");

    assertThat(outLines().get(0))
        .isEqualTo("199 Early Dialog Terminated (1xx provisional, RFC 6228)");
  }

  // RFC 3261 §8.1.3.2: an unknown final code is treated as the x00 of its class.
  @Test
  void unregisteredFinalCodeIsExplainedAsTheBaseOfItsClass() {
    int exit = run("explain", "499");

    assertThat(exit).isZero();
    assertThat(outLines()).hasSize(3);
    assertThat(outLines().get(0))
        .contains("499 is not a registered SIP status code", "400 Bad Request", "8.1.3.2");
    assertThat(outLines().get(1)).isEqualTo("400 Bad Request (4xx client error, RFC 3261)");
    assertThat(outLines().get(2)).isEqualTo(StatusCode.BAD_REQUEST.description(Locale.ENGLISH));
  }

  @Test
  void unregisteredFinalCodeInChinese() {
    run("explain", "--lang", "zh", "299");

    assertThat(outLines().get(0)).contains("299 不是已登记的 SIP 状态码", "200 OK", "8.1.3.2");
    assertThat(outLines().get(1)).isEqualTo("200 OK 成功（2xx 成功，RFC 3261）");
  }

  // RFC 3261 §8.1.3.2: an unknown provisional code is treated as 183, not 100.
  @Test
  void unregisteredProvisionalCodeIsExplainedAsSessionProgress() {
    run("explain", "150");

    assertThat(outLines().get(0)).contains("150 is not a registered", "183 Session Progress");
    assertThat(outLines().get(1)).startsWith("183 Session Progress (");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "99", "700", "4861", "099", "0486", "-486", "48a", " 486", "４８６"})
  void malformedCodeIsOneLineOnStderrWithExitCodeTwo(String code) {
    int exit = run("explain", code);

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "switchboard explain: '" + code + "' is not a SIP status code (100-699)");
  }

  @Test
  void unsupportedLanguageIsOneLineOnStderrWithExitCodeTwo() {
    int exit = run("explain", "--lang", "fr", "486");

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines().toList())
        .containsExactly("switchboard explain: unsupported language 'fr' (use en or zh)");
  }

  @Test
  void missingCodeIsOneLineOnStderrWithExitCodeTwo() {
    int exit = run("explain");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("switchboard explain: missing status code");
  }

  @Test
  void codeAndAllTogetherAreRejected() {
    assertThat(run("explain", "--all", "486")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void allListsOneLinePerRegisteredCodeInOrder() {
    int exit = run("explain", "--all");

    assertThat(exit).isZero();
    List<String> lines = outLines();
    assertThat(lines).hasSize(StatusCode.all().size());
    for (int i = 0; i < lines.size(); i++) {
      StatusCode sc = StatusCode.all().get(i);
      assertThat(lines.get(i))
          .startsWith(sc.code() + "  " + sc.reasonPhrase())
          .endsWith(sc.reference());
    }
    assertThat(out.toString()).doesNotContainPattern("\\p{IsHan}");
  }

  @Test
  void allInChineseAddsTheChineseNames() {
    int exit = run("explain", "--all", "--lang", "zh");

    assertThat(exit).isZero();
    List<String> lines = outLines();
    assertThat(lines).hasSize(StatusCode.all().size());
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("486 ").endsWith("RFC 3261  本端忙"));
  }

  @Test
  void helpDescribesTheCommand() {
    int exit = run("explain", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: switchboard explain", "--lang", "--all", "CODE");
  }
}
