// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.location;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One binding of an address of record to a contact (RFC 3261 section 10.3), immutable.
 *
 * <p>A binding is identified within its AOR by {@link #key()}: by {@code +sip.instance} and {@code
 * reg-id} when both are present (RFC 5626 section 6, step 3), otherwise by the contact URI (RFC
 * 3261 section 10.3, step 7). The contact URI is compared as text; the registrar normalises it.
 *
 * @param aor the address of record, for example {@code sip:alice@example.com}, host in lower case
 * @param contact the contact URI as text
 * @param q the preference, 0 to 1 (RFC 3261 section 20.10); 1.0 when the Contact had none
 * @param expiresAt when the binding expires
 * @param callId the Call-ID of the REGISTER that made or last refreshed the binding
 * @param cseq its CSeq number (RFC 3261 section 10.3, step 7: a lower CSeq for the same Call-ID is
 *     rejected by the registrar)
 * @param path the Path header values recorded with the binding (RFC 3327), first hop first
 * @param instance the {@code +sip.instance} Contact parameter, or null
 * @param regId the {@code reg-id} Contact parameter (RFC 5626), or null
 * @param flow how the REGISTER arrived
 */
public record Binding(
    String aor,
    String contact,
    double q,
    Instant expiresAt,
    String callId,
    long cseq,
    List<String> path,
    String instance,
    Integer regId,
    Flow flow) {

  /** The q value of a Contact without one (RFC 3261 section 10.2.1.2 leaves it to us). */
  public static final double DEFAULT_Q = 1.0;

  /**
   * Checks the fields and copies {@code path}.
   *
   * @throws IllegalArgumentException if q is outside 0..1 or a reg-id comes without an instance
   */
  public Binding {
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(flow, "flow");
    path = List.copyOf(Objects.requireNonNull(path, "path"));
    if (!(q >= 0.0 && q <= 1.0)) {
      throw new IllegalArgumentException("q " + q + " is not between 0 and 1");
    }
    if (regId != null && instance == null) {
      // RFC 5626 section 4.2: reg-id is only meaningful together with +sip.instance.
      throw new IllegalArgumentException("reg-id " + regId + " without +sip.instance");
    }
  }

  /** The identity of the binding within its AOR; see the class comment. */
  public String key() {
    return instance != null && regId != null
        ? "instance:" + instance + ";reg-id=" + regId
        : "contact:" + contact;
  }

  /** Time left until expiry at {@code clock}'s now, never negative. */
  public Duration remaining(Clock clock) {
    Duration left = Duration.between(clock.instant(), expiresAt);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Whether the binding has expired at {@code now} (expiry is inclusive). */
  public boolean isExpired(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
