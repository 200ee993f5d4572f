package dev.fetch.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./fetch serve --port 0 --ready-file FILE} as a child process, for tests that run the
 * real launcher against the real test site: started, waited for through its ready file (written
 * once it accepts connections), stopped with SIGTERM on {@link #close}.
 */
public final class ServeProcess implements AutoCloseable {
  private static final long READY_SECONDS = 120;

  private final Process process;
  private final String baseUrl;

  private ServeProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts the site, its output in {@code dir/serve.log}, and returns once it accepts. */
  public static ServeProcess start(Path dir) throws IOException, InterruptedException {
    Path ready = dir.resolve("site.url");
    Process process = new ProcessBuilder(Launcher.projectDir().resolve("fetch").toString(),
        "serve", "--port", "0", "--ready-file", ready.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
    while (!(Files.exists(ready) && Files.size(ready) > 0)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("fetch serve did not start: "
            + Files.readString(dir.resolve("serve.log")));
      }
      Thread.sleep(50); // polling a file the child writes: no event to wait on
    }
    return new ServeProcess(process, Files.readString(ready).trim());
  }

  /** The site's base URL, ending in {@code /}. */
  public String url() {
    return baseUrl;
  }

  /** The body of {@code path} on the site (e.g. {@code list?count=10}), as text. */
  public String get(String path) throws IOException {
    try (InputStream in = URI.create(baseUrl + path).toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
