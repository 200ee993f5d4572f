package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.SaveSettings;
import dev.fetch.download.TransferListener;
import dev.fetch.log.Diagnostics;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.Order;
import dev.fetch.testing.FakeTime;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Modes;
import dev.fetch.testing.RecordingListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run cancelled mid-body (Ctrl-C: {@link DownloadRun#cancel}) keeps the partial body under
 * {@code --continue}, and removes it without. The server sends 50 of 100 promised bytes and
 * then holds the connection; the run is cancelled once the client has read them, and the files
 * are looked at once the download has ended (latches on the run's transfer listener), never after
 * a sleep.
 */
class KeptPartialsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "PROCESSES")
  void aCancelledRunKeepsThePartialUnderContinue(Mode mode) throws Exception {
    Modes.assumeAvailable(mode);
    Path out = dir.resolve("out");

    cancelMidBody(mode, out, true);

    assertEquals(50, Files.size(out.resolve(".held.fetch-part")), "what was read is kept");
    assertFalse(Files.exists(out.resolve("held")));
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "PROCESSES")
  void withoutContinueACancelledRunLeavesNothing(Mode mode) throws Exception {
    Modes.assumeAvailable(mode);
    Path out = dir.resolve("out");

    cancelMidBody(mode, out, false);

    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.collect(Collectors.toList()));
    }
  }

  private void cancelMidBody(Mode mode, Path out, boolean resume) throws Exception {
    try (HalfBody server = new HalfBody()) {
      Path list = ListFiles.write(dir, List.of(server.url("/held")));
      CountDownLatch read = new CountDownLatch(1);
      CountDownLatch finished = new CountDownLatch(1);
      TransferListener transfers = new TransferListener() {
        @Override
        public void read(DownloadRequest request, long bytes) {
          read.countDown();
        }

        @Override
        public void finished(DownloadRequest request, DownloadResult result) {
          finished.countDown();
        }
      };
      DownloadSettings settings = DownloadSettings.builder().workers(2).retries(0)
          .connectTimeout(TIMEOUT).timeout(TIMEOUT).outputDir(out)
          .save(new SaveSettings(false, false, false, resume, null)).build();
      DownloadRun run = new DownloadRun(new DownloadPlan(list.toString(), mode,
          Order.COMPLETION, settings), new RunContext(InputStream.nullInputStream(),
          new FakeTime().time(), Diagnostics.none(), null, transfers));
      Thread canceller = new Thread(() -> {
        try {
          if (read.await(10, TimeUnit.SECONDS)) {
            run.cancel();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "canceller");
      canceller.start();
      try {
        RunSummary summary = run.execute(new RecordingListener());
        assertTrue(summary.interrupted(), summary::toString);
      } finally {
        canceller.join();
        Thread.interrupted();
      }
      // The async strategy returns without waiting for a cancelled call's callback: the body's
      // last write is done once its result is.
      assertTrue(finished.await(10, TimeUnit.SECONDS), "the download ended");
    }
  }

  /** Answers one request with the head of a 100-byte body and 50 of its bytes, then waits. */
  private static final class HalfBody implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;

    HalfBody() throws IOException {
      listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "half-body");
      thread.setDaemon(true);
      thread.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    private void serve() {
      try (Socket socket = listener.accept()) {
        InputStream in = socket.getInputStream();
        for (int state = 0; state < 4; ) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        OutputStream body = socket.getOutputStream();
        body.write(("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + "x".repeat(50))
            .getBytes(StandardCharsets.US_ASCII));
        body.flush();
        while (in.read() >= 0) {
          // Holds the connection until the client closes it.
        }
      } catch (IOException ignored) {
        // The test is over.
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
