package dev.fetch.cli;

import dev.fetch.download.CookieFile;
import dev.fetch.download.MalformedFileException;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.Netrc;
import dev.fetch.download.NetrcParser;
import dev.fetch.download.RequestHeaders;
import dev.fetch.download.RequestSettings;
import dev.fetch.output.ExportWriter;
import dev.fetch.output.OutputPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * curl's request options, shared by {@code fetch} and {@code fetch compare} (a picocli mixin
 * inside {@link HttpOptions}): headers, netrc, cookies, redirects, rate. {@link #settings} reads
 * and checks every file they name before the first request; a problem is a usage error naming
 * the option (and {@code FILE:LINE}), never a value, which may be a secret. {@code HOME} comes
 * from the environment the command line was created with ({@link Outside#env()}).
 */
final class RequestOptions {
  @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
      description = "Send this header with every request (curl -H), repeatable; it replaces "
          + "fetch's own of that name (-A included). 'NAME:' removes a header, 'NAME;' sends it "
          + "empty.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--netrc", description = "Send Basic credentials from ~/.netrc for the URL's "
      + "host (curl --netrc); credentials in the URL win.")
  boolean netrc;

  @Option(names = "--netrc-file", paramLabel = "FILE",
      description = "As --netrc, from FILE (curl --netrc-file).")
  Path netrcFile;

  @Option(names = {"-b", "--cookie"}, paramLabel = "FILE|'NAME=VALUE; ...'",
      description = "Send cookies (curl -b), repeatable: a Netscape cookie file as curl or wget "
          + "write it, or NAME=VALUE pairs sent to every URL. Turns on the cookie engine: cookies "
          + "servers set are sent back with later requests.")
  List<String> cookies = new ArrayList<>();

  @Option(names = {"-c", "--cookie-jar"}, paramLabel = "FILE",
      description = "At the end, write every cookie (loaded and received) to FILE in Netscape "
          + "format (curl -c); turns on the cookie engine. Not in compare.")
  String cookieJar;

  @Option(names = {"--max-redirects", "--max-redirs"}, paramLabel = "N", defaultValue = "20",
      description = "Follow at most N redirects per URL (curl --max-redirs); 0 follows none "
          + "(default: ${DEFAULT-VALUE}).")
  int maxRedirects;

  @Option(names = "--limit-rate", paramLabel = "RATE", converter = RateConverter.class,
      description = "Total bandwidth of the run, shared by all workers, in bytes per second: "
          + "500K, 2M (curl --limit-rate; default: no limit).")
  Long limitRate;

  private final Map<String, String> env;

  /** @param env the environment, for {@code HOME} */
  RequestOptions(Map<String, String> env) {
    this.env = env;
  }

  RequestOptions() {
    this(Map.of());
  }

  /**
   * The request settings these options ask for, every file read and checked.
   *
   * @throws ParameterException naming the option when a value or a file is not usable
   */
  RequestSettings settings(CommandSpec spec) {
    if (maxRedirects < 0) {
      throw usage(spec, "--max-redirects must be 0 or more, not " + maxRedirects);
    }
    Path jar = jar(spec);
    RequestHeaders parsed;
    try {
      parsed = RequestHeaders.parse(headers);
    } catch (IllegalArgumentException e) {
      throw usage(spec, "-H/--header: " + e.getMessage());
    }
    List<NetscapeCookie> loaded = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    for (String cookie : cookies) {
      if (cookie.contains("=")) {
        pairs.add(cookie.trim());
      } else if (!cookie.isEmpty()) {
        loaded.addAll(cookieFile(spec, cookie, jar));
      }
    }
    try {
      return RequestSettings.defaults().withHeaders(parsed).withNetrc(netrc(spec))
          .withCookies(loaded, pairs.isEmpty() ? null : String.join("; ", pairs),
              !cookies.isEmpty() || jar != null, jar)
          .withMaxRedirects(maxRedirects)
          .withRateLimit(limitRate == null ? 0 : limitRate);
    } catch (IllegalArgumentException e) {
      throw usage(spec, "-b/--cookie: " + e.getMessage());
    }
  }

  /**
   * Writes the cookie jar, if {@code -c} asked for one: atomically, with the umask's mode.
   *
   * @return false if it could not be written (said on {@code err})
   */
  boolean saveCookieJar(List<NetscapeCookie> jarCookies, PrintWriter out, PrintWriter err) {
    if (cookieJar == null) {
      return true;
    }
    try {
      new ExportWriter(out).write(cookieJar, CookieFile.format(jarCookies));
      return true;
    } catch (IOException e) {
      err.println("fetch: cannot write --cookie-jar " + cookieJar + ": " + e.getMessage());
      err.flush();
      return false;
    }
  }

  private Path jar(CommandSpec spec) {
    if (cookieJar == null) {
      return null;
    }
    if (spec.name().equals("compare")) {
      throw usage(spec, "-c/--cookie-jar is not available in compare: every run starts from "
          + "the same cookies (-b), and what runs receive is not kept");
    }
    if (cookieJar.equals("-")) {
      throw usage(spec, "-c/--cookie-jar -: standard output carries the results; name a file");
    }
    String problem = OutputPaths.problem(cookieJar);
    if (problem != null) {
      throw usage(spec, "-c/--cookie-jar: cannot write " + cookieJar + " (" + problem + ")");
    }
    return Path.of(cookieJar).toAbsolutePath();
  }

  /** A {@code -b FILE}; a missing one is fine when it is the jar too (a session's first run). */
  private List<NetscapeCookie> cookieFile(CommandSpec spec, String file, Path jar) {
    if (file.equals("-")) {
      throw usage(spec, "-b/--cookie -: cookies cannot be read from standard input");
    }
    Path path = Path.of(file);
    try {
      return CookieFile.read(path, file);
    } catch (NoSuchFileException e) {
      if (jar != null && jar.equals(path.toAbsolutePath())) {
        return List.of();
      }
      throw usage(spec, "-b/--cookie: no such file " + file + " (cookies as NAME=VALUE need an "
          + "'=')");
    } catch (MalformedFileException e) {
      throw usage(spec, "-b/--cookie: " + e.getMessage());
    }
  }

  private Netrc netrc(CommandSpec spec) {
    String option = netrcFile != null ? "--netrc-file" : "--netrc";
    Path file = netrcFile;
    if (file == null) {
      if (!netrc) {
        return Netrc.none();
      }
      String home = env.get("HOME");
      if (home == null || home.isEmpty()) {
        throw usage(spec, "--netrc: HOME is not set, so there is no ~/.netrc; name the file "
            + "with --netrc-file");
      }
      file = Path.of(home, ".netrc");
    }
    try {
      return NetrcParser.read(file, file.toString());
    } catch (NoSuchFileException e) {
      if (netrcFile == null) {
        return Netrc.none(); // as curl: --netrc without a ~/.netrc sends no credentials
      }
      throw usage(spec, option + ": no such file " + file);
    } catch (MalformedFileException e) {
      throw usage(spec, option + ": " + e.getMessage());
    }
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
