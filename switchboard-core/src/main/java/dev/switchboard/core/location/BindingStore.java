// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import java.util.List;

/**
 * Where the {@link LocationService} keeps its bindings across restarts. The service calls {@link
 * #replace} with the whole binding set of an AOR after every change to it, in the order of the
 * changes; an implementation may write behind, but must apply the last set given for each AOR.
 * Implementations are thread-safe.
 */
public interface BindingStore extends AutoCloseable {
  /** Every stored binding, expired ones included. */
  List<Binding> loadAll();

  /** Records {@code bindings} as the whole binding set of {@code aor}; empty removes the AOR. */
  void replace(String aor, List<Binding> bindings);

  /** Writes every change given so far before returning. */
  void flush();

  /** Flushes, then releases resources; no call is allowed afterwards. */
  @Override
  void close();
}
