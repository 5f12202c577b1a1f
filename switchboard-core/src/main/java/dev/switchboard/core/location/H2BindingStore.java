// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import dev.switchboard.core.BackgroundThreads;
import dev.switchboard.core.store.DataFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Bindings in H2's MVStore key-value file {@code <data>/locations.mv.db}, one entry per address of
 * record, written behind.
 *
 * <p><b>Why MVStore and not SQL.</b> The location service writes whole AORs and reads everything
 * once at start-up; it never queries. A map from AOR to its serialised bindings makes a flush one
 * {@code put} per changed AOR and one commit, where a table cost a delete and an insert per binding
 * through two indexes (measured: the SQL store took a third of the server's CPU under a REGISTER
 * load). Only the server opens this file (the {@code switchboard user} command uses the user store),
 * so it stays open, with its page cache, from construction to {@link #close()}; MVStore locks it,
 * so a second server on the same data folder fails at start-up.
 *
 * <p><b>Durability.</b> {@link #replace} only queues the new binding set of an AOR (a later set for
 * the same AOR supersedes a queued one). A daemon thread writes the queue every {@link
 * #FLUSH_INTERVAL_MILLIS} and commits, so a crash loses at most the last second of changes; {@link
 * #close()} writes everything that is still queued before it returns, so a clean shutdown loses
 * nothing. A failed write stays queued and is retried on the next tick; {@link #failedFlushes()}
 * counts such failures.
 *
 * <p>Expiry times are stored to the millisecond. Thread-safe.
 */
public final class H2BindingStore implements BindingStore {
  /** How often queued changes are written; at most this much is lost in a crash. */
  public static final long FLUSH_INTERVAL_MILLIS = 500;

  /** The file's name in the data folder. */
  public static final String FILE_NAME = "locations.mv.db";

  /** The value format; a file written in another version of it is refused. */
  private static final int FORMAT = 1;

  private final MVStore file;
  private final MVMap<String, byte[]> bindings;
  private final ScheduledExecutorService flusher;
  private final AtomicLong failedFlushes = new AtomicLong();

  // Guarded by itself. Insertion order is the order the AORs were first queued.
  private final Map<String, List<Binding>> pending = new LinkedHashMap<>();

  // Held while writing, so that two flushes never write the same AOR out of order.
  private final Object writeLock = new Object();

  private volatile boolean closed;

  /**
   * Opens the store in {@code dataDir}, creating the file if missing, and starts the flush thread.
   *
   * @throws IllegalArgumentException if {@code dataDir} is not an existing folder
   * @throws BindingStoreException if the file cannot be opened (unreadable, or held by another
   *     server)
   */
  public H2BindingStore(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("data folder " + dataDir + " does not exist");
    }
    Path path = dataDir.toAbsolutePath().resolve(FILE_NAME);
    try {
      this.file = new MVStore.Builder().fileName(path.toString()).autoCommitDisabled().open();
    } catch (MVStoreException e) {
      throw new BindingStoreException("binding store " + path + ": " + DataFile.firstLine(e), e);
    }
    this.bindings = file.openMap("bindings");
    this.flusher = BackgroundThreads.scheduler("switchboard-binding-flusher");
    flusher.scheduleWithFixedDelay(
        this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public List<Binding> loadAll() {
    checkOpen();
    List<Binding> all = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : bindings.entrySet()) {
      all.addAll(decode(e.getKey(), e.getValue()));
    }
    return List.copyOf(all);
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
        for (Map.Entry<String, List<Binding>> e : batch.entrySet()) {
          if (e.getValue().isEmpty()) {
            bindings.remove(e.getKey());
          } else {
            bindings.put(e.getKey(), encode(e.getValue()));
          }
        }
        file.commit();
      } catch (MVStoreException e) {
        // Put back what no newer change has superseded, to be written on the next try.
        synchronized (pending) {
          batch.forEach(pending::putIfAbsent);
        }
        throw new BindingStoreException("binding store: " + DataFile.firstLine(e), e);
      }
    }
  }

  /** How many background writes have failed so far; their changes stayed queued. */
  public long failedFlushes() {
    return failedFlushes.get();
  }

  /** Stops the flush thread, writes everything still queued, closes the file. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    flusher.shutdown();
    try {
      flusher.awaitTermination(FLUSH_INTERVAL_MILLIS * 10, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      flush();
    } finally {
      file.close();
    }
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

  /** The bindings of one AOR, without the AOR itself (it is the key). */
  static byte[] encode(List<Binding> list) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * list.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(list.size());
      for (Binding b : list) {
        out.writeUTF(b.contact());
        out.writeDouble(b.q());
        out.writeLong(b.expiresAt().toEpochMilli());
        out.writeUTF(b.callId());
        out.writeLong(b.cseq());
        out.writeInt(b.path().size());
        for (String hop : b.path()) {
          out.writeUTF(hop);
        }
        out.writeBoolean(b.instance() != null);
        if (b.instance() != null) {
          out.writeUTF(b.instance());
        }
        out.writeBoolean(b.regId() != null);
        if (b.regId() != null) {
          out.writeInt(b.regId());
        }
        out.writeUTF(b.flow().transport());
        out.writeUTF(b.flow().source());
        out.writeUTF(b.flow().listener());
      }
    } catch (IOException e) {
      // A ByteArrayOutputStream does not fail; writeUTF refuses only strings over 64 KiB, which
      // the message size limit rules out.
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<Binding> decode(String aor, byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      int format = in.readByte();
      if (format != FORMAT) {
        throw new BindingStoreException(
            "binding store: bindings of " + aor + " are in format " + format + ", expected " + FORMAT, null);
      }
      int n = in.readInt();
      List<Binding> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String contact = in.readUTF();
        double q = in.readDouble();
        Instant expiresAt = Instant.ofEpochMilli(in.readLong());
        String callId = in.readUTF();
        long cseq = in.readLong();
        int hops = in.readInt();
        List<String> path = new ArrayList<>(hops);
        for (int h = 0; h < hops; h++) {
          path.add(in.readUTF());
        }
        String instance = in.readBoolean() ? in.readUTF() : null;
        Integer regId = in.readBoolean() ? in.readInt() : null;
        Flow flow = new Flow(in.readUTF(), in.readUTF(), in.readUTF());
        list.add(new Binding(aor, contact, q, expiresAt, callId, cseq, path, instance, regId, flow));
      }
      return list;
    } catch (IOException e) {
      throw new BindingStoreException("binding store: bindings of " + aor + " are damaged: " + e, e);
    }
  }
}
