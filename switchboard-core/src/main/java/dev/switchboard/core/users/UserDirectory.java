// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.users;

import dev.switchboard.core.BackgroundThreads;
import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.Ha1;
import dev.switchboard.core.auth.Ha1Lookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user store's HA1 hashes held in memory, so that authenticating a request never waits for
 * the database on a transport thread. A refresher reads the store's {@linkplain
 * UserStore#CHANGE_MARKER change marker} every {@code refresh} (a small file, not the database) and,
 * when it changed, reloads everything whose {@linkplain UserStore#version() version} moved, so
 * {@code switchboard user add|remove|passwd|import} run against the data folder of a running
 * server take effect within that interval.
 *
 * <p>Thread-safe: lookups read an immutable snapshot that the refresher replaces.
 */
public final class UserDirectory implements Ha1Lookup, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

  /** The default interval between version checks. */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

  private final UserStore store;
  private final Path marker;
  private volatile UserStore.Snapshot snapshot;
  private String lastMark = ""; // Guarded by this.
  private final ScheduledExecutorService refresher;

  private UserDirectory(UserStore store, UserStore.Snapshot first, Duration refresh) {
    this.store = store;
    this.marker = store.dataDir().resolve(UserStore.CHANGE_MARKER);
    this.lastMark = readMark();
    this.snapshot = first;
    if (refresh == null) {
      this.refresher = null;
      return;
    }
    this.refresher =
        BackgroundThreads.scheduler("switchboard-user-refresh");
    long ms = refresh.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Loads every user of {@code store} and starts refreshing every {@code refresh}.
   *
   * @throws UserStoreException if the store cannot be read
   */
  public static UserDirectory open(UserStore store, Duration refresh) {
    Objects.requireNonNull(refresh, "refresh");
    return new UserDirectory(store, store.snapshot(), refresh);
  }

  /** Loads every user of {@code store} once; {@link #refresh()} reloads on demand (for tests). */
  public static UserDirectory loadOnce(UserStore store) {
    return new UserDirectory(store, store.snapshot(), null);
  }

  @Override
  public Optional<Ha1> find(String username, String realm, DigestAlgorithm algorithm) {
    if (username == null || realm == null) {
      return Optional.empty();
    }
    Map<DigestAlgorithm, Ha1> hashes = snapshot.hashes().get(new User(username, realm));
    return hashes == null ? Optional.empty() : Optional.ofNullable(hashes.get(algorithm));
  }

  /** Whether {@code username} exists in {@code domain}. */
  public boolean exists(String username, String domain) {
    return snapshot.hashes().containsKey(new User(username, domain));
  }

  /** How many users are loaded. */
  public int size() {
    return snapshot.hashes().size();
  }

  /** Reloads the users if the change marker moved and the store's version with it. */
  public synchronized void refresh() {
    String mark = readMark();
    if (mark.equals(lastMark)) {
      return;
    }
    if (store.version() != snapshot.version()) {
      UserStore.Snapshot next = store.snapshot();
      snapshot = next;
      log.info("user directory reloaded: {} users", next.hashes().size());
    }
    lastMark = mark;
  }

  private String readMark() {
    try {
      return Files.readString(marker);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      // Unreadable for a moment (being rewritten): compare again next time.
      return lastMark;
    }
  }

  /** Stops the refresher. */
  @Override
  public void close() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // Keep serving the last good copy; a locked or briefly unreadable file is retried next time.
      log.warn("user directory not refreshed: {}", e.getMessage());
    }
  }
}
