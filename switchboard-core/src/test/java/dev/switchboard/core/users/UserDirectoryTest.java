// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.Ha1;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
  @TempDir Path data;

  @Test
  void servesHashesFromMemoryAndSeesChangesMadeThroughTheStoreOnRefresh() {
    UserStore store = UserStore.open(data);
    store.add("alice", "example.com", "secret");
    try (UserDirectory dir = UserDirectory.loadOnce(store)) {
      assertThat(dir.find("alice", "example.com", DigestAlgorithm.SHA_256))
          .contains(Ha1.compute(DigestAlgorithm.SHA_256, "alice", "example.com", "secret"));
      assertThat(dir.exists("alice", "example.com")).isTrue();

      // Another process (the user CLI) changes the store: invisible until the refresh.
      UserStore other = UserStore.open(data);
      other.add("bob", "example.com", "pw");
      other.setPassword("alice", "example.com", "changed");
      assertThat(dir.exists("bob", "example.com")).isFalse();

      dir.refresh();
      assertThat(dir.size()).isEqualTo(2);
      assertThat(dir.find("alice", "example.com", DigestAlgorithm.MD5))
          .contains(Ha1.compute(DigestAlgorithm.MD5, "alice", "example.com", "changed"));
      other.remove("bob", "example.com");
      dir.refresh();
      assertThat(dir.exists("bob", "example.com")).isFalse();
    }
  }

  @Test
  void everyWriteChangesTheVersionAndReadsDoNot() {
    UserStore store = UserStore.open(data);
    long v0 = store.version();
    store.add("alice", "example.com", "secret");
    long v1 = store.version();
    store.list();
    store.find("alice", "example.com", DigestAlgorithm.MD5);
    assertThat(store.version()).isEqualTo(v1).isGreaterThan(v0);
    assertThat(store.snapshot().version()).isEqualTo(v1);
  }

  @Test
  void unknownUserOrRealmIsEmpty() {
    UserStore store = UserStore.open(data);
    store.add("alice", "example.com", "secret");
    try (UserDirectory dir = UserDirectory.loadOnce(store)) {
      assertThat(dir.find("alice", "other.org", DigestAlgorithm.MD5)).isEmpty();
      assertThat(dir.find("mallory", "example.com", DigestAlgorithm.MD5)).isEmpty();
      assertThat(dir.find(null, "example.com", DigestAlgorithm.MD5)).isEmpty();
    }
  }
}
