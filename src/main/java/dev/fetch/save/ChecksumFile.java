package dev.fetch.save;

import dev.fetch.download.Checksum;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digests of a {@code --checksum-file}: what {@code sha256sum} or {@code sha512sum} print,
 * by file name.
 *
 * <p>Lines, each ending with LF (a CR before it is ignored):
 * <ul>
 *   <li>{@code HEX  NAME} (text mode) or {@code HEX *NAME} (binary mode), where HEX is 64
 *       (SHA-256) or 128 (SHA-512) hexadecimal digits, in either case;
 *   <li>the BSD form {@code sha256sum --tag} prints: {@code SHA256 (NAME) = HEX}, or
 *       {@code SHA512 (...) = ...};
 *   <li>either form after a backslash, as GNU writes a name holding a backslash or a line end:
 *       then {@code \\}, {@code \n} and {@code \r} in the name stand for themselves;
 *   <li>blank lines and lines starting with {@code #}, ignored.
 * </ul>
 * Both algorithms may be mixed. A name is a path relative to the output directory; a leading
 * {@code ./} is ignored. The same name twice is fine when the digests agree, an error when two
 * of one algorithm differ; with two algorithms the first line's is checked. Anything else is an
 * error {@code FILE:LINE: problem} that never quotes the line.
 *
 * <p>Immutable once read.
 */
public final class ChecksumFile {
  /** A file with no names: every file saved unchecked. */
  public static final ChecksumFile NONE = new ChecksumFile("", Map.of());

  private static final int MAX_LINE = 64 * 1024;
  private static final Pattern GNU = Pattern.compile("([0-9A-Fa-f]+) [ *](.*)", Pattern.DOTALL);
  private static final Pattern BSD =
      Pattern.compile("([A-Za-z0-9-]+) \\((.*)\\) = ([0-9A-Fa-f]+)", Pattern.DOTALL);

  /** One name's digest and the line that gives it. */
  public record Listed(Checksum checksum, int line) {}

  private final String source;
  private final Map<String, Listed> byName;

  private ChecksumFile(String source, Map<String, Listed> byName) {
    this.source = source;
    this.byName = byName;
  }

  /**
   * Reads {@code file}.
   *
   * @param shown how messages name it
   * @throws IOException if it cannot be read, with the reason
   * @throws MalformedException at its first malformed line
   */
  public static ChecksumFile read(Path file, String shown) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(shown, new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  /** Parses a checksum file's text; {@code source} names it in messages. */
  static ChecksumFile parse(String source, Reader reader) throws IOException {
    Reader text = new BufferedReader(reader);
    Map<String, Listed> byName = new HashMap<>();
    StringBuilder line = new StringBuilder();
    int number = 0;
    boolean more = true;
    while (more) {
      int c = text.read();
      if (c != '\n' && c != -1) {
        if (line.length() == MAX_LINE) {
          throw new MalformedException(source, number + 1, "line longer than " + MAX_LINE
              + " characters");
        }
        line.append((char) c);
        continue;
      }
      more = c != -1;
      if (!more && line.length() == 0) {
        break;
      }
      number++;
      if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
        line.setLength(line.length() - 1);
      }
      add(byName, source, number, line.toString());
      line.setLength(0);
    }
    return new ChecksumFile(source, byName);
  }

  private static void add(Map<String, Listed> byName, String source, int number, String line) {
    if (line.isBlank() || line.startsWith("#")) {
      return;
    }
    boolean escaped = line.startsWith("\\");
    String rest = escaped ? line.substring(1) : line;
    String hex;
    String name;
    Checksum.Algorithm algorithm;
    Matcher bsd = BSD.matcher(rest);
    Matcher gnu = GNU.matcher(rest);
    if (bsd.matches()) {
      String tag = bsd.group(1).toUpperCase(Locale.ROOT);
      algorithm = tag.equals("SHA256") ? Checksum.Algorithm.SHA256
          : tag.equals("SHA512") ? Checksum.Algorithm.SHA512 : null;
      if (algorithm == null) {
        throw new MalformedException(source, number,
            "unsupported digest (only SHA256 and SHA512)");
      }
      name = bsd.group(2);
      hex = bsd.group(3);
    } else if (gnu.matches()) {
      hex = gnu.group(1);
      name = gnu.group(2);
      algorithm = Checksum.Algorithm.ofHexLength(hex.length());
      if (algorithm == null) {
        throw new MalformedException(source, number, "a digest of " + hex.length()
            + " hexadecimal digits (sha256 has 64, sha512 128; other digests are not "
            + "supported)");
      }
    } else {
      throw new MalformedException(source, number,
          "not a checksum line (expected 'HEX  NAME' or 'SHA256 (NAME) = HEX')");
    }
    Checksum checksum = Checksum.parse(algorithm, hex);
    if (checksum == null) {
      throw new MalformedException(source, number, "a " + algorithm.label()
          + " digest needs " + (algorithm == Checksum.Algorithm.SHA256 ? 64 : 128)
          + " hexadecimal digits");
    }
    if (escaped) {
      name = unescape(name, source, number);
    }
    name = withoutDotSlash(name);
    if (name.isEmpty()) {
      throw new MalformedException(source, number, "no file name");
    }
    Listed earlier = byName.putIfAbsent(name, new Listed(checksum, number));
    if (earlier != null && earlier.checksum().algorithm() == algorithm
        && !earlier.checksum().equals(checksum)) {
      throw new MalformedException(source, number, "the same file as line " + earlier.line()
          + ", with another digest");
    }
  }

  private static String unescape(String name, String source, int number) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = i + 1 < name.length() ? name.charAt(++i) : 0;
      if (next == '\\') {
        out.append('\\');
      } else if (next == 'n') {
        out.append('\n');
      } else if (next == 'r') {
        out.append('\r');
      } else {
        throw new MalformedException(source, number,
            "a backslash in the name that is not \\\\, \\n or \\r");
      }
    }
    return out.toString();
  }

  private static String withoutDotSlash(String name) {
    while (name.startsWith("./")) {
      name = name.substring(2);
    }
    return name;
  }

  /** The digest listed for the file saved as {@code path} (relative, {@code /}-separated). */
  public Listed get(String path) {
    return byName.get(path);
  }

  /** How many names it lists. */
  public int size() {
    return byName.size();
  }

  /** {@code FILE:LINE}, for a message about line {@code line}. */
  public String location(int line) {
    return source + ":" + line;
  }

  /** A malformed line: a usage error, found before the first request. */
  public static final class MalformedException extends RuntimeException {
    MalformedException(String source, int line, String problem) {
      super(source + ":" + line + ": " + problem);
    }
  }
}
