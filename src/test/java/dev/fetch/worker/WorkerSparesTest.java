package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.log.Diagnostics;
import dev.fetch.testing.TestSite;
import dev.fetch.time.Ticker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Worker JVMs started before their pool needs them, with real processes: a pool takes the spares
 * of its own JVM and arguments, and whatever no pool took is killed when the batch closes.
 */
@Timeout(60)
class WorkerSparesTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private static final DownloadSettings SETTINGS = DownloadSettings.defaults(2);
  private static final String MESSAGE = WireFormat.settings(SETTINGS);
  private final StringWriter log = new StringWriter();
  private final Diagnostics diagnostics = Diagnostics.to(new PrintWriter(log, true), false);

  {
    server.setDispatcher(new TestSite());
  }

  @AfterEach
  void noWorkerIsLeft() {
    List<ProcessHandle> alive = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().arguments()
            .map(args -> List.of(args).contains(WorkerMain.class.getName())).orElse(false))
        .collect(java.util.stream.Collectors.toList());
    alive.forEach(ProcessHandle::destroyForcibly);
    assertEquals(List.of(), alive, "every worker ended with its test");
  }

  private static boolean alive(long pid) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isPresent() && process.get().isAlive();
  }

  @Test
  void aPoolTakesASpareOfItsJvmAndClosingKillsTheOneNoPoolTook() throws Exception {
    WorkerJvm jvm = WorkerJvm.current();
    WorkerSpares spares = WorkerSpares.start(jvm, 2, false, false, SETTINGS, diagnostics);
    List<Long> pids = spares.pids();
    assertEquals(2, pids.size(), log.toString());
    WorkerPool pool = new WorkerPool(jvm, SETTINGS, Ticker.system(),
        diagnostics);
    try {
      DownloadResult result = pool.download(new DownloadRequest(0, server.url("/bytes/100")));

      assertTrue(result.succeeded(), result + "\n" + log);
      assertTrue(result.worker().endsWith("/pid-" + pids.get(0)), result.worker());
      assertEquals(1, spares.unclaimed());
    } finally {
      spares.close();
      pool.close();
    }
    assertFalse(alive(pids.get(1)), "the spare no pool took is gone");
    assertEquals(0, spares.unclaimed());
  }

  @Test
  void closingABatchNoPoolTouchedKillsEverySpareAndWaitsForThem() {
    WorkerSpares spares = WorkerSpares.start(WorkerJvm.current(), 2, false, false, SETTINGS,
        diagnostics);
    List<Long> pids = spares.pids();

    spares.close();

    assertEquals(2, pids.size());
    pids.forEach(pid -> assertFalse(alive(pid), "spare " + pid + " is gone"));
    assertNull(WorkerSpares.claim(WorkerJvm.current(), false, false, MESSAGE),
        "none is handed out");
  }

  @Test
  void aSpareIsTakenOnlyForItsOwnJvmAndArguments() throws Exception {
    WorkerJvm jvm = WorkerJvm.current();
    WorkerJvm other = new WorkerJvm(jvm.launch(false).command().get(0),
        System.getProperty("java.class.path"), null);
    try (WorkerSpares spares = WorkerSpares.start(jvm, 1, true, false, SETTINGS, diagnostics)) {
      assertNull(WorkerSpares.claim(jvm, false, false, MESSAGE), "not verbose");
      assertNull(WorkerSpares.claim(jvm, true, true, MESSAGE), "with progress");
      assertNull(WorkerSpares.claim(other, true, false, MESSAGE), "another JVM's");
      assertNull(WorkerSpares.claim(jvm, true, false,
          WireFormat.settings(DownloadSettings.defaults(3))), "other settings");

      WorkerSpares.Spare spare = WorkerSpares.claim(jvm, true, false, MESSAGE);

      assertNotNull(spare);
      assertEquals(spares.pids().get(0), spare.process().pid());
      assertEquals(0, spares.unclaimed());
      assertNull(WorkerSpares.claim(jvm, true, false, MESSAGE), "each spare is taken once");
      spare.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aJavaThatCannotStartLeavesNoSpareAndThrowsNothing() {
    WorkerJvm missing = new WorkerJvm("/nonexistent/bin/java",
        System.getProperty("java.class.path"), null);
    StringWriter debug = new StringWriter();

    try (WorkerSpares spares = WorkerSpares.start(missing, 2, false, false, SETTINGS,
        Diagnostics.to(new PrintWriter(debug, true), true))) {
      assertEquals(List.of(), spares.pids());
    }
    assertTrue(debug.toString().contains("cannot start a spare worker"), debug.toString());
  }

  @Test
  void noSpareIsStartedForNoWorker() {
    try (WorkerSpares spares = WorkerSpares.start(WorkerJvm.current(), 0, false, false,
        SETTINGS, diagnostics)) {
      assertEquals(List.of(), spares.pids());
    }
  }
}
