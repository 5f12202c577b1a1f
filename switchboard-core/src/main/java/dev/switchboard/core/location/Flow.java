// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import java.util.Objects;

/**
 * How a REGISTER arrived, so that the proxy can send requests for the binding back over the same
 * flow (RFC 5626 section 5.2): the transport, the source {@code address:port} and the local
 * listener that received it.
 *
 * @param transport the transport name, for example {@code UDP}, {@code TCP}, {@code TLS} or {@code
 *     WS}
 * @param source the remote {@code address:port} the request came from
 * @param listener the local listener ({@code address:port}) that received it
 */
public record Flow(String transport, String source, String listener) {
  /** Checks that no part is null. */
  public Flow {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(listener, "listener");
  }
}
