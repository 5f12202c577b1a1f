// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.location.Binding;
import dev.switchboard.core.users.UserStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 distinct users register with digest authentication (RFC 3261 section 10.2 and 22.4), all
 * through SIPp over UDP at a bounded rate: every registration must get its 200, and the server's
 * location service must then hold each user's contact. Everything stays on 127.0.0.1.
 *
 * <p>The scenario is {@code bench/sipp-register-auth.xml}, the one {@code bench/register-bench.sh}
 * measures with. SIPp 3.6.1 can only answer MD5 challenges, and only the first WWW-Authenticate
 * of a 401 (it gives up on a SHA-256 one), so the server offers MD5 alone here.
 */
class RegisterLoadIT {
  private static final int USERS = 10_000;
  // 33 s of SIPp at this rate: a correctness test, so the rate leaves room for a busy 2-core
  // machine and a cold JIT (a cold server needs about 2 ms of CPU per registration).
  private static final int RATE = 300;
  private static final String DOMAIN = "127.0.0.1";

  @TempDir static Path dir;
  static SipServer server;
  static int port;
  static Path injection;

  private static String user(int i) {
    return String.format(Locale.ROOT, "load%05d", i);
  }

  /** The password of user {@code i}, as register-bench.sh derives them. */
  private static String password(int i) {
    return "pw-" + user(i);
  }

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    List<String> csv = new ArrayList<>();
    List<String> inf = new ArrayList<>();
    inf.add("SEQUENTIAL");
    for (int i = 1; i <= USERS; i++) {
      csv.add(user(i) + "," + password(i));
      inf.add(user(i) + ";" + password(i));
    }
    Path users = Files.write(dir.resolve("users.csv"), csv);
    injection = Files.write(dir.resolve("users.inf"), inf);
    try (UserStore store = UserStore.open(data)) {
      assertThat(store.importCsv(users, DOMAIN)).isEqualTo(USERS);
    }
    port = Peers.freeUdpPort();
    server =
        SipServer.start(
            TestConfigs.forMd5Clients(data, port, "udp").build());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close(Duration.ZERO);
    }
  }

  @Test
  void tenThousandUsersRegisterWithDigestAndAreFoundByLookup() throws Exception {
    Peers.require("sipp", "sip-tester");
    Path stat = dir.resolve("register-stat.csv");
    Peers.Run r =
        Peers.run(
            58,
            List.of(
                "sipp", "127.0.0.1:" + port,
                "-sf", Peers.home().resolve("bench/sipp-register-auth.xml").toString(),
                "-inf", injection.toString(),
                "-p", Integer.toString(Peers.freeUdpPort()),
                "-m", Integer.toString(USERS), "-r", Integer.toString(RATE), "-l", Integer.toString(USERS),
                // A response lost to a full socket buffer is retransmitted for (T1 doubling);
                // only one missing for 10 s fails the registration.
                "-timeout", "50", "-recv_timeout", "10000", "-nostdin",
                "-trace_stat", "-stf", stat.toString()));
    List<String> lines = Files.readAllLines(stat);
    String header = lines.get(0);
    String last = lines.get(lines.size() - 1);
    assertThat(r.exitCode()).as("SIPp exit code; output:\n%s", r.output()).isZero();
    assertThat(column(header, last, "SuccessfulCall(C)")).as("registrations answered 200").isEqualTo(USERS);
    assertThat(column(header, last, "FailedCall(C)")).as("failed registrations").isZero();

    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= USERS; i++) {
      String aor = "sip:" + user(i) + "@" + DOMAIN;
      List<Binding> bindings = server.location().lookup(aor);
      if (bindings.size() != 1 || !bindings.get(0).contact().startsWith("sip:" + user(i) + "@127.0.0.1:")) {
        missing.add(aor + " -> " + bindings);
      }
    }
    assertThat(missing).as("AORs without their one binding").isEmpty();
    assertThat(server.location().size()).isEqualTo(USERS);
  }

  /** The value of {@code name} in SIPp's statistics file (';'-separated, header first). */
  private static long column(String header, String row, String name) {
    String[] names = header.split(";");
    String[] values = row.split(";");
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return Long.parseLong(values[i].trim());
      }
    }
    throw new AssertionError("no column " + name + " in " + header);
  }
}
