// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {
  @TempDir Path data;

  @Test
  void createdOnceReadableByOwnerOnlyAndReusedAfterRestart() throws IOException {
    byte[] first = ServerSecret.loadOrCreate(data);
    assertThat(first).hasSize(32);
    Path file = data.resolve(ServerSecret.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(ServerSecret.loadOrCreate(data)).isEqualTo(first);
  }

  @Test
  void noncesIssuedBeforeARestartStayValid() throws IOException {
    java.time.Clock clock = java.time.Clock.systemUTC();
    String nonce = new NonceService(ServerSecret.loadOrCreate(data), clock).issue("example.com");
    assertThat(new NonceService(ServerSecret.loadOrCreate(data), clock).check(nonce, "example.com"))
        .isEqualTo(NonceService.Status.VALID);
  }

  @Test
  void rejectsATruncatedSecretFile() throws IOException {
    Files.write(data.resolve(ServerSecret.FILE_NAME), new byte[3]);
    assertThatThrownBy(() -> ServerSecret.loadOrCreate(data))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("at least 16");
  }
}
