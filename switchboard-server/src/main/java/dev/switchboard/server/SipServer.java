// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.core.proxy.LocalAddresses;
import dev.switchboard.core.proxy.Proxy;
import dev.switchboard.message.Method;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.transaction.Stripes;
import dev.switchboard.transaction.TimerConfig;
import dev.switchboard.transaction.TransactionLayer;
import dev.switchboard.transaction.WheelTimerService;
import dev.switchboard.transport.ListenPoint;
import dev.switchboard.transport.NettyTransport;
import dev.switchboard.transport.TlsMaterial;
import dev.switchboard.transport.Transport;
import dev.switchboard.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: transport, transaction layer and the server's transaction user, assembled
 * from a {@link ServerConfig}. {@link #close(Duration)} stops it gracefully.
 *
 * <p>Thread-safe.
 */
public final class SipServer {
  private static final Logger log = LoggerFactory.getLogger(SipServer.class);

  /** The product token in Server headers. */
  public static final String PRODUCT =
      "Switchboard/" + (SipServer.class.getPackage().getImplementationVersion() == null
          ? "dev"
          : SipServer.class.getPackage().getImplementationVersion());

  private final NettyTransport transport;
  private final TransactionLayer transactions;
  private final WheelTimerService timers;
  private final Services services;
  private final ServedDomains domains;
  private final Proxy proxy;
  private final ExecutorService dns;
  private final Object closeLock = new Object();
  private boolean closed; // Guarded by closeLock.

  private SipServer(
      NettyTransport transport,
      TransactionLayer transactions,
      WheelTimerService timers,
      Services services,
      ServedDomains domains,
      Proxy proxy,
      ExecutorService dns) {
    this.proxy = proxy;
    this.dns = dns;
    this.transport = transport;
    this.transactions = transactions;
    this.timers = timers;
    this.services = services;
    this.domains = domains;
  }

  /** A start-up failure, with one line that says what went wrong. */
  public static final class StartException extends Exception {
    private static final long serialVersionUID = 1L;

    StartException(String message) {
      super(message);
    }
  }

  /** Starts a server; on failure nothing is left running. */
  public static SipServer start(ServerConfig cfg) throws StartException {
    try {
      Files.createDirectories(cfg.dataDir());
    } catch (IOException e) {
      throw new StartException("data folder " + cfg.dataDir() + ": cannot create it (" + e.getMessage() + ")");
    }
    Services services = Services.open(cfg);
    // Unconfigured, the server is one domain, localhost (the `user` command's default), reached
    // by every name and address of the host. Domains are hosts without ports, so the configured
    // listen addresses are enough to know them before the transport starts.
    ServedDomains domains =
        cfg.domains().isEmpty()
            ? ServedDomains.aliases("localhost", DefaultDomains.of(cfg.listen()))
            : ServedDomains.of(cfg.domains());
    ServerIdentity identity =
        new ServerIdentity(
            PRODUCT,
            List.of(
                Method.INVITE, Method.ACK, Method.BYE, Method.CANCEL, Method.OPTIONS, Method.REGISTER,
                Method.PRACK, Method.SUBSCRIBE, Method.NOTIFY, Method.REFER, Method.MESSAGE, Method.INFO,
                Method.UPDATE),
            List.of("path"));
    WheelTimerService timers = new WheelTimerService();
    AtomicReference<TransactionLayer> layer = new AtomicReference<>();
    AtomicReference<Proxy> proxy = new AtomicReference<>();
    ServerCore core = new ServerCore(identity, layer::get, services.registrar(domains), proxy::get);
    AtomicReference<NettyTransport> started = new AtomicReference<>();
    ExecutorService dns = dnsThreads();
    // Each transaction runs on the I/O thread its key maps to: a request that arrives there is
    // handled and answered there without a hand-off (house style habit 10).
    Stripes stripes = key -> started.get().executorFor(key);
    NettyTransport.Builder tb =
        NettyTransport.builder()
            .listen(cfg.listen().toArray(new ListenPoint[0]))
            .handler(inbound -> layer.get().onMessage(inbound))
            .idleTimeout(cfg.idleTimeout())
            .maxConnections(cfg.maxConnections())
            .maxMessageSize(cfg.maxMessageSize());
    NettyTransport transport = null;
    try {
      if (cfg.listen().stream().anyMatch(p -> p.transport() == Transport.TLS)) {
        tb.tls(tlsMaterial(cfg));
      }
      transport = tb.build();
      layer.set(
          TransactionLayer.builder(transport, core, timers, stripes)
              .timerConfig(new TimerConfig(cfg.t1(), cfg.t2(), cfg.t4()))
              .build());
      started.set(transport.start());
      // The proxy needs the real ports to know itself ("is this me", Via, Record-Route).
      proxy.set(
          new Proxy(
              cfg.proxy(),
              domains,
              new LocalAddresses(transport.listening(), domains.names()),
              services.location(),
              services.users()::exists,
              services.authenticator(),
              layer::get,
              timers,
              stripes,
              dns,
              PRODUCT));
    } catch (TransportException | StartException e) {
      if (transport != null) {
        transport.close();
      }
      dns.shutdownNow();
      timers.close();
      services.close();
      throw e instanceof StartException s ? s : new StartException(e.getMessage());
    }
    log.info("Switchboard listening on {}; data in {}; domains {}",
        transport.listening(), cfg.dataDir().toAbsolutePath(), domains);
    return new SipServer(transport, layer.get(), timers, services, domains, proxy.get(), dns);
  }

  /** At most two threads for the blocking DNS lookups of RFC 3263 resolution, idle ones ended. */
  private static ExecutorService dnsThreads() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000),
            r -> {
              Thread t = new Thread(r, "switchboard-dns-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static TlsMaterial tlsMaterial(ServerConfig cfg) throws StartException {
    try {
      if (cfg.tlsCertificate().isPresent()) {
        return TlsMaterial.fromFiles(cfg.tlsCertificate().get(), cfg.tlsKey().orElseThrow());
      }
      return TlsMaterial.loadOrCreate(cfg.dataDir(), "localhost");
    } catch (IOException | RuntimeException e) {
      throw new StartException("TLS certificate: " + e.getMessage());
    }
  }

  /** Where the server listens, with real ports. */
  public List<ListenPoint> listening() {
    return transport.listening();
  }

  /** The transport's counters. */
  public dev.switchboard.transport.TransportStats transportStats() {
    return transport.stats();
  }

  /** The location service: the bindings registered here. */
  public LocationService location() {
    return services.location();
  }

  /** The domains served. */
  public ServedDomains domains() {
    return domains;
  }

  /** The proxy. */
  public Proxy proxy() {
    return proxy;
  }

  /** Live transactions. */
  public int activeTransactions() {
    return transactions.activeCount();
  }

  /**
   * Stops gracefully: transactions still waiting for a final answer get up to {@code grace} to
   * get one (retransmissions still go out meanwhile), then the listeners and connections close
   * and the threads stop. Transactions that only absorb retransmissions are not waited for.
   * Idempotent.
   */
  public void close(Duration grace) {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    int active;
    while ((active = transactions.pendingCount()) > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (active > 0) {
      log.info("stopping with {} transactions still unanswered after {}", active, grace);
    }
    // Timers first: a timer that fired after the transport's event loops stopped would have no
    // thread to run on (and would log a rejected task).
    timers.close();
    transport.close();
    dns.shutdownNow();
    // After the transport: no request can change a binding any more, and closing the location
    // service writes every change the clients were answered 200 for.
    services.close();
    log.info("Switchboard stopped");
  }
}
