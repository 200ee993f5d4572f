package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.Checksum;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.download.RetryPolicy;
import dev.fetch.download.RetryingDownloader;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.Outcome;
import dev.fetch.download.SaveSettings;
import dev.fetch.download.Validators;
import dev.fetch.log.Diagnostics;
import dev.fetch.save.DirectorySink;
import dev.fetch.save.ValidatorIndex;
import dev.fetch.testing.FakeTime;
import dev.fetch.testing.TestSite;
import dev.fetch.time.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OkHttpDownloader} with a {@link DirectorySink} under {@code --continue} and {@code -N},
 * against a MockWebServer on 127.0.0.1 that answers each case the way a server may: the request
 * it sends (Range, If-Range, If-None-Match, If-Modified-Since) and what it makes of the answer
 * (206, 200, 416, 304) on real files.
 */
class ResumeAndTimestampingTest {
  private static final String LAST_MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT";
  private static final byte[] BODY = TestSite.body(100).readByteArray();

  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private OkHttpClient client;

  @AfterEach
  void shutDown() {
    if (client != null) {
      HttpClients.shutdown(client, false);
    }
  }

  private OkHttpDownloader downloader(SaveSettings save, long maxSize) throws IOException {
    DownloadSettings settings = DownloadSettings.builder().workers(1)
        .connectTimeout(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(5))
        .userAgent("fetch-test").maxSize(maxSize).outputDir(dir).save(save).build();
    client = HttpClients.create(settings);
    return new OkHttpDownloader(client, DirectorySink.open(dir, save), settings, Time.system(),
        Diagnostics.none());
  }

  private static SaveSettings resume() {
    return new SaveSettings(false, false, false, true, null);
  }

  private static SaveSettings timestamping() {
    return new SaveSettings(false, false, true, false, null);
  }

  private DownloadRequest request(Validators validators) {
    return new DownloadRequest(0, server.url("/file.bin"), "file.bin", null, validators);
  }

  private Path part() {
    return dir.resolve(".file.bin.fetch-part");
  }

  private void keepPartial(int bytes) throws IOException {
    Files.write(part(), Arrays.copyOf(BODY, bytes));
  }

  private static MockResponse partial(int from) {
    return new MockResponse.Builder().code(206)
        .addHeader("Content-Range", "bytes " + from + "-99/100").addHeader("ETag", "\"v1\"")
        .body(new Buffer().write(Arrays.copyOfRange(BODY, from, 100))).build();
  }

