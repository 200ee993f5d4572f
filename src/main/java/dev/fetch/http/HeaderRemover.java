package dev.fetch.http;

import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp network interceptor that takes the headers {@code -H 'Name:'} removes off each
 * request as it goes on the wire, after OkHttp has added its own ({@code Accept-Encoding},
 * {@code Connection}, a default {@code User-Agent}). Immutable and thread-safe.
 */
final class HeaderRemover implements Interceptor {
  private final Set<String> removed;

  /** @param removed the header names to remove, in any case */
  HeaderRemover(Set<String> removed) {
    this.removed = Set.copyOf(removed);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder request = chain.request().newBuilder();
    for (String name : removed) {
      request.removeHeader(name);
    }
    return chain.proceed(request.build());
  }
}
