package dev.fetch.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /bytes/N} as a static file server would serve it, for {@code -N} and {@code --continue}:
 * version V ({@code ?v=V}, default 0) of the body is the pattern shifted by V, with
 * {@code ETag: "N-vV"} and a {@code Last-Modified} V hours after 2026-01-01. A request whose
 * {@code If-None-Match} holds that tag, or (without one) whose {@code If-Modified-Since} is not
 * older, gets {@code 304}. {@code Range: bytes=S-} or {@code bytes=S-E} gets {@code 206} with a
 * {@code Content-Range}, or {@code 416} with {@code bytes *}{@code /N} when S is past the end; an
 * {@code If-Range} that is neither the tag nor the date turns the range into a whole
 * {@code 200}. {@code ?cut=K} sends the body only up to byte K of the whole (then closes the
 * connection, having promised more). Runs on the connection's event loop; stateless.
 */
final class VersionedBytes {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");

  private VersionedBytes() {}

  static void serve(ChannelHandlerContext ctx, FullHttpRequest request, long size, long version,
      long cut) {
    String etag = "\"" + size + "-v" + version + "\"";
    Instant modified = EPOCH.plusSeconds(3600 * version);
    String lastModified = HTTP_DATE.format(modified);
    if (notModified(request, etag, modified)) {
      DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
      validators(response, etag, lastModified);
      ctx.writeAndFlush(response);
      return;
    }
    long from = 0;
    long to = size;
    HttpResponseStatus status = HttpResponseStatus.OK;
    Matcher range = rangeOf(request, etag, lastModified);
    if (range != null) {
      long first = Long.parseLong(range.group(1));
      if (first >= size) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        validators(response, etag, lastModified);
        ctx.writeAndFlush(response);
        return;
      }
      long last = range.group(2).isEmpty() ? size - 1
          : Math.min(size - 1, Long.parseLong(range.group(2)));
      if (last >= first) {
        from = first;
        to = last + 1;
        status = HttpResponseStatus.PARTIAL_CONTENT;
      }
    }
    boolean whole = cut < 0 || cut >= to;
    HttpResponse head = whole && to - from <= PatternBody.CHUNK
        ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            PatternBody.slice(from + version, (int) (to - from)))
        : Responses.head(status, to - from);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
    head.headers().set(HttpHeaderNames.CONTENT_LENGTH, to - from);
    validators(head, etag, lastModified);
    if (status == HttpResponseStatus.PARTIAL_CONTENT) {
      head.headers().set(HttpHeaderNames.CONTENT_RANGE,
          "bytes " + from + "-" + (to - 1) + "/" + size);
    }
    head.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
    if (head instanceof DefaultFullHttpResponse) {
      ctx.writeAndFlush(head);
      return;
    }
    ctx.write(head);
    if (!whole) {
      ctx.writeAndFlush(new PatternBody(from, Math.max(from, cut), version, false))
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(new PatternBody(from, to, version, true));
    }
  }

  private static void validators(HttpResponse response, String etag, String lastModified) {
    response.headers().set(HttpHeaderNames.ETAG, etag);
    response.headers().set(HttpHeaderNames.LAST_MODIFIED, lastModified);
  }

  private static boolean notModified(FullHttpRequest request, String etag, Instant modified) {
    String match = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
    if (match != null) {
      for (String tag : match.split(",")) {
        String trimmed = tag.trim();
        if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
          return true;
        }
      }
      return false;
    }
    Instant since = date(request.headers().get(HttpHeaderNames.IF_MODIFIED_SINCE));
    return since != null && !since.isBefore(modified);
  }

  /** The request's range, or null when it has none, a malformed one, or a stale If-Range. */
  private static Matcher rangeOf(FullHttpRequest request, String etag, String lastModified) {
    String header = request.headers().get(HttpHeaderNames.RANGE);
    if (header == null) {
      return null;
    }
    Matcher range = RANGE.matcher(header.trim());
    if (!range.matches()) {
      return null;
    }
    String ifRange = request.headers().get(HttpHeaderNames.IF_RANGE);
    if (ifRange != null && !ifRange.equals(etag) && !ifRange.equals(lastModified)) {
      return null;
    }
    return range;
  }

  private static Instant date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