  @Test
  void aKeptPartialIsContinuedWithRangeAndIfRangeAndAppended() throws Exception {
    keepPartial(40);
    server.enqueue(partial(40));

    DownloadResult result = downloader(resume(), 0)
        .download(request(new Validators("\"v1\"", LAST_MODIFIED)));

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class, result);
    assertEquals(206, success.status());
    assertEquals(60, success.bytes(), "transferred in this run");
    assertEquals(100, success.fileBytes(), "held by the file");
    assertEquals("file.bin", success.path());
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
    assertFalse(Files.exists(part()));
    RecordedRequest sent = server.takeRequest();
    assertEquals("bytes=40-", sent.getHeaders().get("Range"));
    assertEquals("\"v1\"", sent.getHeaders().get("If-Range"));
    assertEquals("identity", sent.getHeaders().get("Accept-Encoding"));
  }

  @Test
  void withoutAnEtagIfRangeCarriesTheDateAndWithoutEitherRangeGoesAlone() throws Exception {
    keepPartial(40);
    server.enqueue(partial(40));
    downloader(resume(), 0).download(request(new Validators(null, LAST_MODIFIED)));
    assertEquals(LAST_MODIFIED, server.takeRequest().getHeaders().get("If-Range"));

    keepPartial(40);
    Files.delete(dir.resolve("file.bin"));
    server.enqueue(partial(40));
    downloader(resume(), 0).download(request(Validators.NONE));
    RecordedRequest sent = server.takeRequest();
    assertEquals("bytes=40-", sent.getHeaders().get("Range"));
    assertNull(sent.getHeaders().get("If-Range"));
  }

  @Test
  void aWholeBodyInsteadOfARangeStartsTheFileAgain() throws Exception {
    Files.write(part(), "stale bytes of another version".getBytes());
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY)).build());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        downloader(resume(), 0).download(request(Validators.NONE)));

    assertEquals(200, success.status());
    assertEquals(100, success.bytes());
    assertEquals(100, success.fileBytes());
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
  }

  @Test
  void aRangeFromTheWrongByteDropsThePartialAndAsksForTheWholeBody() throws Exception {
    keepPartial(40);
    server.enqueue(partial(30));
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY)).build());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        downloader(resume(), 0).download(request(Validators.NONE)));

    assertEquals(200, success.status());
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
    assertEquals("bytes=40-", server.takeRequest().getHeaders().get("Range"));
    assertNull(server.takeRequest().getHeaders().get("Range"), "asked again from byte 0");
  }

  @Test
  void theAsynchronousFormRestartsTheSameWay() throws Exception {
    keepPartial(40);
    server.enqueue(partial(30));
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY)).build());

    CompletableFuture<DownloadResult> result = downloader(resume(), 0)
        .downloadAsync(request(Validators.NONE));

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        result.get());
    assertEquals(200, success.status());
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
  }

  @Test
  void a416ForExactlyThePartialsLengthMeansItIsComplete() throws Exception {
    keepPartial(100);
    server.enqueue(new MockResponse.Builder().code(416)
        .addHeader("Content-Range", "bytes */100").build());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        downloader(resume(), 0).download(request(new Validators(null, LAST_MODIFIED))));

    assertEquals(Outcome.NOT_MODIFIED, success.outcome());
    assertEquals(416, success.status());
    assertEquals(0, success.bytes());
    assertEquals(100, success.fileBytes());
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
    assertFalse(Files.exists(part()));
  }

  @Test
  void a416ForAnotherLengthStartsAgain() throws Exception {
    keepPartial(100);
    server.enqueue(new MockResponse.Builder().code(416)
        .addHeader("Content-Range", "bytes */50").build());
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY, 0, 50)).build());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        downloader(resume(), 0).download(request(Validators.NONE)));

    assertEquals(200, success.status());
    assertEquals(50, success.fileBytes());
  }

  @Test
  void aCompleteFileWithoutAPartialIsContinuedFromItsSizeLikeWgetC() throws Exception {
    Files.write(dir.resolve("file.bin"), BODY);
    server.enqueue(new MockResponse.Builder().code(416)
        .addHeader("Content-Range", "bytes */100").build());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        downloader(resume(), 0).download(request(Validators.NONE)));

    assertEquals(Outcome.NOT_MODIFIED, success.outcome());
    assertEquals("bytes=100-", server.takeRequest().getHeaders().get("Range"));
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
  }

  @Test
  void aCutBodyLeavesItsPartialAndNothingUnderTheFinalName() throws Exception {
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY))
        .addHeader("ETag", "\"v1\"")
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

    DownloadResult result = downloader(resume(), 0).download(request(Validators.NONE));

    assertInstanceOf(DownloadResult.Failure.class, result);
    assertFalse(Files.exists(dir.resolve("file.bin")));
    assertTrue(Files.exists(part()), "kept for the next run");
    assertTrue(Files.readString(dir.resolve(ValidatorIndex.NAME))
        .contains("{\"path\":\"file.bin\",\"etag\":\"\\\"v1\\\"\",\"last_modified\":null,"
            + "\"state\":\"partial\"}"), "the partial's validators are recorded as it starts");
    assertEquals(new Validators("\"v1\"", null),
        ValidatorIndex.load(dir).lookup("file.bin"));
  }

  @Test
  void aRetryInTheSameRunContinuesWhatTheFailedAttemptWrote() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("ETag", "\"v1\"")
        .body(new Buffer().write(BODY, 0, 40)).setHeader("Content-Length", "100")
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(partial(40));
    Downloader retrying = new RetryingDownloader(downloader(resume(), 0),
        RetryPolicy.standard(1), new FakeTime().time(), Diagnostics.none());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        retrying.download(request(Validators.NONE)));

    assertEquals(2, success.attempts());
    assertEquals(60, success.bytes(), "only what the first attempt had not written");
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
    assertNull(server.takeRequest().getHeaders().get("Range"));
    RecordedRequest retry = server.takeRequest();
    assertEquals("bytes=40-", retry.getHeaders().get("Range"));
    assertEquals("\"v1\"", retry.getHeaders().get("If-Range"),
        "the validator the first attempt recorded, not the run's (none)");
  }

  @Test
  void maxSizeLimitsTheWholeFileNotWhatIsLeft() throws Exception {
    keepPartial(40);
    server.enqueue(partial(40));

    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class,
        downloader(resume(), 90).download(request(Validators.NONE)));

    assertEquals(ErrorKind.TOO_LARGE, failure.kind());
  }

  @Test
  void aResumedBodyIsCheckedWholeAndAWrongOneLeavesNothing() throws Exception {
    keepPartial(40);
    server.enqueue(partial(40));
    DownloadRequest right = request(Validators.NONE).withChecksum(sha256(BODY));
    assertInstanceOf(DownloadResult.Success.class, downloader(resume(), 0).download(right));

    Files.delete(dir.resolve("file.bin"));
    keepPartial(40);
    server.enqueue(partial(40));
    byte[] other = BODY.clone();
    other[3] ^= 1;
    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class,
        downloader(resume(), 0).download(request(Validators.NONE).withChecksum(sha256(other))));

    assertEquals(ErrorKind.CHECKSUM, failure.kind());
    assertTrue(failure.message().startsWith("sha256 mismatch: expected "), failure.message());
    assertFalse(Files.exists(dir.resolve("file.bin")));
    assertFalse(Files.exists(part()), "a wrong body is not kept to be continued");
  }

  @Test
  void aWrongDigestWithoutContinueLeavesNoFileAndARightOneSavesIt() throws Exception {
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY)).build());
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY)).build());
    byte[] other = BODY.clone();
    other[99] ^= 1;
    OkHttpDownloader downloader = downloader(SaveSettings.DEFAULT, 0);

    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class,
        downloader.download(request(Validators.NONE).withChecksum(sha256(other))));
    assertEquals(ErrorKind.CHECKSUM, failure.kind());
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "no file, no temporary file");
    }

    assertInstanceOf(DownloadResult.Success.class,
        downloader.download(request(Validators.NONE).withChecksum(sha256(BODY))));
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
  }

  @Test
  void aSavedFileTakesItsTimeFromLastModifiedWithoutTimestamping() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Last-Modified", LAST_MODIFIED)
        .body(new Buffer().write(BODY)).build());

    downloader(SaveSettings.DEFAULT, 0).download(request(Validators.NONE));

    assertEquals(Instant.parse("1994-11-06T08:49:37Z"),
        Files.getLastModifiedTime(dir.resolve("file.bin")).toInstant());
    assertFalse(Files.exists(dir.resolve(ValidatorIndex.NAME)), "no index without -N");
  }

  @Test
  void timestampingAsksConditionallyAndA304KeepsTheFileUntouched() throws Exception {
    Path file = dir.resolve("file.bin");
    Files.write(file, BODY);
    Instant time = Instant.parse("2020-01-02T03:04:05Z");
    Files.setLastModifiedTime(file, FileTime.from(time));
    server.enqueue(new MockResponse.Builder().code(304).build());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        downloader(timestamping(), 0).download(request(new Validators("\"v1\"", null))));

    assertEquals(Outcome.NOT_MODIFIED, success.outcome());
    assertEquals(304, success.status());
    assertEquals(0, success.bytes());
    assertEquals(100, success.fileBytes());
    assertEquals("file.bin", success.path());
    assertArrayEquals(BODY, Files.readAllBytes(file));
    assertEquals(time, Files.getLastModifiedTime(file).toInstant());
    RecordedRequest sent = server.takeRequest();
    assertEquals("Thu, 02 Jan 2020 03:04:05 GMT", sent.getHeaders().get("If-Modified-Since"));
    assertEquals("\"v1\"", sent.getHeaders().get("If-None-Match"));
    assertNull(sent.getHeaders().get("Range"));
  }

  @Test
  void timestampingReplacesAChangedFileAndRecordsItsEtag() throws Exception {
    Files.write(dir.resolve("file.bin"), "old".getBytes());
    server.enqueue(new MockResponse.Builder().addHeader("ETag", "\"v2\"")
        .addHeader("Last-Modified", LAST_MODIFIED).body(new Buffer().write(BODY)).build());

    DownloadResult.Success success = assertInstanceOf(DownloadResult.Success.class,
        downloader(timestamping(), 0).download(request(Validators.NONE)));

    assertEquals(Outcome.DOWNLOADED, success.outcome());
    assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("file.bin")));
    assertEquals(new Validators("\"v2\"", LAST_MODIFIED),
        ValidatorIndex.load(dir).lookup("file.bin"));
  }

  @Test
  void withoutAFileTimestampingAsksUnconditionally() throws Exception {
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(BODY)).build());

    downloader(timestamping(), 0).download(request(new Validators("\"v1\"", null)));

    RecordedRequest sent = server.takeRequest();
    assertNull(sent.getHeaders().get("If-None-Match"));
    assertNull(sent.getHeaders().get("If-Modified-Since"));
  }

  @Test
  void a304ToAnUnconditionalRequestIsStillAFailure() throws Exception {
    server.enqueue(new MockResponse.Builder().code(304).build());

    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class,
        downloader(SaveSettings.DEFAULT, 0).download(request(Validators.NONE)));

    assertEquals(ErrorKind.HTTP, failure.kind());
    assertEquals(304, failure.status());
  }

  static Checksum sha256(byte[] body) throws Exception {
    return new Checksum(Checksum.Algorithm.SHA256,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
  }
}
