package dev.fetch.save;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Chooses a safe, unique file name for each URL of a run.
 *
 * <p>The name is the URL's last non-empty path segment, decoded, with path separators and control
 * characters replaced by {@code _}; {@code index.html} when there is none. It never contains a
 * separator and is never {@code .} or {@code ..}, so it cannot leave the output directory. Names
 * taken earlier in the run get a {@code -1}, {@code -2}… suffix before the extension. The same
 * request index always gets the same name (retries write to the same place).
 *
 * <p>Thread-safe: guarded by {@code this}.
 */
public final class FileNamer {
  static final int MAX_NAME_BYTES = 200;
  private static final String FALLBACK = "index.html";

  private final Map<Integer, String> byIndex = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  /** The file name for request {@code index}: the same each time it is asked. */
  public synchronized String nameFor(int index, HttpUrl url) {
    String existing = byIndex.get(index);
    if (existing != null) {
      return existing;
    }
    String base = sanitize(lastSegment(url));
    String name = base;
    for (int n = 1; !taken.add(name); n++) {
      name = withSuffix(base, n);
    }
    byIndex.put(index, name);
    return name;
  }

  static String lastSegment(HttpUrl url) {
    List<String> segments = url.pathSegments();
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (!segments.get(i).isEmpty()) {
        return segments.get(i);
      }
    }
    return "";
  }

  static String sanitize(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> out.appendCodePoint(isUnsafe(c) ? '_' : c));
    String name = truncate(out.toString().strip());
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return FALLBACK;
    }
    return name;
  }

  private static boolean isUnsafe(int c) {
    return c == '/' || c == '\\' || c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028
        || c == 0x2029;
  }

  private static String truncate(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_NAME_BYTES) {
        break;
      }
      out.appendCodePoint(c);
      bytes += size;
      i += Character.charCount(c);
    }
    return out.toString();
  }

  private static String withSuffix(String base, int n) {
    int dot = base.lastIndexOf('.');
    if (dot <= 0) {
      return base + "-" + n;
    }
    return base.substring(0, dot) + "-" + n + base.substring(dot);
  }
}
