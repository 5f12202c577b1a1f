// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import dev.switchboard.core.BackgroundThreads;
import dev.switchboard.core.store.DataFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bindings in the embedded H2 database of the data folder, {@code <data>/switchboard.mv.db}, table
 * {@code bindings}, written behind.
 *
 * <p><b>Durability.</b> {@link #replace} only queues the new binding set of an AOR (a later set for
 * the same AOR supersedes a queued one). A daemon thread writes the queue every {@link
 * #FLUSH_INTERVAL_MILLIS}, in one transaction, so a crash loses at most the last second of changes;
 * {@link #close()} writes everything that is still queued before it returns, so a clean shutdown
 * loses nothing. A failed write stays queued and is retried on the next tick; {@link
 * #failedFlushes()} counts such failures.
 *
 * <p><b>Sharing the file.</b> Like {@code UserStore}, the store holds no connection between writes
 * and retries for up to {@link #LOCK_WAIT_MILLIS} while another process (the {@code switchboard
 * user} command) holds the file.
 *
 * <p>Expiry times are stored to the millisecond. Thread-safe.
 */
public final class H2BindingStore implements BindingStore {
  /** How often queued changes are written; at most this much is lost in a crash. */
  public static final long FLUSH_INTERVAL_MILLIS = 500;

  /** How long a write waits for another process to release the database file. */
  public static final long LOCK_WAIT_MILLIS = DataFile.LOCK_WAIT_MILLIS;

  private static final String PATH_SEPARATOR = "\n";

  private static final String CREATE =
      "CREATE TABLE IF NOT EXISTS bindings ("
          + "aor VARCHAR(1024) NOT NULL, "
          + "binding_key VARCHAR(4096) NOT NULL, "
          + "position INT NOT NULL, "
          + "contact VARCHAR(4096) NOT NULL, "
          + "q DOUBLE PRECISION NOT NULL, "
          + "expires_at BIGINT NOT NULL, "
          + "call_id VARCHAR(1024) NOT NULL, "
          + "cseq BIGINT NOT NULL, "
          + "path VARCHAR(65536) NOT NULL, "
          + "instance VARCHAR(1024), "
          + "reg_id INT, "
          + "transport VARCHAR(32) NOT NULL, "
          + "source VARCHAR(512) NOT NULL, "
          + "listener VARCHAR(512) NOT NULL, "
          + "PRIMARY KEY (aor, binding_key))";

  private static final String INSERT =
      "INSERT INTO bindings (aor, binding_key, position, contact, q, expires_at, call_id, cseq,"
          + " path, instance, reg_id, transport, source, listener)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String SELECT =
      "SELECT aor, contact, q, expires_at, call_id, cseq, path, instance, reg_id, transport,"
          + " source, listener FROM bindings ORDER BY aor, position";

  private final DataFile file;
  private final ScheduledExecutorService flusher;
  private final AtomicLong failedFlushes = new AtomicLong();

  // Guarded by itself. Insertion order is the order the AORs were first queued.
  private final Map<String, List<Binding>> pending = new LinkedHashMap<>();

  // Held while writing, so that two flushes never write the same AOR out of order.
  private final Object writeLock = new Object();

  private volatile boolean closed;

  /**
   * Opens the store in {@code dataDir}, creating the table if missing, and starts the flush thread.
   *
   * @throws IllegalArgumentException if {@code dataDir} is not an existing folder
   * @throws BindingStoreException if the database cannot be opened
   */
  public H2BindingStore(Path dataDir) {
    this.file = new DataFile(dataDir, "binding store", BindingStoreException::new);
    file.inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(CREATE);
          }
          return null;
        });
    this.flusher =
        BackgroundThreads.scheduler("switchboard-binding-flusher");
    flusher.scheduleWithFixedDelay(
        this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public List<Binding> loadAll() {
    checkOpen();
    return file.inTransaction(
        c -> {
          List<Binding> all = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(SELECT)) {
            while (rs.next()) {
              all.add(read(rs));
            }
          }
          return List.copyOf(all);
        });
  }

  @Override
  public void replace(String aor, List<Binding> bindings) {
    Objects.requireNonNull(aor, "aor");
    List<Binding> copy = List.copyOf(bindings);
    checkOpen();
    synchronized (pending) {
      pending.put(aor, copy);
    }
  }

  @Override
  public void flush() {
    synchronized (writeLock) {
      Map<String, List<Binding>> batch;
      synchronized (pending) {
        if (pending.isEmpty()) {
          return;
        }
        batch = new LinkedHashMap<>(pending);
        pending.clear();
      }
      try {
        file.inTransaction(
            c -> {
              write(c, batch);
              return null;
            });
      } catch (RuntimeException e) {
        // Put back what no newer change has superseded, to be written on the next try.
        synchronized (pending) {
          batch.forEach(pending::putIfAbsent);
        }
        throw e;
      }
    }
  }

  /** How many background writes have failed so far; their changes stayed queued. */
  public long failedFlushes() {
    return failedFlushes.get();
  }

  /** Stops the flush thread, then writes everything still queued. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    flusher.shutdown();
    try {
      flusher.awaitTermination(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      // Kept queued; the next tick retries. A failure is counted, not dropped silently.
      failedFlushes.incrementAndGet();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("binding store is closed");
    }
  }

  private static void write(Connection c, Map<String, List<Binding>> batch) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM bindings WHERE aor = ?");
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (Map.Entry<String, List<Binding>> e : batch.entrySet()) {
        delete.setString(1, e.getKey());
        delete.addBatch();
      }
      delete.executeBatch();
      for (Map.Entry<String, List<Binding>> e : batch.entrySet()) {
        int position = 0;
        for (Binding b : e.getValue()) {
          bind(insert, e.getKey(), position++, b);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, String aor, int position, Binding b)
      throws SQLException {
    ps.setString(1, aor);
    ps.setString(2, b.key());
    ps.setInt(3, position);
    ps.setString(4, b.contact());
    ps.setDouble(5, b.q());
    ps.setLong(6, b.expiresAt().toEpochMilli());
    ps.setString(7, b.callId());
    ps.setLong(8, b.cseq());
    ps.setString(9, String.join(PATH_SEPARATOR, b.path()));
    ps.setString(10, b.instance());
    if (b.regId() == null) {
      ps.setNull(11, Types.INTEGER);
    } else {
      ps.setInt(11, b.regId());
    }
    ps.setString(12, b.flow().transport());
    ps.setString(13, b.flow().source());
    ps.setString(14, b.flow().listener());
  }

  private static Binding read(ResultSet rs) throws SQLException {
    String path = rs.getString(7);
    int regId = rs.getInt(9);
    Integer regIdOrNull = rs.wasNull() ? null : regId;
    return new Binding(
        rs.getString(1),
        rs.getString(2),
        rs.getDouble(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getString(5),
        rs.getLong(6),
        path.isEmpty() ? List.of() : Arrays.asList(path.split(PATH_SEPARATOR, -1)),
        rs.getString(8),
        regIdOrNull,
        new Flow(rs.getString(10), rs.getString(11), rs.getString(12)));
  }
}
