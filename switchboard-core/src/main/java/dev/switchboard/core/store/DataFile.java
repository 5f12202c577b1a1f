// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.BiFunction;
import org.h2.api.ErrorCode;

/**
 * The embedded H2 database in the data folder that the server and the {@code switchboard} CLI
 * share, one process at a time.
 *
 * <p>Each call opens a connection, runs one transaction and closes it, so no process holds the
 * file longer than a transaction and no TCP port is opened. While another process holds the file,
 * a call retries every {@value #RETRY_PAUSE_MILLIS} ms for up to {@link #LOCK_WAIT_MILLIS}, then
 * fails with the store's own exception, whose message is one line.
 *
 * <p>Thread-safe.
 */
public final class DataFile {
  /** How long a call waits for another process to release the file. */
  public static final long LOCK_WAIT_MILLIS = 5_000;

  private static final long RETRY_PAUSE_MILLIS = 50;

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /** Runs on the open connection; throwing rolls the transaction back. */
    T run(Connection c) throws SQLException;
  }

  private final String url;
  private final String what;
  private final BiFunction<String, Throwable, RuntimeException> fault;

  /**
   * The database of {@code dataDir}.
   *
   * @param what the store's name for messages, e.g. "user store"
   * @param fault makes the store's exception from a one-line message and its cause
   * @throws IllegalArgumentException if {@code dataDir} is not an existing folder
   */
  public DataFile(Path dataDir, String what, BiFunction<String, Throwable, RuntimeException> fault) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("data folder " + dataDir + " does not exist");
    }
    this.url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("switchboard");
    this.what = what;
    this.fault = fault;
  }

  /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(Work<T> work) {
    long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
    while (true) {
      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        if (!isLocked(e) || System.nanoTime() > deadline) {
          throw fault.apply(what + " " + url.substring("jdbc:h2:file:".length()) + ": " + firstLine(e), e);
        }
        pause();
      }
    }
  }

  private static boolean isLocked(SQLException e) {
    return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
        || e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1;
  }

  /** The first line of an H2 message (they run to several, with the SQL statement). */
  public static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw fault.apply("interrupted while waiting for the " + what, ie);
    }
  }
}
