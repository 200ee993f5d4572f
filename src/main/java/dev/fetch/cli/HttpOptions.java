package dev.fetch.cli;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.NetworkProperties;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How each URL is fetched, shared by {@code fetch} and {@code fetch compare} (a picocli mixin). */
final class HttpOptions {
  @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Longest wait for a connection, e.g. 500ms, 2s; 0 for no limit (default: "
          + "${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m",
      converter = DurationConverter.class,
      description = "Longest one attempt may take, body included; 0 for no limit (default: "
          + "${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--per-host", paramLabel = "N",
      description = "At most N requests to any one host at once, shared by all workers "
          + "(default: no limit but --workers).")
  Integer perHost;

  @Option(names = "--max-size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Fail a URL whose body, decoded, is larger than SIZE (e.g. 10M), with "
          + "error kind too_large; not retried (default: no limit).")
  Long maxSize;

  @Option(names = {"-A", "--user-agent"}, paramLabel = "TEXT",
      description = "User-Agent header: printable ASCII, tabs allowed (default: fetch/VERSION).")
  String userAgent;

  @Mixin RequestOptions request;
  @Mixin ConnectionOptions connection;


  /**
   * The settings these options ask for, with the JVM network properties in effect: the one record
   * every mode (and every worker process) downloads with.
   *
   * @param workers downloads at once, already checked
   * @throws ParameterException naming the option when a value is out of range
   */
  DownloadSettings settings(CommandSpec spec, int workers, int retries, Path outputDir) {
    if (perHost != null && perHost < 1) {
      throw new ParameterException(spec.commandLine(), "--per-host must be 1 or more, not "
          + perHost);
    }
    if (retries < 0) {
      throw new ParameterException(spec.commandLine(), "--retries must be 0 or more");
    }
    if (userAgent != null) {
      checkHeaderValue(spec, "-A/--user-agent", userAgent);
    }
    return DownloadSettings.builder()
        .workers(workers)
        .connectTimeout(connectTimeout)
        .timeout(timeout)
        .userAgent(userAgent != null ? userAgent : "fetch/" + VersionProvider.version())
        .perHost(perHost == null ? 0 : perHost)
        .maxSize(maxSize == null ? 0 : maxSize)
        .retries(retries)
        .outputDir(outputDir)
        .network(NetworkProperties.current())
        .request(request.settings(spec))
        .proxy(connection.proxy(spec))
        .tls(connection.tls(spec))
        .httpVersion(connection.httpVersion(spec))
        .build();
  }

  /**
   * Checks a header value fetch will send: HTTP allows visible ASCII, spaces and tabs (RFC 9110
   * §5.5); a CR or LF would split the request, and OkHttp refuses anything else with an
   * exception in the middle of the run.
   *
   * @throws ParameterException naming {@code option} and the first character not allowed
   */
  private static void checkHeaderValue(CommandSpec spec, String option, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new ParameterException(spec.commandLine(), String.format(
            "%s must be printable ASCII (a header value), but character %d is U+%04X%s",
            option, i + 1, (int) c, c < 0x20 || c == 0x7f ? ", a control character" : ""));
      }
    }
  }
}
