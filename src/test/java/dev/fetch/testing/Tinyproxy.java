package dev.fetch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real tinyproxy (an HTTP proxy that also tunnels {@code CONNECT}) on 127.0.0.1, started with
 * its own configuration in a test's temporary directory and stopped by {@link #close()}.
 * tinyproxy cannot listen on port 0, so a free port is picked and, if another process takes it
 * first, another one. {@link #start} skips the test, with the reason, where tinyproxy is not
 * installed ({@code .ci/run} installs it). Forwarded plain requests carry tinyproxy's
 * {@code Via} header, so the server can tell they came through it.
 */
public final class Tinyproxy implements AutoCloseable {
  /** tinyproxy on the {@code PATH}, else where Debian puts it. */
  public static final Path BINARY = Stream.concat(
          Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
          Stream.of("/usr/bin", "/usr/sbin"))
      .filter(part -> !part.isEmpty()).map(part -> Path.of(part, "tinyproxy"))
      .filter(Files::isExecutable).findFirst().orElse(Path.of("/usr/bin/tinyproxy"));
  private static final int ATTEMPTS = 5;

  private final Process process;
  private final int port;
  private final List<String> log;

  private Tinyproxy(Process process, int port, List<String> log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts tinyproxy, asking for HTTP Basic {@code user:password} unless {@code user} is null.
   *
   * @param dir a directory for its configuration
   */
  public static Tinyproxy start(Path dir, String user, String password)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(BINARY), "tinyproxy is not installed (not on the PATH, nor "
        + "in /usr/bin or /usr/sbin); .ci/run installs it with apt-get");
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = Ports.refused();
      Path config = dir.resolve("tinyproxy-" + port + ".conf");
      Files.writeString(config, "Port " + port + "\nListen 127.0.0.1\nAllow 127.0.0.1\n"
          + "Timeout 30\nMaxClients 200\nLogLevel Info\n"
          + (user == null ? "" : "BasicAuth " + user + " " + password + "\n"));
      Process process = new ProcessBuilder(BINARY.toString(), "-d", "-c", config.toString())
          .redirectErrorStream(true).start();
      List<String> log = new CopyOnWriteArrayList<>();
      CountDownLatch listening = new CountDownLatch(1);
      Thread reader = new Thread(() -> read(process, log, listening), "tinyproxy-" + port);
      reader.setDaemon(true);
      reader.start();
      if (!listening.await(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("tinyproxy did not start within 10 s: " + log);
      }
      if (log.stream().anyMatch(line -> line.contains("Accepting connections"))) {
        return new Tinyproxy(process, port, log);
      }
      process.waitFor(5, TimeUnit.SECONDS);
      last = new IOException("tinyproxy exited (port " + port + " taken?): " + log);
    }
    throw last;
  }

  /** Counts down {@code listening} when tinyproxy accepts connections or has exited. */
  private static void read(Process process, List<String> log, CountDownLatch listening) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        log.add(line);
        if (line.contains("Accepting connections")) {
          listening.countDown();
        }
      }
    } catch (IOException e) {
      log.add("(log unreadable: " + e.getMessage() + ")");
    } finally {
      listening.countDown();
    }
  }

  public int port() {
    return port;
  }

  /** {@code http://[userInfo@]127.0.0.1:PORT}. */
  public String url(String userInfo) {
    return "http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + port;
  }

  /** tinyproxy's log lines so far (its requests: {@code Request (file descriptor N): GET …}). */
  public List<String> log() {
    return List.copyOf(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
