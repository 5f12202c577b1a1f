// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import dev.switchboard.core.MutableClock;
import static dev.switchboard.core.location.Bindings.ALICE;
import static dev.switchboard.core.location.Bindings.FLOW;
import static dev.switchboard.core.location.Bindings.binding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.location.RegistrationEvent.Added;
import dev.switchboard.core.location.RegistrationEvent.Expired;
import dev.switchboard.core.location.RegistrationEvent.Refreshed;
import dev.switchboard.core.location.RegistrationEvent.Removed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocationServiceTest {
  private final MutableClock clock = new MutableClock();
  private final MemoryBindingStore store = new MemoryBindingStore();
  private final List<RegistrationEvent> events = new ArrayList<>();
  private LocationService service;

  @BeforeEach
  void setUp() {
    service = new LocationService(store, clock);
    service.subscribe(events::add);
  }

  @Nested
  class Section10_3 {
    @Test
    void lookupOrdersByQThenMostRecent() {
      // RFC 3261 §16.6: contacts are tried by q, highest first.
      Binding low = binding(clock, "sip:a@192.0.2.1", 0.1, Duration.ofHours(1));
      Binding high = binding(clock, "sip:b@192.0.2.2", 0.9, Duration.ofHours(1));
      Binding mid = binding(clock, "sip:c@192.0.2.3", 0.5, Duration.ofHours(1));
      service.update(ALICE, List.of(low, high, mid), List.of());
      Binding midLater = binding(clock, "sip:d@192.0.2.4", 0.5, Duration.ofHours(1));
      service.update(ALICE, List.of(midLater), List.of());

      assertThat(service.lookup(ALICE)).containsExactly(high, midLater, mid, low);
      assertThat(service.lookup(ALICE).get(0).flow()).isEqualTo(FLOW);
      assertThat(service.size()).isEqualTo(4);
      assertThat(service.lookup("sip:bob@example.com")).isEmpty();
    }

    @Test
    void refreshReplacesTheBindingWithTheSameContact() {
      // RFC 3261 §10.3 step 7: an existing binding is updated, not duplicated.
      Binding first = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofSeconds(60), 1);
      service.update(ALICE, List.of(first), List.of());
      clock.advance(Duration.ofSeconds(30));
      Binding second = binding(clock, "sip:a@192.0.2.1", 0.7, Duration.ofSeconds(60), 2);
      service.update(ALICE, List.of(second), List.of());

      assertThat(service.lookup(ALICE)).containsExactly(second);
      assertThat(events).containsExactly(new Added(first), new Refreshed(first, second));
      assertThat(store.loadAll()).containsExactly(second);
    }

    @Test
    void removedContactsAreRemovedAndPublished() {
      // RFC 3261 §10.3 step 7: Expires 0 removes the binding.
      Binding a = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofHours(1));
      Binding b = binding(clock, "sip:b@192.0.2.2", 1.0, Duration.ofHours(1));
      service.update(ALICE, List.of(a, b), List.of());
      service.update(ALICE, List.of(), List.of("sip:a@192.0.2.1"));

      assertThat(service.lookup(ALICE)).containsExactly(b);
      assertThat(events).containsExactly(new Added(a), new Added(b), new Removed(a));
    }

    @Test
    void removeAllRemovesEveryBinding() {
      // RFC 3261 §10.3 step 6: Contact: * with Expires: 0.
      Binding a = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofHours(1));
      Binding b = binding(clock, "sip:b@192.0.2.2", 1.0, Duration.ofHours(1));
      service.update(ALICE, List.of(a, b), List.of());
      events.clear();
      service.removeAll(ALICE);

      assertThat(service.lookup(ALICE)).isEmpty();
      assertThat(service.size()).isZero();
      assertThat(events).containsExactlyInAnyOrder(new Removed(a), new Removed(b));
      assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void sweepRemovesExpiredBindingsAndPublishesExpired() {
      Binding shortLived = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofSeconds(30));
      Binding longLived = binding(clock, "sip:b@192.0.2.2", 1.0, Duration.ofSeconds(300));
      service.update(ALICE, List.of(shortLived, longLived), List.of());
      events.clear();

      clock.advance(Duration.ofSeconds(29));
      service.sweep();
      assertThat(events).isEmpty();

      clock.advance(Duration.ofSeconds(1));
      assertThat(service.lookup(ALICE)).containsExactly(longLived);
      service.sweep();
      assertThat(events).containsExactly(new Expired(shortLived));
      assertThat(service.size()).isEqualTo(1);
      assertThat(store.loadAll()).containsExactly(longLived);
      assertThat(longLived.remaining(clock)).isEqualTo(Duration.ofSeconds(270));
      assertThat(shortLived.remaining(clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAlreadyExpiredUpsertRemovesItsBinding() {
      Binding a = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofHours(1));
      service.update(ALICE, List.of(a), List.of());
      Binding zero = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ZERO);
      service.update(ALICE, List.of(zero), List.of());

      assertThat(service.lookup(ALICE)).isEmpty();
      assertThat(events).containsExactly(new Added(a), new Removed(a));
    }

    @Test
    void rejectsABindingForAnotherAor() {
      Binding a = binding(clock, "sip:a@192.0.2.1", 1.0, Duration.ofHours(1));
      assertThatThrownBy(() -> service.update("sip:bob@example.com", List.of(a), List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsQOutsideZeroToOne() {
      assertThatThrownBy(() -> binding(clock, "sip:a@192.0.2.1", 1.5, Duration.ofHours(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Rfc5626Section6 {
    @Test
    void sameInstanceAndRegIdReplacesEvenWithANewContact() {
      // RFC 5626 §6: a binding with the same +sip.instance and reg-id is replaced.
      Binding first = outbound("sip:a@192.0.2.1;transport=tcp", 1);
      service.update(ALICE, List.of(first), List.of());
      Binding moved = outbound("sip:a@192.0.2.99;transport=tcp", 1);
      service.update(ALICE, List.of(moved), List.of());
      Binding secondFlow = outbound("sip:a@192.0.2.99;transport=tcp", 2);
      service.update(ALICE, List.of(secondFlow), List.of());

      assertThat(service.lookup(ALICE)).containsExactly(secondFlow, moved);
      assertThat(events)
          .containsExactly(new Added(first), new Refreshed(first, moved), new Added(secondFlow));
    }

    private Binding outbound(String contact, int regId) {
      return new Binding(
          ALICE,
          contact,
          1.0,
          clock.instant().plus(Duration.ofHours(1)),
          "call-1",
          1,
          List.of("<sip:edge.example.com;lr>"),
          "<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>",
          regId,
          FLOW);
    }
  }
}
