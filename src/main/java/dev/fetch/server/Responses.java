package dev.fetch.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Writes the site's kinds of response onto a connection. All methods run on its event loop. */
final class Responses {
  private static final long TRICKLE_PERIOD_MILLIS = 50;

  private Responses() {}

  static void text(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
    ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    ctx.writeAndFlush(response);
  }

  static HttpResponse head(HttpResponseStatus status, long contentLength) {
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
    return response;
  }

  /** {@code size} pattern bytes with a Content-Length, streamed with back-pressure. */
  static void bytes(ChannelHandlerContext ctx, long size) {
    if (size <= PatternBody.CHUNK) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.OK, PatternBody.slice(0, (int) size));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
      response.headers().set(HttpHeaderNames.CONTENT_LENGTH, size);
      ctx.writeAndFlush(response);
      return;
    }
    ctx.write(head(HttpResponseStatus.OK, size));
    ctx.writeAndFlush(new PatternBody(size));
  }

  /** {@code size} pattern bytes sent at about {@code bytesPerSecond}, in 50 ms steps. */
  static void trickle(ChannelHandlerContext ctx, long size, long bytesPerSecond) {
    if (size == 0) {
      bytes(ctx, 0);
      return;
    }
    ctx.writeAndFlush(head(HttpResponseStatus.OK, size));
    long step = Math.max(1, Math.min(PatternBody.CHUNK,
        bytesPerSecond * TRICKLE_PERIOD_MILLIS / 1000));
    trickleFrom(ctx, 0, size, step);
  }

  private static void trickleFrom(ChannelHandlerContext ctx, long sent, long size, long step) {
    if (!ctx.channel().isActive()) {
      return;
    }
    int chunk = (int) Math.min(step, size - sent);
    boolean last = sent + chunk >= size;
    ctx.writeAndFlush(PatternBody.content(PatternBody.slice(sent, chunk), last));
    if (last) {
      return;
    }
    ctx.executor().schedule(() -> trickleFrom(ctx, sent + chunk, size, step),
        TRICKLE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Promises {@code sent + 1024} bytes, sends {@code sent}, then closes the connection. */
  static void drop(ChannelHandlerContext ctx, long sent) {
    ChannelFuture last = ctx.write(head(HttpResponseStatus.OK, sent + 1024));
    for (long offset = 0; offset < sent; offset += PatternBody.CHUNK) {
      int size = (int) Math.min(PatternBody.CHUNK, sent - offset);
      last = ctx.write(new DefaultHttpContent(PatternBody.slice(offset, size)));
    }
    ctx.flush();
    last.addListener(ChannelFutureListener.CLOSE);
  }

  /** Status {@code code} with a one-line body (none for 204 and 304), and Retry-After if given. */
  static void status(ChannelHandlerContext ctx, int code, String retryAfter) {
    boolean bodyless = code == 204 || code == 304;
    ByteBuf content = bodyless ? Unpooled.EMPTY_BUFFER
        : Unpooled.copiedBuffer("status " + code + "\n", StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(code), content);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    if (!bodyless) {
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    }
    if (retryAfter != null) {
      response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
    }
    ctx.writeAndFlush(response);
  }

  /** A 302 to {@code /redirect/(left - 1)}, or 200 when no redirect is left. */
  static void redirect(ChannelHandlerContext ctx, long left) {
    if (left <= 0) {
      text(ctx, HttpResponseStatus.OK, "redirects done\n");
      return;
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.FOUND, Unpooled.EMPTY_BUFFER);
    response.headers().set(HttpHeaderNames.LOCATION, "/redirect/" + (left - 1));
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    ctx.writeAndFlush(response);
  }

  /** Sends the headers of a 1024-byte body and then nothing, until the client gives up. */
  static void stall(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(head(HttpResponseStatus.OK, 1024));
  }
}
