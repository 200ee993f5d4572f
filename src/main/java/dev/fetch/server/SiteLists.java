package dev.fetch.server;

import java.util.Map;

/** The URL lists the site serves, as text: pure functions of the site's base URL. */
public final class SiteLists {
  private SiteLists() {}

  /**
   * {@code count} pages of {@code size} bytes, each {@code delayMillis} late. Every URL is unique
   * ({@code /bytes/SIZE/K}), so no downloader can merge two of them.
   *
   * @param base the site's base URL without a trailing slash, e.g. {@code http://127.0.0.1:8080}
   */
  public static String pages(String base, int count, long size, long delayMillis) {
    StringBuilder text = new StringBuilder();
    String query = delayMillis > 0 ? "?delay=" + delayMillis : "";
    for (int i = 0; i < count; i++) {
      text.append(base).append("/bytes/").append(size).append('/').append(i).append(query)
          .append('\n');
    }
    return text.toString();
  }

  /**
   * The tutorial's 15 pages, as {@code /wiki/NAME} URLs that serve the real pages' sizes with
   * {@code delayMillis} latency (the site's default, 150 ms, is left out of the URL).
   */
  public static String seed(String base, long delayMillis) {
    StringBuilder text = new StringBuilder();
    String query = delayMillis == SeedPages.DEFAULT_DELAY_MILLIS ? "" : "?delay=" + delayMillis;
    for (Map.Entry<String, Integer> page : SeedPages.sizes().entrySet()) {
      text.append(base).append("/wiki/").append(page.getKey()).append(query).append('\n');
    }
    return text.toString();
  }
}
