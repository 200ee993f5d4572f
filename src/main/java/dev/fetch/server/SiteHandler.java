package dev.fetch.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Routes each request of the local test site to its response. Stateless apart from the shared
 * counters; delays are timers on the connection's event loop, so a waiting response holds no
 * thread.
 */
final class SiteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final long MAX_DELAY_MILLIS = TimeUnit.MINUTES.toMillis(10);

  private final ServerCounters counters;
  private final String fallbackBase;

  /** @param fallbackBase the base URL to use when a request has no Host header */
  SiteHandler(ServerCounters counters, String fallbackBase) {
    this.counters = counters;
    this.fallbackBase = fallbackBase;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    counters.connectionOpened();
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    counters.connectionClosed();
    super.channelInactive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    counters.request();
    List<String> path;
    Query query;
    try {
      QueryStringDecoder uri = new QueryStringDecoder(request.uri());
      path = List.of(uri.path().replaceFirst("^/+", "").split("/"));
      query = new Query(uri.parameters());
    } catch (IllegalArgumentException e) {
      // A bad percent-escape: the client's mistake, answered, not a dropped connection.
      Responses.text(ctx, HttpResponseStatus.BAD_REQUEST, "bad request target\n");
      return;
    }
    try {
      route(ctx, request, path, query);
    } catch (BadRequestException e) {
      Responses.text(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n");
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request, List<String> path,
      Query query) {
    String route = path.get(0);
    String arg = path.size() > 1 ? path.get(1) : null;
    long delay = query.number("delay", 0, 0, MAX_DELAY_MILLIS);
    switch (route) {
      case "bytes": {
        long size = Query.parse("size", arg, 0, Long.MAX_VALUE);
        long rate = query.number("rate", 0, 1, Long.MAX_VALUE);
        long version = query.number("v", 0, 0, 1_000_000);
        long cut = query.number("cut", -1, 0, Long.MAX_VALUE);
        later(ctx, delay, () -> {
          if (rate > 0) {
            Responses.trickle(ctx, size, rate);
          } else {
            VersionedBytes.serve(ctx, request, size, version, cut);
          }
        });
        return;
      }
      case "wiki": {
        Integer size = arg == null ? null : SeedPages.sizes().get(arg);
        if (size == null) {
          Responses.text(ctx, HttpResponseStatus.NOT_FOUND, "no such seed page: " + arg + "\n");
          return;
        }
        long wait = query.number("delay", SeedPages.DEFAULT_DELAY_MILLIS, 0, MAX_DELAY_MILLIS);
        later(ctx, wait, () -> Responses.bytes(ctx, size));
        return;
      }
      case "status": {
        int code = (int) Query.parse("status code", arg, 200, 599);
        String retryAfter = query.text("retry-after");
        later(ctx, delay, () -> Responses.status(ctx, code, retryAfter));
        return;
      }
      case "drop": {
        long sent = Query.parse("size", arg, 0, Long.MAX_VALUE - 1024);
        later(ctx, delay, () -> Responses.drop(ctx, sent));
        return;
      }
      case "stall":
        later(ctx, delay, () -> Responses.stall(ctx));
        return;
      case "redirect": {
        long left = Query.parse("redirect count", arg, 0, 1000);
        later(ctx, delay, () -> Responses.redirect(ctx, left));
        return;
      }
      case "list": {
        int count = (int) query.number("count", 100, 0, 10_000_000);
        long size = query.number("size", 16 * 1024, 0, Long.MAX_VALUE);
        Responses.text(ctx, HttpResponseStatus.OK,
            SiteLists.pages(base(request), count, size, delay));
        return;
      }
      case "seed.txt": {
        long wait = query.number("delay", SeedPages.DEFAULT_DELAY_MILLIS, 0, MAX_DELAY_MILLIS);
        Responses.text(ctx, HttpResponseStatus.OK, SiteLists.seed(base(request), wait));
        return;
      }
      case "":
        Responses.text(ctx, HttpResponseStatus.OK, SiteHelp.text(base(request)));
        return;
      default:
        Responses.text(ctx, HttpResponseStatus.NOT_FOUND,
            "not found; see " + base(request) + "/ for the endpoints\n");
    }
  }

  private void later(ChannelHandlerContext ctx, long delayMillis, Runnable respond) {
    if (delayMillis <= 0) {
      respond.run();
      return;
    }
    counters.delayStarted();
    ctx.executor().schedule(() -> {
      counters.delayEnded();
      if (ctx.channel().isActive()) {
        respond.run();
      }
    }, delayMillis, TimeUnit.MILLISECONDS);
  }

  private String base(FullHttpRequest request) {
    String host = request.headers().get(HttpHeaderNames.HOST);
    return host == null || host.isBlank() ? fallbackBase : "http://" + host;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
