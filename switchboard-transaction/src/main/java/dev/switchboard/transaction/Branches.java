// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.message.header.Via;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Random Via branches and From/To tags. Section 8.1.1.7 wants a branch unique across space and
 * time and starting with the magic cookie; section 19.3 wants tags with at least 32 random bits.
 * Each thread draws from its own fast generator, seeded from {@link SecureRandom}, so generating
 * takes no lock and values cannot be guessed from the time or a counter.
 *
 * <p>Thread-safe.
 */
public final class Branches {
  private static final SecureRandom SEEDS = new SecureRandom();
  private static final ThreadLocal<SplittableRandom> RANDOM =
      ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));
  private static final HexFormat HEX = HexFormat.of();

  private Branches() {}

  /** {@code z9hG4bK} followed by 128 random bits in hex. */
  public static String newBranch() {
    SplittableRandom r = RANDOM.get();
    return Via.MAGIC_COOKIE + HEX.toHexDigits(r.nextLong()) + HEX.toHexDigits(r.nextLong());
  }

  /** 64 random bits in hex, for a From or To tag. */
  public static String newTag() {
    return HEX.toHexDigits(RANDOM.get().nextLong());
  }
}
