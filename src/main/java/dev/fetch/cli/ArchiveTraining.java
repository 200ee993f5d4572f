package dev.fetch.cli;

import dev.fetch.output.StandardOutput;
import dev.fetch.worker.WorkerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * The training run behind the launcher's class-data archive: the launcher starts this class in a
 * JVM that writes the archive at exit ({@code -XX:ArchiveClassesAtExit} on JDK 17 to 24,
 * {@code -XX:AOTCacheOutput} on 25 and later), so the archive holds what everyday runs load.
 *
 * <p>It starts the local test site ({@code fetch serve --port 0}) in a child JVM, so that the
 * site's own classes (Netty) stay out of the archive, then runs the real command line against it
 * the way {@code Main} does: {@code --version}, a list in each in-process mode (virtual from
 * Java 21) and in processes mode (its parent's side; then a worker's side in this JVM,
 * {@link WorkerMain#rehearse}, so worker JVMs find their classes in the archive too), each output
 * format, a list file, a redirect, a failure and the progress bar. Then it
 * stops the site and exits; the exit code says whether every step ran (the launcher keeps the
 * archive only then). Its output is not for anyone: the launcher sends it to {@code /dev/null}
 * unless {@code FETCH_CDS_DEBUG} is set.
 *
 * <p>Every wait is bounded, so a training run never hangs the launcher: the site has
 * {@value #SITE_SECONDS} s to start, and each download has a 10 s timeout.
 */
public final class ArchiveTraining {
  private static final int SITE_SECONDS = 20;

  private ArchiveTraining() {}

  /** Runs the training; exits 0 when every step ran, 1 otherwise. */
  public static void main(String[] args) throws Exception {
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Process site = startSite();
    int failed = 0;
    Path list = null;
    try {
      String base = baseUrl(site);
      List<String> urls = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        urls.add(base + "bytes/" + (i * 7000) + "/" + i);
      }
      urls.add(base + "redirect/1");
      list = Files.createTempFile("fetch-training", ".txt");
      Files.write(list, urls);
      List<List<String>> runs = new ArrayList<>(List.of(
          List.of("--help"),
          with(urls, "-m", "threads", "-w", "4"),
          with(urls, "-m", "async", "-w", "4", "-f", "jsonl"),
          with(urls, "-m", "sequential", "-f", "csv", "--progress=always"),
          List.of("-w", "2", "-q", "--retries=0", "-i", list.toString(),
              base + "status/404")));
      if (Runtime.version().feature() >= 21) {
        runs.add(with(urls, "-m", "virtual", "-w", "4"));
      }
      // The parent's side of processes mode; its children go without an archive of their own.
      System.setProperty("dev.fetch.worker.cds", "false");
      runs.add(with(urls, "-m", "processes", "-w", "2"));
      for (List<String> run : runs) {
        int code = FetchCommandLine.execute(StandardOutput.open(), err,
            with(run, "--timeout=10s").toArray(String[]::new));
        // The list with a 404 exits 1 (a URL failed), as it should.
        if (code != ExitCodes.OK && code != ExitCodes.FAILURES) {
          err.println("fetch: training run " + run + " exited " + code);
          failed++;
        }
      }
      // A worker's side, in this JVM, so the workers of processes mode map their classes too.
      List<HttpUrl> parsed = new ArrayList<>();
      urls.forEach(url -> parsed.add(HttpUrl.get(url)));
      if (WorkerMain.rehearse(parsed) != 0) {
        err.println("fetch: the worker's rehearsal failed");
        failed++;
      }
    } catch (IOException | RuntimeException e) {
      err.println("fetch: training stopped: " + e);
      failed++;
    } finally {
      if (list != null) {
        Files.deleteIfExists(list);
      }
      site.destroy();
      if (!site.waitFor(SITE_SECONDS, TimeUnit.SECONDS)) {
        site.destroyForcibly();
      }
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  private static List<String> with(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  /** {@code fetch serve --port 0} in a JVM of its own, without the archive flags of this one. */
  private static Process startSite() throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "dev.fetch.Main", "serve", "--port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    return builder.start();
  }

  /** The site's base URL, its first line of output, within {@value #SITE_SECONDS} s. */
  private static String baseUrl(Process site) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(site.getInputStream(),
        StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        return null;
      }
    }).get(SITE_SECONDS, TimeUnit.SECONDS);
    if (line == null || !line.startsWith("http://")) {
      throw new IOException("the test site did not start: " + line);
    }
    return line.endsWith("/") ? line : line + "/";
  }
}
