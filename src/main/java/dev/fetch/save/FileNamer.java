package dev.fetch.save;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Chooses a safe, unique path in the output directory for each URL of a run, in the order the
 * run asks: so the same list always gives the same names, whatever the mode and the order in
 * which downloads finish.
 *
 * <p>A path is relative to the output directory and {@code /}-separated; every segment is a safe
 * name: never empty, {@code .} or {@code ..}, no separator, no control character (nor one that
 * reorders text as shown), at most {@value #MAX_NAME_BYTES} bytes of UTF-8 (see
 * {@link #isSafeSegment}), so a path cannot leave the directory. {@link #fileName} is the
 * URL's last non-empty path segment, decoded;
 * {@link #hostPath} is {@code HOST[_PORT]/SEG/.../NAME} ({@code --create-dirs}).
 *
 * <p>One namespace holds every path of the run: {@link #claimFree} takes the wanted path, or, if
 * an earlier path holds it, the first free one with a {@code -1}, {@code -2}… suffix before the
 * extension (on a directory segment too, when an earlier file holds that name);
 * {@link #claim} takes exactly the path asked for ({@code out=}) or says who holds it. A path is
 * never both a file and a directory. Paths are compared as a case-insensitive file system would
 * (case and Unicode composition ignored), so no two paths of a run are one file anywhere. Each
 * claim is remembered with its holder, a number the caller chooses (the holder's list line, say),
 * and nothing else: one map entry per file, plus one per directory above them.
 *
 * <p>Thread-safe: guarded by {@code this}.
 */
public final class FileNamer {
  /** The longest segment, in bytes of UTF-8 (file systems allow 255). */
  public static final int MAX_NAME_BYTES = 200;
  /** What is returned by {@link #claim} when the path was free and is now taken. */
  public static final long FREE = Long.MIN_VALUE;
  /**
   * The start of the names of fetch's own files in the output directory (temporary files, and
   * whatever else fetch keeps there): an automatic name that starts so gets a {@code _} before it,
   * and {@code out=} cannot name one.
   */
  public static final String RESERVED_PREFIX = ".fetch-";
  /** The end of the name of a partial body {@code --continue} keeps beside its file. */
  public static final String PART_SUFFIX = ".fetch-part";
  private static final String FALLBACK = "index.html";

  /** Every file path claimed → its holder. */
  private final Map<String, Long> files = new HashMap<>();
  /** Every directory above a claimed file → the holder of the first file below it. */
  private final Map<String, Long> directories = new HashMap<>();
  /** {@link #nameFor}'s answers by request index; created only by a caller of it. */
  private Map<Integer, String> byIndex;

  /**
   * The name for request {@code index}, the same each time it is asked: for a caller that names
   * requests on its own and may ask twice. A run names each entry once, with {@link #claimFree}.
   */
  public synchronized String nameFor(int index, HttpUrl url) {
    if (byIndex == null) {
      byIndex = new HashMap<>();
    }
    return byIndex.computeIfAbsent(index, i -> claimFree(fileName(url), i));
  }

  /**
   * Takes {@code wanted} (a safe relative path), or the first free path made from it by suffixes,
   * for {@code holder}; returns the path taken.
   */
  public synchronized String claimFree(String wanted, long holder) {
    String[] segments = wanted.split("/");
    String path = "";
    for (int i = 0; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      String prefix = path.isEmpty() ? "" : path + "/";
      String candidate = prefix + segments[i];
      for (int n = 1; last ? isTaken(candidate) : files.containsKey(key(candidate)); n++) {
        candidate = prefix + withSuffix(segments[i], n);
      }
      path = candidate;
    }
    register(path, holder);
    return path;
  }

  /**
   * Takes exactly {@code path} (a safe relative path) for {@code holder} and returns
   * {@link #FREE}; or, when an earlier claim holds it (or holds a file where {@code path} needs
   * a directory), takes nothing and returns that claim's holder.
   */
  public synchronized long claim(String path, long holder) {
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      Long file = files.get(key(path.substring(0, slash)));
      if (file != null) {
        return file;
      }
    }
    Long earlier = files.get(key(path));
    if (earlier == null) {
      earlier = directories.get(key(path));
    }
    if (earlier != null) {
      return earlier;
    }
    register(path, holder);
    return FREE;
  }

  private boolean isTaken(String path) {
    String key = key(path);
    return files.containsKey(key) || directories.containsKey(key);
  }

  /**
   * What two paths share when they are one file on some file system: the same text once composed
   * (NFC) and in lower case. So {@code Page.html} and {@code page.html} in one run are two files
   * on macOS and Windows too, and a list gives the same names on every system.
   */
  private static String key(String path) {
    return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private void register(String path, long holder) {
    files.put(key(path), holder);
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      directories.putIfAbsent(key(path.substring(0, slash)), holder);
    }
  }

  /**
   * The file name of {@code url} in a flat directory: its last non-empty path segment, decoded
   * and made safe, never {@link #isReserved reserved}; {@code index.html} when there is none. The
   * query is not part of it.
   */
  public static String fileName(HttpUrl url) {
    return unreserved(sanitize(lastSegment(url)));
  }

  /**
   * Whether {@code segment} is named as fetch's own files are: it starts with
   * {@value #RESERVED_PREFIX}, or ends with {@value #PART_SUFFIX} (a partial body kept by
   * {@code --continue}, {@code .NAME.fetch-part}).
   */
  public static boolean isReserved(String segment) {
    return segment.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())
        || segment.regionMatches(true, segment.length() - PART_SUFFIX.length(), PART_SUFFIX, 0,
            PART_SUFFIX.length());
  }

  /** {@code name} (safe), with a {@code _} before it if it is {@link #isReserved reserved}. */
  private static String unreserved(String name) {
    return isReserved(name) ? truncate("_" + name, MAX_NAME_BYTES).strip() : name;
  }

  /**
   * The path of {@code url} under {@code --create-dirs}, like {@code wget -x}:
   * {@code HOST/SEG/.../NAME}. The host is as OkHttp gives it (lower case, IDN as punycode, an
   * IPv6 address in brackets), followed by {@code _PORT} when the port is not the scheme's
   * default; empty path segments are dropped; a path that ends with {@code /} ends with
   * {@code index.html}; a query is kept on the name after {@code ?}, as the URL writes it. Each
   * segment is made safe (see {@link #sanitize}) and never {@link #isReserved reserved}; user
   * information and fragment are never part of it.
   */
  public static String hostPath(HttpUrl url) {
    String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    if (url.port() != HttpUrl.defaultPort(url.scheme())) {
      host += "_" + url.port();
    }
    StringBuilder path = new StringBuilder(sanitize(host, "_"));
    List<String> segments = url.pathSegments();
    for (int i = 0; i < segments.size() - 1; i++) {
      if (!segments.get(i).isEmpty()) {
        path.append('/').append(unreserved(sanitize(segments.get(i), "_")));
      }
    }
    String last = segments.get(segments.size() - 1);
    String name = last.isEmpty() ? FALLBACK : last;
    String query = url.encodedQuery();
    if (query != null && !query.isEmpty()) {
      name += "?" + query;
    }
    return path.append('/').append(unreserved(sanitize(name))).toString();
  }

  /** Whether {@code segment} is a safe name for one segment of a saved path, kept as it is. */
  public static boolean isSafeSegment(String segment) {
    return sanitize(segment).equals(segment);
  }

  /** Whether {@code segment} is longer than a segment may be. */
  public static boolean tooLong(String segment) {
    return bytes(segment) > MAX_NAME_BYTES;
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

  /**
   * {@code raw} as a safe name: separators and control characters replaced by {@code _}, white
   * space around it removed, cut to {@value #MAX_NAME_BYTES} bytes; {@code index.html} for a name
   * that would be empty, {@code .} or {@code ..}.
   */
  static String sanitize(String raw) {
    return sanitize(raw, FALLBACK);
  }

  private static String sanitize(String raw, String fallback) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> out.appendCodePoint(isUnsafe(c) ? '_' : c));
    String name = truncate(out.toString().strip(), MAX_NAME_BYTES).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return fallback;
    }
    return name;
  }

  private static boolean isUnsafe(int c) {
    return c == '/' || c == '\\' || c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028
        || c == 0x2029 || isBidiControl(c);
  }

  /** A character that reorders text as shown: {@code evil\u202Etxt.exe} looks like a text file. */
  private static boolean isBidiControl(int c) {
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String truncate(String name, int maxBytes) {
    if (bytes(name) <= maxBytes) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    int total = 0;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int size = bytes(new String(Character.toChars(c)));
      if (total + size > maxBytes) {
        break;
      }
      out.appendCodePoint(c);
      total += size;
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /**
   * {@code base} with {@code -n} before its extension, cut so the result is still at most
   * {@value #MAX_NAME_BYTES} bytes.
   */
  static String withSuffix(String base, int n) {
    String suffix = "-" + n;
    int dot = base.lastIndexOf('.');
    String stem = dot <= 0 ? base : base.substring(0, dot);
    String extension = dot <= 0 ? "" : base.substring(dot);
    if (bytes(suffix) + bytes(extension) >= MAX_NAME_BYTES) {
      stem = base;
      extension = "";
    }
    return truncate(stem, MAX_NAME_BYTES - bytes(suffix) - bytes(extension)).stripTrailing()
        + suffix + extension;
  }
}
