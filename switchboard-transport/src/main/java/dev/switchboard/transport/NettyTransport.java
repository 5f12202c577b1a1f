// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import dev.switchboard.message.SipMessage;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.Via;
import dev.switchboard.message.parse.ParseResult;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP, TCP and TLS on Netty (RFC 3261 section 18), over IPv4 and IPv6, on any number of
 * listeners at once.
 *
 * <pre>{@code
 * NettyTransport t = NettyTransport.builder()
 *     .listen(ListenPoint.parse("udp:127.0.0.1:5060").value())
 *     .handler(inbound -> ...)
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>What it does on receipt: each datagram, or each message framed from a stream, is parsed; a
 * request's top Via gets {@code received} and {@code rport} (section 18.2.1, RFC 3581); a
 * well-formed message goes to the {@link InboundHandler}; a malformed request is answered with
 * 400, 505 or 513 when its headers allow (see {@link TransportStats} for what is dropped).
 * Streams answer RFC 5626 CRLFCRLF pings with CRLF, close after a framing fault, and close when
 * idle for {@link Builder#idleTimeout}.
 *
 * <p>What it does on sending: TCP and TLS connections are shared per transport and remote
 * address, whichever side opened them, up to {@link Builder#maxConnections} open at once (over the
 * cap, new inbound connections are closed at once and outgoing ones fail). A response goes back
 * over its request's connection, or by section 18.2.2 when that has closed. UDP goes out from the
 * listener the request came in on, or the first listener of the destination's address family.
 *
 * <p>Threads: Netty event loops, native epoll where available, NIO otherwise. Each UDP listener
 * and each connection belongs to one loop, and the {@link InboundHandler} and the futures this
 * returns run there. {@link #send} and {@link #sendResponse} may be called from any thread. Thread
 * safe.
 */
public final class NettyTransport implements SipTransport {
  /** The largest UDP payload over IPv4 (65,535 less the IP and UDP headers). */
  static final int MAX_DATAGRAM = 65_507;

  private static final Logger log = LoggerFactory.getLogger(NettyTransport.class);

  /** What exists between {@link #start} and {@link #close}. */
  private record Running(
      EventLoops loops,
      EventExecutor[] executors,
      SslContext serverTls,
      List<Listener> listeners,
      ChannelGroup channels) {}

  /** A bound listener: the point as configured, with its real port, and its channel. */
  private record Listener(ListenPoint point, Channel channel) {}

  private final List<ListenPoint> configured;
  private final Duration idleTimeout;
  private final Duration connectTimeout;
  private final int maxMessageSize;
  private static final int UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;

  private final int ioThreads;
  private final boolean preferNative;
  private final TlsMaterial tls;
  private final List<X509Certificate> trusted;
  private final DatagramFilter filter;
  private final TransportStats stats = new TransportStats();
  private final Connections connections;
  private final MessageIntake intake;

  // Guarded by this.
  private boolean started;
  private final Object clientTlsLock = new Object();
  // Guarded by clientTlsLock; made on the first outgoing TLS connection, as loading the JDK trust
  // store is slow.
  private SslContext clientTls;
  // Written under this lock by start and close; read without it by senders.
  private volatile Running running;

  private NettyTransport(Builder b) {
    this.configured = List.copyOf(b.listen);
    this.idleTimeout = b.idleTimeout;
    this.connectTimeout = b.connectTimeout;
    this.maxMessageSize = b.maxMessageSize;
    this.ioThreads = b.ioThreads;
    this.preferNative = b.preferNative;
    this.tls = b.tls;
    this.trusted = List.copyOf(b.trusted);
    this.filter = b.filter;
    this.connections = new Connections(b.maxConnections);
    SipParser parser = SipParser.withLimits(b.maxMessageSize, SipParser.DEFAULT_MAX_HEADERS);
    this.intake = new MessageIntake(parser, b.handler, stats);
  }

  /** A builder with the defaults: 5 minutes idle, 10,000 connections, 64 KiB messages. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds every listen point and starts the event loops. On failure nothing stays bound.
   *
   * @return this
   * @throws TransportException with a one-line message such as {@code udp:127.0.0.1:5060: address
   *     already in use}
   * @throws IllegalStateException when called twice
   */
  public synchronized NettyTransport start() throws TransportException {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    EventLoops loops = EventLoops.create(ioThreads, preferNative);
    ChannelGroup channels = new DefaultChannelGroup("sip-transport", GlobalEventExecutor.INSTANCE);
    try {
      SslContext serverTls = tls == null ? null : TlsContexts.server(tls);
      List<EventExecutor> executors = new ArrayList<>();
      loops.group().forEach(executors::add);
      Running r =
          new Running(
              loops,
              executors.toArray(new EventExecutor[0]),
              serverTls,
              new CopyOnWriteArrayList<>(),
              channels);
      // Published before binding, so a datagram that arrives at once can already be answered.
      running = r;
      for (ListenPoint p : configured) {
        r.listeners().add(bind(r, p));
      }
    } catch (SSLException e) {
      abandon(loops, channels);
      throw new TransportException("cannot set up TLS: " + e.getMessage(), e);
    } catch (TransportException | RuntimeException e) {
      abandon(loops, channels);
      throw e;
    }
    log.info(
        "listening on {} ({})",
        listening().stream().map(ListenPoint::toString).collect(Collectors.joining(", ")),
        loops.nativeEpoll() ? "epoll" : "nio");
    return this;
  }

  /** Undoes a failed start. */
  private void abandon(EventLoops loops, ChannelGroup channels) {
    running = null;
    channels.close().awaitUninterruptibly();
    loops.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private Listener bind(Running r, ListenPoint p) throws TransportException {
    ChannelFuture f;
    if (p.transport() == Transport.UDP) {
      f =
          new Bootstrap()
              .group(r.loops().group())
              .channel(r.loops().datagram())
              .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
              // A burst of datagrams waits in the kernel rather than being dropped there; the
              // kernel caps this at net.core.rmem_max.
              .option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER)
              .handler(new DatagramHandler(intake, stats, filter, this::respond))
              .bind(p.address());
    } else {
      f =
          new ServerBootstrap()
              .group(r.loops().group())
              .channel(r.loops().server())
              .childHandler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      accepted(r, p.transport(), ch);
                    }
                  })
              .bind(p.address());
    }
    f.awaitUninterruptibly();
    if (!f.isSuccess()) {
      throw new TransportException(p + ": " + describe(f.cause()), f.cause());
    }
    r.channels().add(f.channel());
    return new Listener(new ListenPoint(p.transport(), (InetSocketAddress) f.channel().localAddress()), f.channel());
  }

  /** A connection a peer opened: refused over the cap, else set up and made reusable. */
  private void accepted(Running r, Transport transport, Channel ch) {
    if (!connections.tryReserve()) {
      stats.countConnectionRefused();
      // Counted, and logged quietly: at the cap, a flood of connections must not flood the log.
      log.debug("refused connection from {}: {} connections open", ch.remoteAddress(), connections.max());
      ch.close();
      return;
    }
    ch.closeFuture().addListener(x -> connections.release());
    SslHandler ssl = transport.isSecure() ? r.serverTls().newHandler(ch.alloc()) : null;
    setUpStream(r, ch, transport, ssl);
    connections.register(transport, ch);
  }

  private void setUpStream(Running r, Channel ch, Transport transport, SslHandler ssl) {
    r.channels().add(ch);
    ChannelPipeline p = ch.pipeline();
    if (ssl != null) {
      p.addLast(ssl);
    }
    p.addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
    p.addLast(new StreamDecoder(maxMessageSize));
    p.addLast(new StreamHandler(transport, intake, stats));
  }

  @Override
  public CompletableFuture<Flow> send(SipMessage message, Transport transport, InetSocketAddress remote) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(remote, "remote");
    if (remote.isUnresolved()) {
      throw new IllegalArgumentException("remote must be a resolved address: " + remote);
    }
    Running r = running;
    String what = label(transport, remote);
    if (r == null) {
      return counted(CompletableFuture.failedFuture(new TransportException("transport is not running")), what);
    }
    byte[] bytes = message.encode();
    return counted(
        transport.isReliable() ? sendStream(r, bytes, transport, remote) : sendDatagram(r, bytes, remote, null),
        what);
  }

  @Override
  public CompletableFuture<Flow> sendResponse(SipResponse response, Inbound request) {
    Objects.requireNonNull(request, "request");
    return respond(response, request.flow());
  }

  /**
   * Sends a response for a request that came over {@code flow}: back over the same connection
   * while it is open (section 18.2.2), else to where {@link ResponseRouter} says.
   */
  private CompletableFuture<Flow> respond(SipResponse response, Flow flow) {
    Objects.requireNonNull(response, "response");
    Transport transport = flow.transport();
    Running r = running;
    if (r == null) {
      return counted(
          CompletableFuture.failedFuture(new TransportException("transport is not running")), flow.toString());
    }
    byte[] bytes = response.encode();
    if (transport.isReliable()) {
      Optional<Channel> same = connections.find(transport, flow.remote());
      if (same.isPresent()) {
        return counted(write(same.get(), transport, bytes), flow.toString());
      }
    }
    // A response whose top Via cannot be read (an error response to a request whose Via was the
    // fault) goes back to where the request came from.
    InetSocketAddress dest =
        topVia(response).map(v -> ResponseRouter.destination(v, transport)).orElse(flow.remote());
    return counted(
        resolve(dest)
            .thenCompose(
                a -> transport.isReliable()
                    ? sendStream(r, bytes, transport, a)
                    : sendDatagram(r, bytes, a, flow.local())),
        label(transport, dest));
  }

  private static Optional<Via> topVia(SipResponse response) {
    ParseResult<List<Via>> vias = response.parse(HeaderName.VIA);
    return vias.isParsed() && !vias.value().isEmpty() ? Optional.of(vias.value().get(0)) : Optional.empty();
  }

  /** An IP literal as is; a host name through the JDK resolver, off the I/O threads. */
  private static CompletableFuture<InetSocketAddress> resolve(InetSocketAddress dest) {
    if (!dest.isUnresolved()) {
      return CompletableFuture.completedFuture(dest);
    }
    return CompletableFuture.supplyAsync(
        () -> {
          InetSocketAddress a = new InetSocketAddress(dest.getHostString(), dest.getPort());
          if (a.isUnresolved()) {
            throw new CompletionException(new TransportException("cannot resolve " + dest.getHostString()));
          }
          return a;
        });
  }

  private CompletableFuture<Flow> sendStream(Running r, byte[] bytes, Transport transport, InetSocketAddress remote) {
    return connections
        .obtain(transport, remote, (t, a) -> connect(r, t, a))
        .thenCompose(ch -> write(ch, transport, bytes));
  }

  private CompletableFuture<Channel> connect(Running r, Transport transport, InetSocketAddress remote) {
    SslContext tlsContext;
    try {
      tlsContext = transport.isSecure() ? clientTls() : null;
    } catch (SSLException e) {
      return CompletableFuture.failedFuture(new TransportException("cannot set up TLS: " + e.getMessage(), e));
    }
    if (!connections.tryReserve()) {
      return CompletableFuture.failedFuture(
          new TransportException(
              label(transport, remote) + ": connection limit of " + connections.max() + " reached"));
    }
    ChannelFuture cf =
        new Bootstrap()
            .group(r.loops().group())
            .channel(r.loops().socket())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    SslHandler ssl =
                        tlsContext == null
                            ? null
                            : tlsContext.newHandler(ch.alloc(), remote.getHostString(), remote.getPort());
                    setUpStream(r, ch, transport, ssl);
                  }
                })
            .connect(remote);
    cf.channel().closeFuture().addListener(x -> connections.release());
    CompletableFuture<Channel> f = new CompletableFuture<>();
    cf.addListener(
        (ChannelFutureListener)
            c -> {
              if (c.isSuccess()) {
                f.complete(c.channel());
              } else {
                f.completeExceptionally(c.cause());
              }
            });
    return f;
  }

  private SslContext clientTls() throws SSLException {
    synchronized (clientTlsLock) {
      if (clientTls == null) {
        clientTls = TlsContexts.client(trusted);
      }
      return clientTls;
    }
  }

  private static CompletableFuture<Flow> write(Channel ch, Transport transport, byte[] bytes) {
    InetSocketAddress local = (InetSocketAddress) ch.localAddress();
    InetSocketAddress remote = (InetSocketAddress) ch.remoteAddress();
    if (local == null || remote == null) {
      return CompletableFuture.failedFuture(new TransportException("connection closed"));
    }
    Flow flow = new Flow(transport, local, remote);
    CompletableFuture<Flow> f = new CompletableFuture<>();
    ch.writeAndFlush(Unpooled.wrappedBuffer(bytes))
        .addListener(
            (ChannelFutureListener)
                w -> {
                  if (w.isSuccess()) {
                    f.complete(flow);
                  } else {
                    f.completeExceptionally(w.cause());
                  }
                });
    return f;
  }

  private CompletableFuture<Flow> sendDatagram(
      Running r, byte[] bytes, InetSocketAddress remote, InetSocketAddress preferredLocal) {
    Channel ch = datagramChannel(r, remote.getAddress(), preferredLocal);
    if (ch == null) {
      String family = remote.getAddress() instanceof Inet6Address ? "IPv6" : "IPv4";
      return CompletableFuture.failedFuture(new TransportException("no UDP listener for " + family));
    }
    if (bytes.length > MAX_DATAGRAM) {
      return CompletableFuture.failedFuture(
          new TransportException("a message of " + bytes.length + " octets is too large for UDP"));
    }
    Flow flow = new Flow(Transport.UDP, (InetSocketAddress) ch.localAddress(), remote);
    if (!filter.pass(DatagramFilter.Direction.OUTBOUND, remote, bytes)) {
      stats.countFiltered();
      return CompletableFuture.completedFuture(flow);
    }
    CompletableFuture<Flow> f = new CompletableFuture<>();
    ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), remote))
        .addListener(
            (ChannelFutureListener)
                w -> {
                  if (w.isSuccess()) {
                    f.complete(flow);
                  } else {
                    f.completeExceptionally(w.cause());
                  }
                });
    return f;
  }

  /**
   * The UDP listener to send from: the one at {@code preferredLocal} (a response leaves from
   * where its request arrived, as RFC 3581 section 4 requires), else the first that can reach the
   * destination's address family.
   */
  private static Channel datagramChannel(Running r, InetAddress dest, InetSocketAddress preferredLocal) {
    Channel fallback = null;
    for (Listener l : r.listeners()) {
      if (l.point().transport() != Transport.UDP) {
        continue;
      }
      InetAddress local = l.point().address().getAddress();
      if (l.point().address().equals(preferredLocal)) {
        return l.channel();
      }
      boolean sameFamily = (local instanceof Inet6Address) == (dest instanceof Inet6Address);
      boolean dualStack = local instanceof Inet6Address && local.isAnyLocalAddress();
      if (fallback == null && (sameFamily || dualStack)) {
        fallback = l.channel();
      }
    }
    return fallback;
  }

  /** Counts the outcome and makes every failure a {@link TransportException} naming the target. */
  private CompletableFuture<Flow> counted(CompletableFuture<Flow> f, String what) {
    CompletableFuture<Flow> out = new CompletableFuture<>();
    f.whenComplete(
        (flow, err) -> {
          if (err == null) {
            stats.countSent();
            out.complete(flow);
            return;
          }
          stats.countSendFailure();
          Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
          out.completeExceptionally(
              cause instanceof TransportException
                  ? cause
                  : new TransportException(what + ": " + describe(cause), cause));
        });
    return out;
  }

  private static String label(Transport transport, InetSocketAddress remote) {
    return transport.name().toLowerCase(Locale.ROOT) + ":" + remote;
  }

  /**
   * The I/O thread on which work keyed by {@code key} runs: the same one for the same key. The
   * layer above confines each transaction to one of these (house style habit 10), so a request
   * that arrives on that thread is handled there and its response is written there, with no hand
   * over between threads. Work on these threads must never block.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public Executor executorFor(String key) {
    Running r = running;
    if (r == null) {
      throw new IllegalStateException("transport is not running");
    }
    EventExecutor[] e = r.executors();
    return e[Math.floorMod(key.hashCode(), e.length)];
  }

  /** A socket error as a short phrase for a one-line message. */
  private static String describe(Throwable t) {
    String m = String.valueOf(t.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    if (t instanceof BindException || lower.contains("address already in use")) {
      return "address already in use";
    }
    if (lower.contains("cannot assign requested address")) {
      return "address not available on this host";
    }
    if (lower.contains("connection refused")) {
      return "connection refused";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : m;
  }

  @Override
  public List<ListenPoint> listening() {
    Running r = running;
    if (r == null) {
      return List.of();
    }
    List<ListenPoint> out = new ArrayList<>();
    for (Listener l : r.listeners()) {
      out.add(l.point());
    }
    return out;
  }

  /** The counters. */
  public TransportStats stats() {
    return stats;
  }

  /** TCP and TLS connections open or opening now, both directions. */
  public int openConnections() {
    return connections.openCount();
  }

  /**
   * Stops listening, closes every connection and shuts the event loops down, waiting a bounded
   * time (a few seconds at most) unless called from one of its own event loops. Idempotent.
   */
  @Override
  public void close() {
    Running r;
    synchronized (this) {
      r = running;
      running = null;
      started = true;
    }
    if (r == null) {
      return;
    }
    EventLoopGroup group = r.loops().group();
    boolean mayWait = !inEventLoop(group);
    var closed = r.channels().close();
    if (mayWait) {
      closed.awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    var terminated = group.shutdownGracefully(50, 2_000, TimeUnit.MILLISECONDS);
    if (mayWait) {
      terminated.awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
  }

  private static boolean inEventLoop(EventLoopGroup group) {
    for (EventExecutor e : group) {
      if (e.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Configures a {@link NettyTransport}. Not thread-safe; use it on one thread, then build.
   */
  public static final class Builder {
    private final List<ListenPoint> listen = new ArrayList<>();
    private InboundHandler handler;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxConnections = 10_000;
    private int maxMessageSize = SipParser.DEFAULT_MAX_MESSAGE_SIZE;
    private int ioThreads;
    private boolean preferNative = true;
    private TlsMaterial tls;
    private final List<X509Certificate> trusted = new ArrayList<>();
    private DatagramFilter filter = DatagramFilter.PASS_ALL;

    private Builder() {}

    /** Adds listen points; port 0 picks a free port, shown by {@link #listening()}. */
    public Builder listen(ListenPoint... points) {
      for (ListenPoint p : points) {
        listen.add(Objects.requireNonNull(p, "point"));
      }
      return this;
    }

    /** Where inbound messages go. Required. */
    public Builder handler(InboundHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** How long a TCP or TLS connection may see no traffic before it is closed. Default 5 min. */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /** How long an outgoing TCP connect may take. Default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The cap on open TCP and TLS connections, both directions together. Default 10,000. */
    public Builder maxConnections(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1: " + max);
      }
      this.maxConnections = max;
      return this;
    }

    /** The largest message accepted, in octets (at least 1,024); larger gets 513. Default 64 KiB. */
    public Builder maxMessageSize(int octets) {
      if (octets < 1024) {
        throw new IllegalArgumentException("maxMessageSize must be at least 1024: " + octets);
      }
      this.maxMessageSize = octets;
      return this;
    }

    /** I/O threads; 0 (the default) lets Netty choose. */
    public Builder ioThreads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("ioThreads must not be negative: " + threads);
      }
      this.ioThreads = threads;
      return this;
    }

    /** False to use Java NIO even where native epoll is available. Default true. */
    public Builder preferNative(boolean preferNative) {
      this.preferNative = preferNative;
      return this;
    }

    /** The certificate and key TLS listeners present. Required when listening on TLS. */
    public Builder tls(TlsMaterial material) {
      this.tls = Objects.requireNonNull(material, "material");
      return this;
    }

    /**
     * Certificates outgoing TLS connections trust, replacing the JDK's default trust store; for
     * tests and private deployments with a self-signed server.
     */
    public Builder trustedCertificates(X509Certificate... certificates) {
      for (X509Certificate c : certificates) {
        trusted.add(Objects.requireNonNull(c, "certificate"));
      }
      return this;
    }

    /** A test hook to drop UDP datagrams; see {@link DatagramFilter}. Default passes all. */
    public Builder datagramFilter(DatagramFilter filter) {
      this.filter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /**
     * The transport, not yet started.
     *
     * @throws IllegalStateException when no listen point or handler was given, or a TLS listen
     *     point has no {@link #tls} material
     */
    public NettyTransport build() {
      if (listen.isEmpty()) {
        throw new IllegalStateException("no listen point");
      }
      if (handler == null) {
        throw new IllegalStateException("no inbound handler");
      }
      if (tls == null && listen.stream().anyMatch(p -> p.transport().isSecure())) {
        throw new IllegalStateException("a TLS listen point needs tls(...) material");
      }
      return new NettyTransport(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
