package dev.fetch.input;

import dev.fetch.download.Checksum;
import dev.fetch.save.FileNamer;
import java.util.regex.Pattern;

/**
 * Splits one list line (already stripped, not blank, not a comment) into its URL and the
 * settings after it. The grammar, documented in README.md ("URL lists"):
 *
 * <pre>
 * line    = URL *( WS setting ) [ WS comment ]
 * WS      = 1*( SP / HTAB )
 * setting = "out=" PATH / "sha256=" 64HEXDIG / "sha512=" 128HEXDIG
 * comment = "#" *any
 * </pre>
 *
 * <p>{@code PATH} is a file path relative to the output directory, {@code /}-separated, every
 * segment a safe file name ({@link FileNamer#isSafeSegment}). A word after the URL that has no
 * {@code =} (and does not start a comment) means the URL itself held a space: the line is
 * refused as it always was. A problem never quotes the line, which may hold credentials; it
 * names an unknown key only when that key is a short plain word.
 */
final class ListLine {
  private static final Pattern WORDS = Pattern.compile("[ \t]+");
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  static final String SPACE_PROBLEM =
      "contains a space: one URL per line; encode spaces in a URL as %20";

  /** The URL's text and what follows it: settings, or the problem with them. */
  record Parts(String url, LineSettings settings, String problem) {}

  private ListLine() {}

  static Parts split(String line) {
    String[] words = WORDS.split(line);
    if (words.length == 1) {
      return new Parts(line, LineSettings.NONE, null);
    }
    int end = words.length;
    for (int i = 1; i < words.length; i++) {
      if (words[i].startsWith("#")) {
        end = i;
        break;
      }
      if (words[i].indexOf('=') < 0) {
        return new Parts(line, LineSettings.NONE, SPACE_PROBLEM);
      }
    }
    String out = null;
    Checksum checksum = null;
    for (int i = 1; i < end; i++) {
      String word = words[i];
      int eq = word.indexOf('=');
      String key = word.substring(0, eq);
      String value = word.substring(eq + 1);
      switch (key) {
        case "out":
          if (out != null) {
            return problem(words[0], "out= is given twice");
          }
          String why = outProblem(value);
          if (why != null) {
            return problem(words[0], "out=: " + why);
          }
          out = value;
          break;
        case "sha256":
        case "sha512":
          if (checksum != null) {
            return problem(words[0], "one checksum per line: " + key + "= after "
                + checksum.algorithm().label() + "=");
          }
          Checksum.Algorithm algorithm = key.equals("sha256") ? Checksum.Algorithm.SHA256
              : Checksum.Algorithm.SHA512;
          checksum = Checksum.parse(algorithm, value);
          if (checksum == null) {
            return problem(words[0], key + "= needs "
                + (algorithm == Checksum.Algorithm.SHA256 ? 64 : 128) + " hexadecimal digits");
          }
          break;
        default:
          return problem(words[0], (key.isEmpty() ? "a setting needs a name before '='"
              : PLAIN_KEY.matcher(key).matches() ? "unknown setting '" + key + "='"
              : "unknown setting") + " (known: out=, sha256=, sha512=)");
      }
    }
    return new Parts(words[0], new LineSettings(out, checksum), null);
  }

  private static Parts problem(String url, String problem) {
    return new Parts(url, LineSettings.NONE, problem);
  }

  /** Why {@code path} cannot be an {@code out=} path, or null when it can. */
  static String outProblem(String path) {
    if (path.isEmpty()) {
      return "empty file name";
    }
    if (path.startsWith("/")) {
      return "an absolute path; out= is relative to --output-dir";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        return "an empty path segment ('//' or a trailing '/')";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "'" + segment + "' is not allowed in a path";
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (Character.isISOControl(c)) {
          return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
        }
        if (c == '\\') {
          return "contains a backslash";
        }
      }
      if (FileNamer.isReserved(segment)) {
        return "names starting with " + FileNamer.RESERVED_PREFIX + " or ending with "
            + FileNamer.PART_SUFFIX + " are fetch's own files";
      }
      if (!FileNamer.isSafeSegment(segment)) {
        return FileNamer.tooLong(segment) ? "a name longer than " + FileNamer.MAX_NAME_BYTES
            + " bytes" : "not a safe file name";
      }
    }
    return null;
  }
}
