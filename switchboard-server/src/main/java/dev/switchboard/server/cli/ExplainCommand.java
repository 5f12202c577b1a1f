// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli;

import dev.switchboard.message.StatusClass;
import dev.switchboard.message.StatusCode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard explain CODE}: what a SIP status code means and what to check, in English or
 * Chinese; {@code switchboard explain --all} lists the registry.
 *
 * <p>A code that is well formed but not registered is explained as the code a UAC acts on instead
 * (RFC 3261 section 8.1.3.2, {@link StatusCode#effective(int)}). A malformed code or an unknown
 * language is reported on one line on stderr, with exit code 2 like every other bad argument.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Explain a SIP response status code: what it means and what to check.",
      "Status codes are defined by RFC 3261 section 21 and later RFCs (IANA registry)."
    })
public final class ExplainCommand implements Callable<Integer> {
  // RFC 3261 section 25.1: Status-Code is 3DIGIT; sections 7.2 and 21 give classes 1 to 6.
  private static final Pattern STATUS_CODE = Pattern.compile("[1-6][0-9][0-9]");

  // Wide enough for the longest reason phrase, "Push Notification Service Not Supported".
  private static final int REASON_WIDTH =
      StatusCode.all().stream().mapToInt(c -> c.reasonPhrase().length()).max().orElse(0);

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CODE",
      description = "The three-digit status code, 100 to 699, for example 486.")
  String code;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "en",
      description = "Language of the explanation: en (default) or zh (简体中文).")
  String lang;

  @Option(
      names = "--all",
      description = "List every registered code: code, reason phrase, defining RFC.")
  boolean all;

  @Override
  public Integer call() {
    Optional<Locale> locale = language(lang);
    if (locale.isEmpty()) {
      return fail("unsupported language '" + lang + "' (use en or zh)");
    }
    if (all && code != null) {
      return fail("give either a status code or --all, not both");
    }
    if (all) {
      listAll(locale.get());
      return 0;
    }
    if (code == null) {
      return fail("missing status code, for example 'explain 486', or --all");
    }
    if (!STATUS_CODE.matcher(code).matches()) {
      return fail("'" + code + "' is not a SIP status code (100-699)");
    }
    explain(Integer.parseInt(code), locale.get());
    return 0;
  }

  private void explain(int value, Locale locale) {
    PrintWriter out = spec.commandLine().getOut();
    boolean zh = isChinese(locale);
    StatusCode sc = StatusCode.effective(value);
    if (sc.code() != value) {
      out.println(unregistered(value, sc, zh));
    }
    StatusClass cls = sc.statusClass();
    String kind = cls.pattern() + " " + cls.displayName(locale);
    if (zh) {
      out.println(sc + " " + sc.displayName(locale) + "（" + kind + "，" + sc.reference() + "）");
    } else {
      out.println(sc + " (" + kind + ", " + sc.reference() + ")");
    }
    out.println(sc.description(locale));
    out.flush();
  }

  // RFC 3261 section 8.1.3.2: an unknown final code acts as the x00 of its class; an unknown
  // provisional code acts as 183 (100 is always known).
  private static String unregistered(int value, StatusCode stand, boolean zh) {
    if (stand.isProvisional()) {
      return zh
          ? value + " 不是已登记的 SIP 状态码；按 RFC 3261 第 8.1.3.2 节，UAC 把不认识的临时响应当作 "
              + stand + " 处理："
          : value + " is not a registered SIP status code; a UAC treats an unrecognized provisional"
              + " response as " + stand + " (RFC 3261 section 8.1.3.2):";
    }
    return zh
        ? value + " 不是已登记的 SIP 状态码；按 RFC 3261 第 8.1.3.2 节，UAC 把它当作同类的 x00，即 "
            + stand + " 处理："
        : value + " is not a registered SIP status code; a UAC treats it as the x00 of its class, "
            + stand + " (RFC 3261 section 8.1.3.2):";
  }

  private void listAll(Locale locale) {
    PrintWriter out = spec.commandLine().getOut();
    boolean zh = isChinese(locale);
    for (StatusCode sc : StatusCode.all()) {
      String line = String.format(
          Locale.ROOT, "%d  %-" + REASON_WIDTH + "s  %s", sc.code(), sc.reasonPhrase(),
          sc.reference());
      // The Chinese name goes last: its characters are double width and would break alignment.
      out.println(zh ? line + "  " + sc.displayName(locale) : line);
    }
    out.flush();
  }

  private int fail(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(spec.qualifiedName() + ": " + message);
    err.flush();
    return spec.exitCodeOnInvalidInput();
  }

  // Accepts a language tag such as en, en-GB, zh, zh-CN or zh_CN; only the language counts.
  private static Optional<Locale> language(String tag) {
    Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
    String language = locale.getLanguage();
    return language.equals("en") || language.equals("zh") ? Optional.of(locale) : Optional.empty();
  }

  private static boolean isChinese(Locale locale) {
    return locale.getLanguage().equals("zh");
  }
}
