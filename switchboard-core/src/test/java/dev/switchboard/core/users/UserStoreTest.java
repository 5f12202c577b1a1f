// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.Ha1;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
  @TempDir Path data;

  @Test
  void addsListsAndRemovesUsers() {
    try (UserStore store = UserStore.open(data)) {
      store.add("bob", "example.com", "pw1");
      store.add("alice", "example.com", "pw2");
      store.add("alice", "a.example", "pw3");

      assertThat(store.list())
          .containsExactly(
              new User("alice", "a.example"),
              new User("alice", "example.com"),
              new User("bob", "example.com"));

      store.remove("alice", "example.com");

      assertThat(store.list())
          .containsExactly(new User("alice", "a.example"), new User("bob", "example.com"));
      assertThat(store.find("alice", "example.com", DigestAlgorithm.MD5)).isEmpty();
    }
  }

  @Test
  void usersSurviveReopening() {
    UserStore.open(data).add("alice", "example.com", "secret");

    assertThat(UserStore.open(data).list()).containsExactly(new User("alice", "example.com"));
    assertThat(data.resolve("switchboard.mv.db")).exists();
  }

  @Test
  void findsTheHa1ForEachAlgorithmAndNeverStoresThePassword() throws IOException {
    UserStore store = UserStore.open(data);
    store.add("alice", "example.com", "s3cret-passw0rd");

    for (DigestAlgorithm a : DigestAlgorithm.values()) {
      assertThat(store.find("alice", "example.com", a))
          .contains(Ha1.compute(a, "alice", "example.com", "s3cret-passw0rd"));
    }
    assertThat(store.find("alice", "other.example", DigestAlgorithm.MD5)).isEmpty();
    assertThat(store.find("Alice", "example.com", DigestAlgorithm.MD5)).isEmpty();
    assertThat(store.find("carol", "example.com", DigestAlgorithm.SHA_256)).isEmpty();
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain("s3cret-passw0rd");
      }
    }
  }

  @Test
  void setPasswordReplacesTheHashes() {
    UserStore store = UserStore.open(data);
    store.add("alice", "example.com", "old");

    store.setPassword("alice", "example.com", "new");

    assertThat(store.find("alice", "example.com", DigestAlgorithm.SHA_256))
        .contains(Ha1.compute(DigestAlgorithm.SHA_256, "alice", "example.com", "new"));
    assertThat(store.find("alice", "example.com", DigestAlgorithm.MD5))
        .contains(Ha1.compute(DigestAlgorithm.MD5, "alice", "example.com", "new"));
  }

  @Test
  void duplicateUserIsRejected() {
    UserStore store = UserStore.open(data);
    store.add("alice", "example.com", "pw");

    assertThatThrownBy(() -> store.add("alice", "example.com", "other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user alice@example.com already exists");
    assertThat(store.find("alice", "example.com", DigestAlgorithm.MD5))
        .contains(Ha1.compute(DigestAlgorithm.MD5, "alice", "example.com", "pw"));
  }

  @Test
  void unknownUserCannotBeRemovedOrChanged() {
    UserStore store = UserStore.open(data);

    assertThatThrownBy(() -> store.remove("alice", "example.com"))
        .hasMessage("user alice@example.com does not exist");
    assertThatThrownBy(() -> store.setPassword("alice", "example.com", "pw"))
        .hasMessage("user alice@example.com does not exist");
  }

  @Test
  void missingDataFolderIsAOneLineError() {
    Path missing = data.resolve("nope");

    assertThatThrownBy(() -> UserStore.open(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data folder " + missing + " does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void invalidNamesAreRejected() {
    UserStore store = UserStore.open(data);

    for (String bad : new String[] {"", "al ice", "alice@example.com", "sip:alice", "a,b"}) {
      assertThatThrownBy(() -> store.add(bad, "example.com", "pw"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid user name");
    }
    assertThatThrownBy(() -> store.add("alice", "", "pw")).hasMessageStartingWith("invalid domain");
    assertThatThrownBy(() -> store.add("alice", "example.com", ""))
        .hasMessageStartingWith("empty password");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void importsACsvFile() throws IOException {
    Path csv = data.resolve("users.csv");
    Files.writeString(
        csv,
        "name,password,domain\n"
            + "alice,pw1\n"
            + "\n"
            + "# a comment\n"
            + "bob,pw2,b.example\n");
    UserStore store = UserStore.open(data);

    int added = store.importCsv(csv, "example.com");

    assertThat(added).isEqualTo(2);
    assertThat(store.list())
        .containsExactly(new User("bob", "b.example"), new User("alice", "example.com"));
    assertThat(store.find("bob", "b.example", DigestAlgorithm.MD5))
        .contains(Ha1.compute(DigestAlgorithm.MD5, "bob", "b.example", "pw2"));
  }

  @Test
  void aBadCsvLineRollsBackTheWholeImport() throws IOException {
    Path csv = data.resolve("users.csv");
    Files.writeString(csv, "alice,pw1\nbob,pw2\ncarol\ndave,pw4\n");
    UserStore store = UserStore.open(data);

    assertThatThrownBy(() -> store.importCsv(csv, "example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("users.csv line 3: expected name,password[,domain]");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void aDuplicateInACsvNamesItsLineAndRollsBack() throws IOException {
    Path csv = data.resolve("users.csv");
    Files.writeString(csv, "carol,pw\nalice,pw1\n");
    UserStore store = UserStore.open(data);
    store.add("alice", "example.com", "pw");

    assertThatThrownBy(() -> store.importCsv(csv, "example.com"))
        .hasMessage("users.csv line 2: user alice@example.com already exists");
    assertThat(store.list()).containsExactly(new User("alice", "example.com"));
  }
}
