package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadSettings;
import dev.fetch.input.Input;
import dev.fetch.input.InputException;
import dev.fetch.input.InputParser;
import dev.fetch.input.Inputs;
import dev.fetch.log.Diagnostics;
import dev.fetch.testing.FakeTime;
import dev.fetch.testing.ListSite;
import dev.fetch.testing.Ports;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lists at a URL are downloaded before the run, as a URL of the run would be. */
class RemoteListsTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final ListSite site = new ListSite();
  private final StringWriter log = new StringWriter();

  {
    server.setDispatcher(site);
  }

  private RemoteLists remoteLists(DownloadSettings settings) {
    return new RemoteLists(settings, new RunContext(InputStream.nullInputStream(),
        FakeTime.instantWaits(), Diagnostics.to(new PrintWriter(log, true), true), null));
  }

  private Inputs inputs(Input... inputs) {
    return Inputs.of(List.of(inputs));
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private static String text(Input input) {
    return new String(((Input.RemoteList) input).content(), StandardCharsets.UTF_8);
  }

  @Test
  void eachListIsDownloadedInItsPlaceWithTheRunsUserAgent() throws Exception {
    site.put("/one.txt", "http://a.test/1\n").put("/two.txt", "http://b.test/1\n");
    Input between = InputParser.argument("http://arg.test/");
    Inputs inputs = inputs(InputParser.listOption(url("/one.txt")), between,
        InputParser.listOption(url("/two.txt")));

    Inputs downloaded = remoteLists(DownloadSettings.builder().userAgent("lists/1").build())
        .download(inputs);

    assertEquals("http://a.test/1\n", text(downloaded.all().get(0)));
    assertSame(between, downloaded.all().get(1));
    assertEquals("http://b.test/1\n", text(downloaded.all().get(2)));
    assertEquals("/one.txt", server.takeRequest().getUrl().encodedPath(), "in order");
    RecordedRequest second = server.takeRequest();
    assertEquals("/two.txt", second.getUrl().encodedPath());
    assertEquals("lists/1", second.getHeaders().get("User-Agent"));
    assertTrue(log.toString().contains("GET " + url("/one.txt")), "-v logs it: " + log);
  }

  @Test
  void inputsWithoutAListAtAUrlAreReturnedAsTheyAre() throws Exception {
    Inputs inputs = inputs(InputParser.argument("http://arg.test/"));

    assertSame(inputs, remoteLists(DownloadSettings.defaults(1)).download(inputs));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aListIsRetriedAsAnyUrlWouldBe() throws Exception {
    site.put("/flaky.txt", "http://a.test/\n", 2);

    Inputs downloaded = remoteLists(DownloadSettings.builder().retries(2).build())
        .download(inputs(InputParser.listOption(url("/flaky.txt"))));

    assertEquals("http://a.test/\n", text(downloaded.all().get(0)));
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aListThatCannotBeDownloadedIsAnInputErrorNamingItAndWhy() {
    InputException notFound = assertThrows(InputException.class,
        () -> remoteLists(DownloadSettings.defaults(1))
            .download(inputs(InputParser.listOption(url("/status/404")))));
    InputException exhausted = assertThrows(InputException.class,
        () -> remoteLists(DownloadSettings.builder().retries(1).build())
            .download(inputs(InputParser.listOption(url("/status/503")))));

    assertEquals("cannot download the list " + url("/status/404") + ": HTTP 404 Client Error",
        notFound.getMessage());
    assertEquals("cannot download the list " + url("/status/503") + ": HTTP 503 Server Error",
        exhausted.getMessage());
    assertEquals(3, server.getRequestCount(), "the 404 once, the 503 retried once");
  }

  @Test
  void aRefusedConnectionIsAnInputErrorToo() {
    String closed = "http://127.0.0.1:" + Ports.refused() + "/list.txt";

    InputException e = assertThrows(InputException.class,
        () -> remoteLists(DownloadSettings.builder().retries(0).build())
            .download(inputs(InputParser.listOption(closed))));

    assertTrue(e.getMessage().startsWith("cannot download the list " + closed + ": "),
        e.getMessage());
  }

  @Test
  void aListLargerThanMaxSizeIsRefused() {
    site.put("/big.txt", "http://a.test/0123456789\n".repeat(10));

    InputException e = assertThrows(InputException.class,
        () -> remoteLists(DownloadSettings.builder().maxSize(100).build())
            .download(inputs(InputParser.listOption(url("/big.txt")))));

    assertEquals("cannot download the list " + url("/big.txt")
        + ": body larger than --max-size (100 bytes)", e.getMessage());
  }

  @Test
  void credentialsAreSentButNeverShown() throws Exception {
    String withCredentials = url("/status/401").replace("http://", "http://alice:s3cret@");

    InputException e = assertThrows(InputException.class,
        () -> remoteLists(DownloadSettings.defaults(1))
            .download(inputs(InputParser.listOption(withCredentials))));

    assertEquals("cannot download the list " + withCredentials.replace("alice:s3cret@", "***@")
        + ": HTTP 401 Client Error", e.getMessage());
    assertFalse(log.toString().contains("s3cret") || log.toString().contains("alice"),
        log.toString());
    assertEquals(Credentials.basic("alice", "s3cret"),
        server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  @Timeout(30)
  void cancelStopsADownloadInProgress() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requested.countDown();
        return new MockResponse.Builder().body("http://a.test/\n")
            .onResponseBody(SocketEffect.Stall.INSTANCE).build();
      }
    });
    RemoteLists lists = remoteLists(DownloadSettings.defaults(1));
    CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    CompletableFuture<Inputs> download = CompletableFuture.supplyAsync(() -> {
      try {
        return lists.download(inputs(InputParser.listOption(url("/held.txt"))));
      } catch (InterruptedException e) {
        interruptedAfter.complete(Thread.currentThread().isInterrupted());
        throw new IllegalStateException("cancelled", e);
      }
    });
    assertTrue(requested.await(10, TimeUnit.SECONDS));

    lists.cancel();

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> download.get(20, TimeUnit.SECONDS));
    assertInstanceOf(InterruptedException.class, e.getCause().getCause());
    assertFalse(interruptedAfter.get(), "the cancel's interrupt stays inside");
    assertEquals(1, server.getRequestCount(), "not retried");
  }
}
