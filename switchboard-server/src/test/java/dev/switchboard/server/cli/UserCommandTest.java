// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.Ha1;
import dev.switchboard.core.users.UserStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UserCommandTest {
  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final InputStream savedIn = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(savedIn);
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

  private List<String> errLines() {
    return err.toString().lines().toList();
  }

  @Test
  void addsAndListsUsers() {
    String dir = data.toString();

    assertThat(run("user", "add", "bob", "--password", "pw", "--data", dir)).isZero();
    assertThat(run("user", "add", "alice", "--password", "pw", "--domain", "example.com",
        "--data", dir)).isZero();
    assertThat(run("user", "list", "--data", dir)).isZero();

    assertThat(outLines())
        .containsExactly(
            "added bob@localhost", "added alice@example.com", "alice@example.com", "bob@localhost");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void readsThePasswordFromStdin() {
    System.setIn(new ByteArrayInputStream("s3cret\nignored\n".getBytes(StandardCharsets.UTF_8)));

    int exit = run("user", "add", "alice", "--password-stdin", "--data", data.toString());

    assertThat(exit).isZero();
    assertThat(UserStore.open(data).find("alice", "localhost", DigestAlgorithm.SHA_256))
        .contains(Ha1.compute(DigestAlgorithm.SHA_256, "alice", "localhost", "s3cret"));
  }

  @Test
  void duplicateUserIsOneLineWithExitCodeTwo() {
    run("user", "add", "alice", "--password", "pw", "--data", data.toString());
    out.getBuffer().setLength(0);

    int exit = run("user", "add", "alice", "--password", "pw2", "--data", data.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(errLines())
        .containsExactly("switchboard user add: user alice@localhost already exists");
  }

  @Test
  void missingDataFolderIsOneLineWithExitCodeTwo() {
    Path missing = data.resolve("missing");

    int exit = run("user", "list", "--data", missing.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(errLines())
        .containsExactly("switchboard user list: data folder " + missing + " does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void missingPasswordIsRejected() {
    int exit = run("user", "add", "alice", "--data", data.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(errLines()).hasSize(1);
    assertThat(err.toString()).startsWith("switchboard user add: missing password");
  }

  @Test
  void changesThePasswordAndRemovesAUser() {
    String dir = data.toString();
    run("user", "add", "alice", "--password", "old", "--data", dir);

    assertThat(run("user", "passwd", "alice", "--password", "new", "--data", dir)).isZero();
    assertThat(UserStore.open(data).find("alice", "localhost", DigestAlgorithm.MD5))
        .contains(Ha1.compute(DigestAlgorithm.MD5, "alice", "localhost", "new"));
    assertThat(run("user", "remove", "alice", "--data", dir)).isZero();
    assertThat(UserStore.open(data).list()).isEmpty();
    assertThat(run("user", "remove", "alice", "--data", dir)).isEqualTo(2);
    assertThat(errLines())
        .containsExactly("switchboard user remove: user alice@localhost does not exist");
  }

  @Test
  void importsACsvFileOrNothing() throws IOException {
    Path good = Files.writeString(data.resolve("good.csv"), "alice,pw1\nbob,pw2,b.example\n");
    Path bad = Files.writeString(data.resolve("bad.csv"), "carol,pw3\ndave\n");
    String dir = data.toString();

    assertThat(run("user", "import", good.toString(), "--data", dir)).isZero();
    assertThat(run("user", "import", bad.toString(), "--data", dir)).isEqualTo(2);

    assertThat(outLines()).containsExactly("imported 2 users");
    assertThat(errLines())
        .containsExactly(
            "switchboard user import: bad.csv line 2: expected name,password[,domain]");
    assertThat(UserStore.open(data).list()).hasSize(2);
  }
}
