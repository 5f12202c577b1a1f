// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The secret the server's nonces are signed with ({@link NonceService}), kept in the data folder
 * as {@value #FILE_NAME} so that nonces stay valid across a restart, and so that nodes given the
 * same file accept each other's nonces.
 */
public final class ServerSecret {
  /** The file in the data folder. */
  public static final String FILE_NAME = "nonce.secret";

  private static final int BYTES = 32;

  private ServerSecret() {}

  /**
   * Reads the secret of {@code dataDir}, creating it (32 random bytes, readable by the owner only)
   * on first use.
   *
   * @throws IOException if the file cannot be read or written, or is shorter than 16 bytes
   */
  public static byte[] loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      byte[] secret = new byte[BYTES];
      new SecureRandom().nextBytes(secret);
      try {
        Files.createFile(file, ownerOnly(dataDir));
        Files.write(file, secret, StandardOpenOption.TRUNCATE_EXISTING);
        return secret;
      } catch (FileAlreadyExistsException raced) {
        // Another process created it first: use theirs.
      }
    }
    byte[] secret = Files.readAllBytes(file);
    if (secret.length < 16) {
      throw new IOException(file + " holds " + secret.length + " bytes; a secret needs at least 16");
    }
    return secret;
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
    return new java.nio.file.attribute.FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }
}
