// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.bench;

import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.BindingStore;
import dev.switchboard.core.location.Flow;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.core.location.MemoryBindingStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.management.ObjectName;

/**
 * Heap per registered contact in the {@link LocationService}: inserts N realistic bindings (one
 * AOR each, as a registrar fed by distinct users makes them) and reports the live heap they add,
 * per binding, with the classes that make it up.
 *
 * <pre>
 *   java -cp switchboard-bench/target/benchmarks.jar dev.switchboard.bench.BindingFootprint [N]
 * </pre>
 *
 * <p>Each binding is what a REGISTER from a softphone over UDP leaves behind: AOR {@code
 * sip:uNNNNNN@example.com}, contact {@code sip:uNNNNNN@10.a.b.c:port;transport=udp} (a third of
 * them also with {@code ;ob}), q 1.0, an expiry {@code Instant}, a 32-character Call-ID with the
 * client's address, CSeq, no Path, {@code +sip.instance} and reg-id 1 for a third of them (RFC 5626
 * clients), and a {@link Flow} with its own source {@code address:port} string. The transport name
 * and the listener are shared constants, as a server holding one string per listener would have
 * them. Every other string is a fresh object, as a parser makes it.
 *
 * <p>The live heap is read after a full collection, twice: from {@link MemoryMXBean} (used heap
 * after repeated {@code System.gc()}) and from the JVM's class histogram ({@code
 * GC.class_histogram}, which collects first and counts only reachable objects). Both are measured
 * for the service over a store that keeps nothing (the service's own cost: its index and the
 * bindings) and over {@link MemoryBindingStore} (which keeps a second map of the same bindings).
 * The server itself uses the H2 store, whose page cache is measured in the real-server run of
 * {@code bench/register-bench.sh}.
 */
public final class BindingFootprint {
  private static final String TRANSPORT = "UDP";
  private static final String LISTENER = "127.0.0.1:5060";

  private BindingFootprint() {}

  /** Runs the measurement; the optional argument is the number of bindings (default 100,000). */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.printf(
        Locale.ROOT,
        "java %s, %s, max heap %d MB%n",
        System.getProperty("java.version"),
        ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(),
        Runtime.getRuntime().maxMemory() >> 20);
    // Once untimed and thrown away, so that classes and JIT-compiled code are in place and the
    // baseline of the measured runs already holds them.
    measure("warm-up", n / 10, new DiscardingStore(), false);
    measure("LocationService (store keeps nothing)", n, new DiscardingStore(), true);
    measure("LocationService + MemoryBindingStore", n, new MemoryBindingStore(), true);
  }

  private static void measure(String name, int n, BindingStore store, boolean report)
      throws Exception {
    long heapBefore = liveHeap();
    Map<String, long[]> histBefore = histogram();
    LocationService service = new LocationService(store, Clock.systemUTC());
    Instant expires = Instant.now().plus(Duration.ofHours(1));
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 1; i <= n; i++) {
      Binding b = binding(i, expires, random);
      service.update(b.aor(), List.of(b), List.of());
    }
    long heapAfter = liveHeap();
    Map<String, long[]> histAfter = histogram();
    // Checked after the measurement so that nothing of the check is counted.
    if (service.size() != n) {
      throw new IllegalStateException(name + ": " + service.size() + " bindings, expected " + n);
    }
    for (int i = 1; i <= n; i += Math.max(1, n / 1000)) {
      if (service.lookup(aor(i)).size() != 1) {
        throw new IllegalStateException(name + ": no binding for " + aor(i));
      }
    }
    if (!report) {
      service.close();
      return;
    }
    long histDelta = total(histAfter) - total(histBefore);
    System.out.printf(Locale.ROOT, "%n%s, %,d bindings%n", name, n);
    System.out.printf(
        Locale.ROOT,
        "  used heap after full GC (MemoryMXBean): %,d bytes more = %.0f bytes/binding%n",
        heapAfter - heapBefore,
        (heapAfter - heapBefore) / (double) n);
    System.out.printf(
        Locale.ROOT,
        "  live objects (GC.class_histogram):      %,d bytes more = %.0f bytes/binding%n",
        histDelta,
        histDelta / (double) n);
    System.out.printf(Locale.ROOT, "  %-48s %12s %12s %10s%n", "class", "instances", "bytes", "B/binding");
    List<Map.Entry<String, long[]>> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : histAfter.entrySet()) {
      long[] before = histBefore.getOrDefault(e.getKey(), new long[2]);
      long[] d = {e.getValue()[0] - before[0], e.getValue()[1] - before[1]};
      if (d[1] > n) { // more than one byte per binding
        rows.add(Map.entry(e.getKey(), d));
      }
    }
    rows.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    for (Map.Entry<String, long[]> r : rows) {
      System.out.printf(
          Locale.ROOT,
          "  %-48s %,12d %,12d %10.1f%n",
          r.getKey(),
          r.getValue()[0],
          r.getValue()[1],
          r.getValue()[1] / (double) n);
    }
    service.close();
  }

  static String aor(int i) {
    return String.format(Locale.ROOT, "sip:u%06d@example.com", i);
  }

  private static Binding binding(int i, Instant expires, SplittableRandom random) {
    String ip = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    int port = 1024 + random.nextInt(64_000);
    boolean outbound = i % 3 == 0;
    String contact =
        String.format(Locale.ROOT, "sip:u%06d@%s:%d;transport=udp%s", i, ip, port, outbound ? ";ob" : "");
    String callId = hex(random, 32) + "@" + ip;
    String instance = outbound ? "<urn:uuid:" + uuid(random) + ">" : null;
    Integer regId = outbound ? 1 : null;
    return new Binding(
        aor(i),
        contact,
        Binding.DEFAULT_Q,
        // One Instant per binding, as each REGISTER computes its own expiry.
        Instant.ofEpochMilli(expires.toEpochMilli() + random.nextInt(1000)),
        callId,
        1 + random.nextInt(1000),
        List.of(),
        instance,
        regId,
        new Flow(TRANSPORT, ip + ":" + port, LISTENER));
  }

  private static String hex(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  private static String uuid(SplittableRandom random) {
    String h = hex(random, 32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
        + h.substring(16, 20) + "-" + h.substring(20);
  }

  /** Used heap after full collections, once it stops falling. */
  private static long liveHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= last && i >= 3) {
        return Math.min(used, last);
      }
      last = Math.min(last, used);
    }
    return last;
  }

  /** The JVM's class histogram of live objects: class name to {instances, bytes}. */
  private static Map<String, long[]> histogram() throws Exception {
    String text =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    Map<String, long[]> classes = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      // " 1:   123   4567  java.lang.String (java.base@17)"
      if (f.length >= 4 && f[0].endsWith(":") && Character.isDigit(f[0].charAt(0))) {
        classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return classes;
  }

  private static long total(Map<String, long[]> histogram) {
    long sum = 0;
    for (long[] v : histogram.values()) {
      sum += v[1];
    }
    return sum;
  }

  /** A store that keeps nothing, so that only the service's own memory is measured. */
  private static final class DiscardingStore implements BindingStore {
    @Override
    public List<Binding> loadAll() {
      return List.of();
    }

    @Override
    public void replace(String aor, List<Binding> bindings) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
