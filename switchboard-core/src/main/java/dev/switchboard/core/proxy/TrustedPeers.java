// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Peers trusted by address: requests from them are neither challenged nor refused as relaying
 * (other proxies and gateways of the operator). Each entry is an IP address or a CIDR block, for
 * example {@code 192.0.2.7} or {@code 198.51.100.0/24}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedPeers {
  /** Nobody is trusted. */
  public static final TrustedPeers NONE = new TrustedPeers(List.of());

  private record Block(byte[] network, int prefix) {}

  private final List<Block> blocks;

  private TrustedPeers(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Parses the entries.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or block
   */
  public static TrustedPeers parse(List<String> entries) {
    List<Block> out = new ArrayList<>();
    for (String raw : entries) {
      String e = raw.strip();
      int slash = e.indexOf('/');
      String host = slash < 0 ? e : e.substring(0, slash);
      byte[] bytes = literal(host)
          .orElseThrow(() -> new IllegalArgumentException("trusted peer '" + raw + "' is not an IP address or CIDR block"));
      int max = bytes.length * 8;
      int prefix = max;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(e.substring(slash + 1));
        } catch (NumberFormatException x) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > max) {
          throw new IllegalArgumentException("trusted peer '" + raw + "': prefix length must be 0-" + max);
        }
      }
      out.add(new Block(bytes, prefix));
    }
    return new TrustedPeers(out);
  }

  private static java.util.Optional<byte[]> literal(String host) {
    boolean ok = !host.isEmpty();
    for (int i = 0; i < host.length() && ok; i++) {
      char c = host.charAt(i);
      ok = Character.digit(c, 16) >= 0 || c == '.' || c == ':';
    }
    if (!ok || (host.indexOf(':') < 0 && host.chars().anyMatch(Character::isLetter))) {
      return java.util.Optional.empty();
    }
    try {
      // Only literals get here, so this does no DNS.
      return java.util.Optional.of(InetAddress.getByName(host).getAddress());
    } catch (UnknownHostException x) {
      return java.util.Optional.empty();
    }
  }

  /** True when {@code address} lies in one of the blocks. */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    for (Block b : blocks) {
      if (b.network.length == a.length && samePrefix(b.network, a, b.prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean samePrefix(byte[] x, byte[] y, int bits) {
    int full = bits / 8;
    for (int i = 0; i < full; i++) {
      if (x[i] != y[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (x[full] & mask) == (y[full] & mask);
  }

  /** True when nobody is trusted. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }
}
