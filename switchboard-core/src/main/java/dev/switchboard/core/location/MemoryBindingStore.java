// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BindingStore} in memory, for tests and for a server run without a data folder: bindings
 * live as long as the object. Thread-safe.
 */
public final class MemoryBindingStore implements BindingStore {
  private final Map<String, List<Binding>> byAor = new ConcurrentHashMap<>();

  @Override
  public List<Binding> loadAll() {
    List<Binding> all = new ArrayList<>();
    byAor.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  @Override
  public void replace(String aor, List<Binding> bindings) {
    if (bindings.isEmpty()) {
      byAor.remove(aor);
    } else {
      byAor.put(aor, List.copyOf(bindings));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
