package dev.fetch.input;

import dev.fetch.download.Urls;

/**
 * Turns the words of a command line into {@link Input}s. A word that starts with {@code http://}
 * or {@code https://} (in any case) is a URL; {@code -} is standard input; any other word is a
 * list file's path. Whether a URL is downloaded or read as a list depends on where it stands: a
 * positional argument is downloaded ({@link #argument}), the value of {@code -i/--input} is read
 * as a list ({@link #listOption}). Nothing is opened or downloaded here.
 */
public final class InputParser {
  /** The word that names standard input. */
  public static final String STDIN = "-";

  private InputParser() {}

  /**
   * A positional argument: a URL to download, {@code -}, or a list file.
   *
   * @throws InputException if it starts like an http(s) URL but is not a valid one
   */
  public static Input argument(String word) {
    if (looksLikeUrl(word)) {
      UrlValidator.Verdict verdict = UrlValidator.check(word);
      if (verdict.url() == null) {
        throw invalid("'" + Urls.displayRaw(word) + "'", verdict.problem());
      }
      return new Input.Url(word, verdict.url());
    }
    return list(word);
  }

  /**
   * The value of {@code -i/--input}: a list at a URL (downloaded, then read), {@code -}, or a
   * list file.
   *
   * @throws InputException if it starts like an http(s) URL but is not a valid one
   */
  public static Input listOption(String word) {
    if (looksLikeUrl(word)) {
      UrlValidator.Verdict verdict = UrlValidator.check(word);
      if (verdict.url() == null) {
        throw invalid("-i/--input '" + Urls.displayRaw(word) + "'", verdict.problem());
      }
      return new Input.RemoteList(verdict.url(), null);
    }
    return list(word);
  }

  /** A list named by a local word: {@code -} for standard input, else a file's path. */
  public static Input list(String word) {
    return word.equals(STDIN) ? new Input.StandardInput() : new Input.ListFile(word);
  }

  /** Whether {@code word} starts with {@code http://} or {@code https://}, in any case. */
  public static boolean looksLikeUrl(String word) {
    return word.regionMatches(true, 0, "http://", 0, 7)
        || word.regionMatches(true, 0, "https://", 0, 8);
  }

  private static InputException invalid(String what, String problem) {
    return new InputException(what + " is not a valid URL: " + problem);
  }
}
