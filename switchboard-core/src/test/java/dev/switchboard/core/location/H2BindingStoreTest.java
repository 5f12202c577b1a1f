// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import dev.switchboard.core.MutableClock;
import static dev.switchboard.core.location.Bindings.ALICE;
import static dev.switchboard.core.location.Bindings.FLOW;
import static dev.switchboard.core.location.Bindings.binding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.location.RegistrationEvent.Expired;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts against the H2 database of a temporary data folder. */
class H2BindingStoreTest {
  @TempDir Path dataDir;

  private final MutableClock clock = new MutableClock();

  @Test
  void bindingSurvivesARestartWithItsRemainingExpiry() {
    Binding b = binding(clock, "sip:a@192.0.2.1", 0.8, Duration.ofSeconds(3600));
    try (LocationService service = LocationService.open(dataDir, clock)) {
      service.update(ALICE, List.of(b), List.of());
    }
    clock.advance(Duration.ofSeconds(600));
    try (LocationService service = LocationService.open(dataDir, clock)) {
      assertThat(service.lookup(ALICE)).containsExactly(b);
      assertThat(service.lookup(ALICE).get(0).remaining(clock))
          .isEqualTo(Duration.ofSeconds(3000));
    }
  }

  @Test
  void bindingExpiredAtRestartIsDroppedAndPublished() {
    Binding shortLived = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofSeconds(60));
    Binding longLived = binding(clock, "sip:b@192.0.2.2", 1.0, Duration.ofSeconds(3600));
    try (LocationService service = LocationService.open(dataDir, clock)) {
      service.update(ALICE, List.of(shortLived, longLived), List.of());
    }
    clock.advance(Duration.ofSeconds(120));
    List<RegistrationEvent> events = new ArrayList<>();
    try (LocationService service = LocationService.open(dataDir, clock, events::add)) {
      assertThat(events).containsExactly(new Expired(shortLived));
      assertThat(service.lookup(ALICE)).containsExactly(longLived);
      assertThat(service.size()).isEqualTo(1);
    }
    // The drop was written back: a third start does not see it again.
    events.clear();
    try (LocationService service = LocationService.open(dataDir, clock, events::add)) {
      assertThat(events).isEmpty();
      assertThat(service.size()).isEqualTo(1);
    }
  }

  @Test
  void closeFlushesEveryChange() {
    List<Binding> written = new ArrayList<>();
    try (LocationService service = LocationService.open(dataDir, clock)) {
      for (int i = 0; i < 50; i++) {
        String aor = "sip:user" + i + "@example.com";
        Binding b =
            new Binding(
                aor,
                "sip:user" + i + "@192.0.2.1:" + (5000 + i),
                i % 2 == 0 ? 1.0 : 0.5,
                clock.instant().plus(Duration.ofSeconds(100 + i)),
                "call-" + i,
                i,
                i % 3 == 0 ? List.of("<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>") : List.of(),
                i % 5 == 0 ? "<urn:uuid:" + i + ">" : null,
                i % 5 == 0 ? 1 : null,
                FLOW);
        service.update(aor, List.of(b), List.of());
        written.add(b);
      }
      service.update("sip:user0@example.com", List.of(), List.of("sip:user0@192.0.2.1:5000"));
      written.remove(0);
    }
    try (H2BindingStore reopened = new H2BindingStore(dataDir)) {
      assertThat(reopened.loadAll()).containsExactlyInAnyOrderElementsOf(written);
    }
  }

  @Test
  void orderWithinAnAorSurvivesARestart() {
    Binding older = binding(clock, "sip:a@192.0.2.1", 0.5, Duration.ofHours(1));
    Binding newer = binding(clock, "sip:b@192.0.2.2", 0.5, Duration.ofHours(1));
    Binding best = binding(clock, "sip:c@192.0.2.3", 1.0, Duration.ofHours(1));
    try (LocationService service = LocationService.open(dataDir, clock)) {
      service.update(ALICE, List.of(older), List.of());
      service.update(ALICE, List.of(newer, best), List.of());
      assertThat(service.lookup(ALICE)).containsExactly(best, newer, older);
    }
    try (LocationService service = LocationService.open(dataDir, clock)) {
      assertThat(service.lookup(ALICE)).containsExactly(best, newer, older);
    }
  }

  @Test
  void backgroundFlushWritesWithoutClose() throws Exception {
    Binding b = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofHours(1));
    H2BindingStore store = new H2BindingStore(dataDir);
    try {
      store.replace(ALICE, List.of(b));
      // The crash bound: a write within a second, without flush() or close().
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      List<Binding> seen = List.of();
      while (System.nanoTime() < deadline && seen.isEmpty()) {
        Thread.sleep(100);
        seen = store.loadAll();
      }
      assertThat(seen).containsExactly(b);
    } finally {
      store.close();
    }
  }
}
