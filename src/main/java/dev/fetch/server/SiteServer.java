package dev.fetch.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local test site behind {@code fetch serve} and {@code fetch demo}: a Netty HTTP/1.1 server
 * with keep-alive whose endpoints are listed in {@link SiteHelp}.
 *
 * <p>Non-blocking throughout: a delayed response is a timer, a trickled body a chain of timers,
 * so a thousand waiting requests cost a thousand timers and no thread each. Runs on
 * {@code 2 × cores} event-loop threads. {@link #close()} stops it and releases its threads.
 */
public final class SiteServer implements AutoCloseable {
  private static final int BACKLOG = 4096;

  static {
    // From Java 24 on, Netty's use of sun.misc.Unsafe prints warnings on stderr; its portable
    // code paths are fast enough for the site (see the README's capacity figures).
    if (Runtime.version().feature() >= 24 && System.getProperty("io.netty.noUnsafe") == null) {
      System.setProperty("io.netty.noUnsafe", "true");
    }
  }

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;
  private final ServerCounters counters;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SiteServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel,
      ServerCounters counters, String baseUrl) {
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
    this.counters = counters;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the site on {@code host:port} (port 0 picks a free one), returning once it accepts.
   *
   * @throws PortInUseException if the address is taken
   * @throws CannotListenException if the address cannot be listened on for another reason
   * @throws IOException if the address cannot be bound for another reason
   */
  public static SiteServer start(String host, int port) throws IOException {
    return start(host, port, BACKLOG);
  }

  /**
   * The same, with the listen backlog given: a small one lets a test stand for a server that
   * accepts slowly, with more clients than it can queue.
   */
  public static SiteServer start(String host, int port, int backlog) throws IOException {
    EventLoopGroup boss = new NioEventLoopGroup(1);
    EventLoopGroup workers = new NioEventLoopGroup();
    ServerCounters counters = new ServerCounters();
    String[] base = {null};
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, backlog)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpServerKeepAliveHandler())
                .addLast(new HttpObjectAggregator(64 * 1024))
                .addLast(new ChunkedWriteHandler())
                .addLast(new SiteHandler(counters, base[0]));
          }
        });
    try {
      Channel channel = bootstrap.bind(host, port).sync().channel();
      InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
      base[0] = "http://" + hostForUrl(host) + ":" + bound.getPort();
      return new SiteServer(boss, workers, channel, counters, base[0]);
    } catch (Exception e) {
      shutdown(boss, workers);
      if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
        throw new PortInUseException(host, port, (BindException) e);
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting to listen", e);
      }
      Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
      String reason = cause instanceof java.nio.channels.UnresolvedAddressException
          ? "no such host" : cause.getMessage() != null ? cause.getMessage()
              : cause.getClass().getSimpleName();
      throw new CannotListenException("cannot listen on " + hostForUrl(host) + ":" + port + " ("
          + reason + ")", e);
    }
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The site's base URL without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  public ServerStats stats() {
    return counters.snapshot();
  }

  /** Blocks until the server is closed (by {@link #close()} from another thread). */
  public void awaitClose() throws InterruptedException {
    channel.closeFuture().sync();
  }

  /** Stops accepting, closes every connection and releases the threads. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      channel.close().syncUninterruptibly();
      shutdown(boss, workers);
    }
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
