package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.fetch.download.Checksum;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.SaveSettings;
import dev.fetch.download.Validators;
import dev.fetch.log.Diagnostics;
import dev.fetch.testing.TestSite;
import dev.fetch.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM saves, checks and continues bodies exactly as the parent's in-process modes do:
 * the checksum and the recorded validators reach it in the {@code download} message, the save
 * settings in the settings message. Real child JVMs, MockWebServer on 127.0.0.1.
 */
class WorkerSavesTest {
  private static final byte[] BODY = TestSite.body(100).readByteArray();

  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  private WorkerPool pool(Path out, SaveSettings save) {
    DownloadSettings settings = DownloadSettings.builder().workers(1)
        .connectTimeout(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(10)).retries(0)
        .outputDir(out).save(save).build();
    return new WorkerPool(WorkerJvm.current(), settings, Ticker.system(), Diagnostics.none());
  }

  @Test
  void aWorkerChecksEachBodyAndKeepsNoneThatIsWrong() throws Exception {
    Path out = dir.resolve("out");
    try (WorkerPool pool = pool(out, SaveSettings.DEFAULT)) {
      DownloadResult right = pool.download(new DownloadRequest(0, server.url("/bytes/100"),
          "right", sha256(BODY)));
      byte[] other = BODY.clone();
      other[0] ^= 1;
      DownloadResult wrong = pool.download(new DownloadRequest(1, server.url("/bytes/100"),
          "wrong", sha256(other)));

      assertInstanceOf(DownloadResult.Success.class, right);
      assertArrayEquals(BODY, Files.readAllBytes(out.resolve("right")));
      assertEquals(ErrorKind.CHECKSUM,
          assertInstanceOf(DownloadResult.Failure.class, wrong).kind());
      assertFalse(Files.exists(out.resolve("wrong")));
    }
    try (WorkerPool discarding = pool(null, SaveSettings.DEFAULT)) {
      DownloadResult unsaved = discarding.download(new DownloadRequest(0,
          server.url("/bytes/100"), null, sha256(new byte[0])));
      assertEquals(ErrorKind.CHECKSUM,
          assertInstanceOf(DownloadResult.Failure.class, unsaved).kind(),
          "checked even when the body is not kept");
    }
  }

  @Test
  void aWorkerContinuesAPartialWithTheValidatorTheParentRecorded() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.write(out.resolve(".file.fetch-part"), Arrays.copyOf(BODY, 40));
    try (WorkerPool pool = pool(out, new SaveSettings(false, false, false, true, null))) {
      DownloadResult result = pool.download(new DownloadRequest(0, server.url("/bytes/100"),
          "file", null, new Validators("\"recorded\"", null)));

      // The test site ignores ranges: its 200 starts the file again.
      assertInstanceOf(DownloadResult.Success.class, result);
      assertArrayEquals(BODY, Files.readAllBytes(out.resolve("file")));
      RecordedRequest sent = server.takeRequest();
      assertEquals("bytes=40-", sent.getHeaders().get("Range"));
      assertEquals("\"recorded\"", sent.getHeaders().get("If-Range"));
    }
  }

  private static Checksum sha256(byte[] body) throws Exception {
    return new Checksum(Checksum.Algorithm.SHA256,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
  }
}
