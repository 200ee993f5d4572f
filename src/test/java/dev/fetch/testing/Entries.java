package dev.fetch.testing;

import dev.fetch.input.UrlEntry;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;

/** Input entries for strategy tests, as the list reader would make them from {@code list.txt}. */
public final class Entries {
  private Entries() {}

  /** Entry {@code index}: the valid URL {@code http://127.0.0.1/INDEX} on line index + 1. */
  public static UrlEntry valid(int index) {
    return at(index, HttpUrl.get("http://127.0.0.1/" + index));
  }

  /** Entry {@code index}: the valid {@code url} on line index + 1. */
  public static UrlEntry at(int index, HttpUrl url) {
    return new UrlEntry(index, "list.txt", index + 1, url.toString(), url, null);
  }

  /** Entry {@code index}: the invalid line {@code ftp://x/INDEX}, an unsupported scheme. */
  public static UrlEntry invalid(int index) {
    return new UrlEntry(index, "list.txt", index + 1, "ftp://x/" + index, null,
        "unsupported scheme 'ftp'");
  }

  /** Entries 0 to {@code count - 1}, all {@link #valid(int)}. */
  public static List<UrlEntry> first(int count) {
    return IntStream.range(0, count).mapToObj(Entries::valid)
        .collect(Collectors.toList());
  }
}
