// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks stateless, verifiable nonces (RFC 7616 section 3.3 suggests
 * {@code time-stamp H(time-stamp ":" ETag ":" secret)}; we use an HMAC).
 *
 * <pre>
 *   stamp = timestamp(8 bytes, epoch ms) || sequence(8 bytes)
 *   nonce = base64url( stamp || HMAC-SHA256(secret, stamp || realm)[0..16] )
 * </pre>
 *
 * <p>The sequence makes every nonce unique even when many are issued in one millisecond: two
 * clients given the same nonce would both send nc=1, and the second would be taken for a replay.
 * It starts at a random value, so that nodes sharing a secret do not issue the same nonces.
 *
 * <p>No state is kept: any node that holds the same secret can check a nonce. A nonce older than
 * the lifetime is {@link Status#STALE} (the client retries with {@code stale=true}, RFC 7616
 * section 3.3), a bad MAC or format is {@link Status#INVALID}. Replay of one nonce is caught by
 * {@link NonceCounts}, not here. Thread-safe.
 */
public final class NonceService {
  /** The default nonce lifetime. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  /** How far in the future a timestamp may be (clock skew between nodes sharing a secret). */
  static final Duration MAX_SKEW = Duration.ofSeconds(5);

  private static final int TIMESTAMP_BYTES = 8;
  private static final int STAMP_BYTES = TIMESTAMP_BYTES + 8;
  private static final int MAC_BYTES = 16;
  private static final int MIN_SECRET_BYTES = 16;
  private static final String HMAC = "HmacSHA256";

  /** The result of {@link #check}. */
  public enum Status {
    /** Issued by us for this realm and still fresh. */
    VALID,
    /** Issued by us for this realm but older than the lifetime. */
    STALE,
    /** Not ours, not for this realm, or not a nonce at all. */
    INVALID
  }

  private final SecretKeySpec key;
  private final AtomicLong sequence = new AtomicLong(new SecureRandom().nextLong());
  // Mac instances are not thread-safe and costly to look up: one per thread, keyed once.
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
  private final Clock clock;
  private final Duration lifetime;

  /** A service with the {@link #DEFAULT_LIFETIME}. */
  public NonceService(byte[] secret, Clock clock) {
    this(secret, clock, DEFAULT_LIFETIME);
  }

  /**
   * A service.
   *
   * @param secret at least 16 random bytes; copied
   * @param clock the time source
   * @param lifetime how long a nonce stays fresh; positive
   */
  public NonceService(byte[] secret, Clock clock, Duration lifetime) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
    this.key = new SecretKeySpec(secret.clone(), HMAC);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = lifetime;
  }

  /** How long a nonce stays fresh. */
  public Duration lifetime() {
    return lifetime;
  }

  /** A new nonce for {@code realm}, stamped with the current time. */
  public String issue(String realm) {
    Objects.requireNonNull(realm, "realm");
    byte[] stamp =
        ByteBuffer.allocate(STAMP_BYTES)
            .putLong(clock.millis())
            .putLong(sequence.getAndIncrement())
            .array();
    byte[] out = ByteBuffer.allocate(STAMP_BYTES + MAC_BYTES)
        .put(stamp)
        .put(mac(stamp, realm))
        .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /** Whether {@code nonce} was issued by us for {@code realm}, and whether it is still fresh. */
  public Status check(String nonce, String realm) {
    Objects.requireNonNull(realm, "realm");
    byte[] raw = decode(nonce);
    if (raw == null) {
      return Status.INVALID;
    }
    byte[] stamp = new byte[STAMP_BYTES];
    byte[] got = new byte[MAC_BYTES];
    ByteBuffer.wrap(raw).get(stamp).get(got);
    if (!MessageDigest.isEqual(got, mac(stamp, realm))) {
      return Status.INVALID;
    }
    long age = clock.millis() - ByteBuffer.wrap(stamp).getLong();
    if (age < -MAX_SKEW.toMillis()) {
      return Status.INVALID;
    }
    return age > lifetime.toMillis() ? Status.STALE : Status.VALID;
  }

  /**
   * When {@code nonce} stops being fresh, read from its timestamp without checking its MAC; empty
   * when it is not in our format. Used to drop replay state once a nonce can no longer be used.
   */
  public Optional<Instant> expiresAt(String nonce) {
    byte[] raw = decode(nonce);
    if (raw == null) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(ByteBuffer.wrap(raw).getLong()).plus(lifetime));
  }

  private static byte[] decode(String nonce) {
    if (nonce == null) {
      return null;
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(nonce);
      return raw.length == STAMP_BYTES + MAC_BYTES ? raw : null;
    } catch (IllegalArgumentException e) {
      return null; // not base64url: a value, not a bug (STYLE habit 7)
    }
  }

  private byte[] mac(byte[] stamp, String realm) {
    Mac mac = macs.get();
    mac.update(stamp);
    byte[] full = mac.doFinal(realm.getBytes(StandardCharsets.UTF_8)); // also resets it
    byte[] cut = new byte[MAC_BYTES];
    System.arraycopy(full, 0, cut, 0, MAC_BYTES);
    return cut;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required on every Java platform (Mac Javadoc).
      throw new IllegalStateException(HMAC + " unavailable", e);
    }
  }
}
