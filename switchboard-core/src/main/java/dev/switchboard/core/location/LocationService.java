// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import dev.switchboard.core.BackgroundThreads;
import dev.switchboard.core.location.RegistrationEvent.Added;
import dev.switchboard.core.location.RegistrationEvent.Expired;
import dev.switchboard.core.location.RegistrationEvent.Refreshed;
import dev.switchboard.core.location.RegistrationEvent.Removed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The registrar's location service (RFC 3261 section 10.3): the bindings of each address of record,
 * held in memory for lookups at wire speed and written behind to a {@link BindingStore}.
 *
 * <p><b>Lifecycle.</b> {@link #open(Path, Clock)} opens the H2 store of a data folder, {@linkplain
 * #load() loads} it and starts the sweeper, which calls {@link #sweep()} every {@link
 * #SWEEP_INTERVAL_MILLIS} on one daemon thread. {@link #close()} stops the sweeper and closes the
 * store, which writes every change still queued. A service made with the constructor does neither
 * until {@link #load()} and {@link #startSweeper()} are called, which lets tests drive expiry with
 * their own clock.
 *
 * <p><b>Ordering.</b> {@link #lookup} returns contacts by q, highest first (RFC 3261 section
 * 16.6 tries them in that order); bindings of equal q come most recently added or refreshed first.
 *
 * <p><b>Events.</b> Every change is published to the subscribers as a {@link RegistrationEvent}
 * after it is applied, on the thread that made it, with no lock held. A subscriber that throws does
 * not stop the others; its exception goes to the thread's uncaught-exception handler.
 *
 * <p>Thread-safe: each AOR's binding list is an immutable list replaced atomically ({@link
 * ConcurrentHashMap#compute}), so changes to one AOR are serialised and lookups never block.
 */
public final class LocationService implements AutoCloseable {
  /** How often the sweeper started by {@link #startSweeper()} removes expired bindings. */
  public static final long SWEEP_INTERVAL_MILLIS = 1_000;

  // Highest q first; List.sort is stable, so the most recent stays first among equal q.
  private static final Comparator<Binding> BY_Q = Comparator.comparingDouble(Binding::q).reversed();

  private final BindingStore store;
  private final Clock clock;
  private final Map<String, List<Binding>> byAor = new ConcurrentHashMap<>();
  private final List<Consumer<RegistrationEvent>> subscribers = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private ScheduledExecutorService sweeper;

  /** A service over {@code store}, empty until {@link #load()}, with no sweeper running. */
  public LocationService(BindingStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Opens the bindings kept in {@code dataDir}, drops those that expired while the server was down
   * and starts the sweeper.
   *
   * @throws IllegalArgumentException if {@code dataDir} is not an existing folder
   * @throws BindingStoreException if the database cannot be read
   */
  public static LocationService open(Path dataDir, Clock clock) {
    return open(dataDir, clock, null);
  }

  /**
   * Like {@link #open(Path, Clock)}, with {@code subscriber} (if not null) subscribed before the
   * load, so that it also sees the {@link Expired} events of bindings that expired while the server
   * was down.
   */
  public static LocationService open(
      Path dataDir, Clock clock, Consumer<RegistrationEvent> subscriber) {
    Objects.requireNonNull(clock, "clock");
    H2BindingStore store = new H2BindingStore(dataDir);
    LocationService service = new LocationService(store, clock);
    if (subscriber != null) {
      service.subscribe(subscriber);
    }
    try {
      service.load();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    service.startSweeper();
    return service;
  }

  /**
   * Reads every binding from the store into memory, adding to what is there; bindings already
   * expired are dropped from the store and published as {@link Expired}.
   */
  public void load() {
    Map<String, List<Binding>> loaded = new LinkedHashMap<>();
    for (Binding b : store.loadAll()) {
      loaded.computeIfAbsent(b.aor(), k -> new ArrayList<>()).add(b);
    }
    Instant now = clock.instant();
    List<RegistrationEvent> events = new ArrayList<>();
    loaded.forEach(
        (aor, bindings) ->
            byAor.compute(
                aor,
                (k, current) -> {
                  List<Binding> next = new ArrayList<>(current == null ? List.of() : current);
                  boolean dropped = false;
                  for (Binding b : bindings) {
                    if (b.isExpired(now)) {
                      // RFC 3261 section 10.3: a binding lasts only for its expiration interval,
                      // and the time the server was down counts.
                      events.add(new Expired(b));
                      dropped = true;
                    } else {
                      next.removeIf(old -> old.key().equals(b.key()));
                      next.add(b);
                    }
                  }
                  next.sort(BY_Q);
                  if (dropped) {
                    store.replace(aor, next);
                  }
                  return next.isEmpty() ? null : List.copyOf(next);
                }));
    publish(events);
  }

  /** Starts the sweeper thread if it is not running. */
  public synchronized void startSweeper() {
    if (sweeper != null) {
      return;
    }
    sweeper =
        BackgroundThreads.scheduler("switchboard-location-sweeper");
    sweeper.scheduleWithFixedDelay(
        this::sweepQuietly, SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Adds a subscriber to the event stream. */
  public void subscribe(Consumer<RegistrationEvent> subscriber) {
    subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
  }

  /** Removes a subscriber added with {@link #subscribe}. */
  public void unsubscribe(Consumer<RegistrationEvent> subscriber) {
    subscribers.remove(subscriber);
  }

  /**
   * The unexpired bindings of {@code aor}, highest q first, then most recent first; empty if none.
   */
  public List<Binding> lookup(String aor) {
    List<Binding> bindings = byAor.get(Objects.requireNonNull(aor, "aor"));
    if (bindings == null) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Binding> live = new ArrayList<>(bindings.size());
    for (Binding b : bindings) {
      if (!b.isExpired(now)) {
        live.add(b);
      }
    }
    return List.copyOf(live);
  }

  /**
   * Applies one REGISTER's changes to {@code aor} atomically (RFC 3261 section 10.3, step 8): first
   * removes the bindings whose contact URI is in {@code removedContacts}, then adds or refreshes
   * each of {@code upserts}. An upsert replaces the binding with the same {@link Binding#key()}
   * (RFC 5626 section 6: same {@code +sip.instance} and {@code reg-id}; otherwise the same contact
   * URI). An upsert that has already expired removes its binding instead, like {@code Expires: 0}.
   *
   * @throws IllegalArgumentException if an upsert belongs to another AOR
   */
  public void update(String aor, List<Binding> upserts, List<String> removedContacts) {
    Objects.requireNonNull(aor, "aor");
    List<Binding> ups = List.copyOf(upserts);
    List<String> removes = List.copyOf(removedContacts);
    for (Binding b : ups) {
      if (!b.aor().equals(aor)) {
        throw new IllegalArgumentException("binding for " + b.aor() + " given for " + aor);
      }
    }
    Instant now = clock.instant();
    List<RegistrationEvent> events = new ArrayList<>();
    byAor.compute(
        aor,
        (k, current) -> {
          events.clear(); // compute may not retry, but keep the events of the applied run only
          List<Binding> next = new ArrayList<>(current == null ? List.of() : current);
          for (String contact : removes) {
            next.removeIf(
                b -> {
                  if (b.contact().equals(contact)) {
                    events.add(new Removed(b));
                    return true;
                  }
                  return false;
                });
          }
          List<Binding> fresh = new ArrayList<>();
          for (Binding up : ups) {
            Binding old = take(next, up.key());
            if (old == null) {
              old = take(fresh, up.key());
            }
            if (up.isExpired(now)) {
              if (old != null) {
                events.add(new Removed(old));
              }
            } else {
              events.add(old == null ? new Added(up) : new Refreshed(old, up));
              fresh.add(0, up);
            }
          }
          // Most recent first, then a stable sort by q.
          fresh.addAll(next);
          fresh.sort(BY_Q);
          if (!events.isEmpty()) {
            store.replace(aor, fresh);
          }
          return fresh.isEmpty() ? null : List.copyOf(fresh);
        });
    publish(events);
  }

  /** Removes every binding of {@code aor} ({@code Contact: *}, RFC 3261 section 10.3, step 6). */
  public void removeAll(String aor) {
    Objects.requireNonNull(aor, "aor");
    List<RegistrationEvent> events = new ArrayList<>();
    byAor.computeIfPresent(
        aor,
        (k, current) -> {
          events.clear();
          current.forEach(b -> events.add(new Removed(b)));
          store.replace(aor, List.of());
          return null;
        });
    publish(events);
  }

  /** How many bindings are held, including expired ones the sweeper has not removed yet. */
  public int size() {
    int n = 0;
    for (List<Binding> bindings : byAor.values()) {
      n += bindings.size();
    }
    return n;
  }

  /** Removes every binding expired at the clock's now and publishes an {@link Expired} for each. */
  public void sweep() {
    Instant now = clock.instant();
    List<RegistrationEvent> events = new ArrayList<>();
    for (String aor : byAor.keySet()) {
      List<RegistrationEvent> forAor = new ArrayList<>();
      byAor.computeIfPresent(
          aor,
          (k, current) -> {
            forAor.clear();
            List<Binding> next = new ArrayList<>(current.size());
            for (Binding b : current) {
              if (b.isExpired(now)) {
                forAor.add(new Expired(b));
              } else {
                next.add(b);
              }
            }
            if (forAor.isEmpty()) {
              return current;
            }
            store.replace(aor, next);
            return next.isEmpty() ? null : List.copyOf(next);
          });
      events.addAll(forAor);
    }
    publish(events);
  }

  /** Stops the sweeper and closes the store, which writes every pending change. */
  @Override
  public void close() {
    ScheduledExecutorService s;
    synchronized (this) {
      s = sweeper;
      sweeper = null;
    }
    if (s != null) {
      s.shutdown();
      try {
        s.awaitTermination(SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    store.close();
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; report and keep sweeping.
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }

  private static Binding take(List<Binding> bindings, String key) {
    for (int i = 0; i < bindings.size(); i++) {
      if (bindings.get(i).key().equals(key)) {
        return bindings.remove(i);
      }
    }
    return null;
  }

  private void publish(List<RegistrationEvent> events) {
    for (RegistrationEvent event : events) {
      for (Consumer<RegistrationEvent> subscriber : subscribers) {
        try {
          subscriber.accept(event);
        } catch (RuntimeException e) {
          Thread t = Thread.currentThread();
          t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
      }
    }
  }
}
