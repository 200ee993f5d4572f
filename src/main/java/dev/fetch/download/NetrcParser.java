package dev.fetch.download;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a netrc file as curl does: words separated by blanks and line ends; {@code machine NAME}
 * or {@code default} starts an entry, whose {@code login}, {@code password} and {@code account}
 * (ignored) follow; {@code macdef NAME} and the lines after it up to a blank line are skipped; a
 * word starting with {@code #} where a keyword is expected starts a comment that runs to the end
 * of the line (so a password may start with {@code #}). A word in double quotes may hold
 * blanks and the escapes {@code \"}, {@code \\}, {@code \n}, {@code \r} and {@code \t}.
 *
 * <p>Hostile input is normal input: an unknown word, a keyword without its value, a login or
 * password outside an entry, a second login or password in one entry, an unterminated quote, a
 * file that is not UTF-8 text or is over {@value #MAX_BYTES} bytes is a
 * {@link MalformedFileException} naming {@code FILE:LINE}, never a value (it may be a password).
 */
public final class NetrcParser {
  /** The largest netrc file read. */
  public static final long MAX_BYTES = 1 << 20;

  private final String shown;
  private final String text;
  private int pos;
  private int line = 1;

  private NetrcParser(String shown, String text) {
    this.shown = shown;
    this.text = text;
  }

  /**
   * Reads {@code file}.
   *
   * @param shown how the file is named in messages, e.g. {@code ~/.netrc}
   * @throws NoSuchFileException if it does not exist
   * @throws MalformedFileException if it cannot be read or is malformed
   */
  public static Netrc read(Path file, String shown) throws NoSuchFileException {
    return parse(SmallTextFile.read(file, shown, MAX_BYTES), shown);
  }

  /** Parses the text of a netrc file named {@code shown} in messages. */
  public static Netrc parse(String text, String shown) {
    return new NetrcParser(shown, text).entries();
  }

  private Netrc entries() {
    List<Netrc.Entry> entries = new ArrayList<>();
    boolean inEntry = false;
    String machine = null;
    String login = null;
    String password = null;
    for (String word = next(true); word != null; word = next(true)) {
      int at = line;
      switch (word) {
        case "machine":
        case "default":
          if (inEntry) {
            entries.add(new Netrc.Entry(machine, login, password));
          }
          inEntry = true;
          machine = word.equals("machine") ? value(word, at) : null;
          login = null;
          password = null;
          break;
        case "login":
        case "password":
        case "account":
          if (!inEntry) {
            throw MalformedFileException.at(shown, at, word + " before any machine or default");
          }
          String value = value(word, at);
          if (word.equals("login")) {
            login = once(login, value, word, at);
          } else if (word.equals("password")) {
            password = once(password, value, word, at);
          }
          break;
        case "macdef":
          value(word, at);
          skipMacro();
          break;
        default:
          throw MalformedFileException.at(shown, at, "unexpected word (expected machine, "
              + "default, login, password, account or macdef)");
      }
    }
    if (inEntry) {
      entries.add(new Netrc.Entry(machine, login, password));
    }
    return Netrc.of(entries);
  }

  private String once(String previous, String value, String word, int at) {
    if (previous != null) {
      throw MalformedFileException.at(shown, at, "a second " + word + " in one entry");
    }
    return value;
  }

  /** The word after keyword {@code word}, which must be there. */
  private String value(String word, int at) {
    String value = next(false);
    if (value == null) {
      throw MalformedFileException.at(shown, at, word + " has no value");
    }
    return value;
  }

  /**
   * The next word, or null at the end. {@code keyword}: a word starting with {@code #} in a
   * keyword's place makes the rest of the line a comment.
   */
  private String next(boolean keyword) {
    while (true) {
      skipBlanks();
      if (pos >= text.length()) {
        return null;
      }
      if (keyword && text.charAt(pos) == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      return text.charAt(pos) == '"' ? quoted() : plain();
    }
  }

  private void skipBlanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      if (text.charAt(pos) == '\n') {
        line++;
      }
      pos++;
    }
  }

  private String plain() {
    int start = pos;
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String quoted() {
    int at = line;
    StringBuilder word = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return word.toString();
      }
      if (c == '\n') {
        break;
      }
      if (c == '\\' && pos < text.length()) {
        char escaped = text.charAt(pos++);
        c = escaped == 'n' ? '\n' : escaped == 'r' ? '\r' : escaped == 't' ? '\t' : escaped;
        if (escaped == '\n') {
          break;
        }
      }
      word.append(c);
    }
    throw MalformedFileException.at(shown, at, "a quoted word has no closing quote on its line");
  }

  /** Skips a macro's body: the lines after {@code macdef NAME} up to a blank line. */
  private void skipMacro() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
    while (pos < text.length()) {
      pos++;
      line++;
      int end = text.indexOf('\n', pos);
      String body = text.substring(pos, end < 0 ? text.length() : end);
      if (body.isBlank()) {
        return;
      }
      pos = end < 0 ? text.length() : end;
    }
  }
}
