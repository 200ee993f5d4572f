package dev.fetch.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.stream.ChunkedInput;

/**
 * The deterministic content of every generated body: byte {@code i} is {@code 'a' + i % 26}, so
 * any body can be checked by its length and its bytes. Served as read-only slices of one shared
 * buffer, so a large body costs no allocation.
 *
 * <p>The last chunk carries the last bytes and ends the response in one message: a client that
 * has read every byte may send its next request at once, and the response must be complete by
 * then.
 */
final class PatternBody implements ChunkedInput<HttpContent> {
  /** The largest slice served at once. */
  static final int CHUNK = 26 * 2520;
  /** One period longer than a chunk, so a chunk can start at any position of the period. */
  private static final ByteBuf PATTERN = pattern(CHUNK + 26);

  private final long length;
  private final long shift;
  private final boolean ends;
  private long offset;

  PatternBody(long length) {
    this(0, length, 0, true);
  }

  /**
   * The body's bytes from {@code from} to {@code to} (exclusive), the pattern shifted by
   * {@code shift} positions (another version of the body); when {@code ends} is false the last
   * chunk does not end the response (its sender cuts the connection instead).
   */
  PatternBody(long from, long to, long shift, boolean ends) {
    this.length = to - from;
    this.shift = from + shift;
    this.ends = ends;
  }

  /** The body's bytes from {@code position}, {@code size} at most {@link #CHUNK}. */
  static ByteBuf slice(long position, int size) {
    return PATTERN.retainedSlice((int) (position % 26), size);
  }

  private static ByteBuf pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
  }

  @Override
  public boolean isEndOfInput() {
    return offset >= length;
  }

  @Override
  public void close() {}

  @Deprecated
  @Override
  public HttpContent readChunk(ChannelHandlerContext ctx) {
    return readChunk(ctx.alloc());
  }

  @Override
  public HttpContent readChunk(ByteBufAllocator allocator) {
    if (isEndOfInput()) {
      return null;
    }
    int size = (int) Math.min(CHUNK, length - offset);
    ByteBuf chunk = slice(shift + offset, size);
    offset += size;
    return content(chunk, ends && isEndOfInput());
  }

  /** {@code data} as a body part; the last part also ends the response. */
  static HttpContent content(ByteBuf data, boolean last) {
    return last ? new DefaultLastHttpContent(data) : new DefaultHttpContent(data);
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public long progress() {
    return offset;
  }
}
