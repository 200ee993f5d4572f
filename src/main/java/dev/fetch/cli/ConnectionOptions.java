package dev.fetch.cli;

import dev.fetch.download.HttpVersion;
import dev.fetch.download.ProxySettings;
import dev.fetch.download.TlsSettings;
import dev.fetch.http.ProxyEnvironment;
import dev.fetch.http.TlsTrust;
import dev.fetch.log.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How connections are made — proxies, TLS trust, HTTP version — with curl's option names; part
 * of {@link HttpOptions}, so {@code fetch} and {@code fetch compare} both take them. Each value
 * is checked before the first request: a bad one is a usage error naming the option (or the
 * environment variable) and never shows a proxy's password. The proxy variables come from the
 * environment the command line was created with ({@link Outside#env()}, given by its factory).
 */
final class ConnectionOptions {
  /** A CA bundle larger than this is refused (Mozilla's whole bundle is about 220 KB). */
  static final long MAX_CA_BYTES = 16L << 20;

  @Option(names = {"-x", "--proxy"}, paramLabel = "URL",
      description = "Use this proxy for every URL (curl's -x): [http://][user:password@]host"
          + "[:port], port 1080 if none; only http:// proxies. Overrides http_proxy, "
          + "https_proxy and all_proxy; '' for none. Credentials in it are sent as "
          + "Proxy-Authorization and never shown.")
  String proxy;

  @Option(names = "--noproxy", paramLabel = "LIST",
      description = "Hosts to reach directly (curl's --noproxy), overriding no_proxy: "
          + "comma-separated domains (example.com also matches its subdomains), IP addresses, "
          + "CIDR ranges, host:port, or * for all; '' for none.")
  String noProxy;

  @Option(names = "--cacert", paramLabel = "FILE",
      description = "Trust the CA certificates of this PEM file instead of the default ones "
          + "(curl's --cacert).")
  Path caCert;

  @Option(names = "--ca-native",
      description = "With --cacert: trust the default CAs (the JVM's) as well as the file's "
          + "(curl's --ca-native).")
  boolean caNative;

  @Option(names = {"-k", "--insecure"},
      description = "Check neither certificates nor host names (curl's -k): anyone on the "
          + "path can read and change the traffic.")
  boolean insecure;

  @Option(names = "--http1.1", description = "Speak HTTP/1.1 only, even where HTTP/2 is offered.")
  boolean http11;

  @Option(names = "--http2",
      description = "Speak HTTP/2: offered first over TLS; on http:// URLs with prior knowledge "
          + "(h2c, as curl's --http2-prior-knowledge).")
  boolean http2;

  private final Map<String, String> env;

  /** @param env the environment, for {@code http_proxy} and its kin */
  ConnectionOptions(Map<String, String> env) {
    this.env = env;
  }

  ConnectionOptions() {
    this(Map.of());
  }

  /**
   * The proxies from these options and the environment.
   *
   * @throws ParameterException naming the option or variable whose value is not valid
   */
  ProxySettings proxy(CommandSpec spec) {
    try {
      return ProxyEnvironment.resolve(proxy, noProxy, env);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * The trust from these options, the {@code --cacert} file read and checked now.
   *
   * @throws ParameterException naming {@code --cacert} and the file when it cannot be read or
   *     holds no valid PEM certificate
   */
  TlsSettings tls(CommandSpec spec) {
    String pem = caCert == null ? null : readCaFile(spec);
    return new TlsSettings(pem, caNative, insecure);
  }

  private String readCaFile(CommandSpec spec) {
    String name = "--cacert " + Diagnostics.printable(caCert.toString());
    try {
      if (Files.isDirectory(caCert)) {
        throw new ParameterException(spec.commandLine(), name + ": is a directory");
      }
      if (Files.size(caCert) > MAX_CA_BYTES) {
        throw new ParameterException(spec.commandLine(), name + ": larger than "
            + (MAX_CA_BYTES >> 20) + " MiB, not a CA bundle");
      }
      String pem = new String(Files.readAllBytes(caCert), StandardCharsets.ISO_8859_1);
      TlsTrust.certificates(pem);
      return pem;
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), name + ": no such file");
    } catch (AccessDeniedException e) {
      throw new ParameterException(spec.commandLine(), name + ": permission denied");
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), name + ": cannot read ("
          + Diagnostics.printable(e.getMessage()) + ")");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), name + ": "
          + Diagnostics.printable(e.getMessage()));
    }
  }

  /** @throws ParameterException if both {@code --http1.1} and {@code --http2} are given */
  HttpVersion httpVersion(CommandSpec spec) {
    if (http11 && http2) {
      throw new ParameterException(spec.commandLine(),
          "--http1.1 and --http2 cannot be used together");
    }
    return http11 ? HttpVersion.HTTP_1_1 : http2 ? HttpVersion.HTTP_2 : HttpVersion.ANY;
  }
}
