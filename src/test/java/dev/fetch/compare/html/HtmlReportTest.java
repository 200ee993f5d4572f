package dev.fetch.compare.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Stats;
import dev.fetch.compare.stats.Ratio;
import dev.fetch.trace.Lanes;
import dev.fetch.trace.UrlRecord;
import dev.fetch.testing.SampleComparison;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final Comparison SAMPLE = SampleComparison.build();
  private static final String HTML = HtmlReport.render(SAMPLE);
  /** The median run of each mode's best combination, in report order. */
  private static final List<RunRecord> SHOWN = List.of(
      SAMPLE.result(SampleComparison.SEQUENTIAL).medianRun().orElseThrow(),
      SAMPLE.result(SampleComparison.THREADS_8).medianRun().orElseThrow());

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long CHROMIUM_TIMEOUT_SECONDS = 60;

  @Test
  void hasEveryChartKind() {
    assertTrue(HTML.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    assertEquals(1, count(HTML, "<svg id=\"chart-times\""));
    assertEquals(1, count(HTML, "<svg id=\"chart-workers\""));
    assertEquals(1, count(HTML, "<svg id=\"chart-throughput\""));
    assertEquals(2, count(HTML, "<svg class=\"timeline\""), "one timeline per mode");
  }

  @Test
  void timeChartHasABarAWhiskerWhereThereIsAnIntervalAndAMeanPerCombination() {
    String chart = svg(HTML, "<svg id=\"chart-times\"");
    assertEquals(3, count(chart, "<rect class=\"median-bar"));
    assertEquals(6, count(chart, "<line class=\"ci\""),
        "a whisker and two caps each, but none for threads:2's five usable runs");
    assertEquals(3, count(chart, "<circle class=\"mean\""));
    assertTrue(chart.contains("threads:2: median 1.277 s, too few runs for a 95% interval"),
        chart);
    assertTrue(chart.contains(">sequential:1 (ref)</text>"));
    assertTrue(chart.contains(">run time (s)</text>"));
  }

  @Test
  void workerChartsHaveALinePerModeWithSeveralCountsAndAPointPerCombination() {
    for (String id : List.of("chart-workers", "chart-throughput")) {
      String chart = svg(HTML, "<svg id=\"" + id + "\"");
      assertEquals(1, count(chart, "<polyline class=\"series m-threads\""), id);
      assertEquals(3, count(chart, "<circle class=\"point"), id);
      for (String tick : List.of(">1</text>", ">2</text>", ">4</text>", ">8</text>")) {
        assertTrue(chart.contains(tick), id + " has the log2 tick " + tick);
      }
    }
  }

  @Test
  void timelineHasABarPerUrlAndALanePerWorker() {
    List<String> timelines = svgs(HTML, "<svg class=\"timeline\"");
    assertEquals(SHOWN.size(), timelines.size());
    for (int i = 0; i < SHOWN.size(); i++) {
      RunRecord run = SHOWN.get(i);
      String timeline = timelines.get(i);
      assertEquals(run.urls().size(), count(timeline, "<rect class=\"bar "), run.toString());
      assertEquals(run.failed(), count(timeline, "<rect class=\"bar failed\""));
      long workers = run.urls().stream().map(UrlRecord::worker).distinct().count();
      assertEquals(workers, count(timeline, "<rect class=\"lane"));
      assertTrue(timeline.contains("aria-label=\"Timeline of run " + run.sequence() + " of "
          + run.combination().label()));
    }
    String threads = timelines.get(1);
    assertTrue(threads.indexOf(">worker-2</text>") < threads.indexOf(">worker-8</text>"));
    assertTrue(HTML.contains("<h3>threads:8: run "), "threads' best combination is drawn");
  }

  @Test
  void aFailuresTooltipSaysWhatHappened() {
    RunRecord failedRun = SAMPLE.result(SampleComparison.THREADS_2).runs().stream()
        .filter(RunRecord::hasFailures).findFirst().orElseThrow();
    String timeline = Timeline.render(failedRun);
    assertEquals(1, count(timeline, "<rect class=\"bar failed\""));
    assertTrue(timeline.contains("<title>https://example.test/wiki/Portal:Geography\n"
        + "failed: http (HTTP 503) · 0 bytes · "), timeline);
  }

  @Test
  void lanesAreInNaturalOrder() {
    List<UrlRecord> urls = new ArrayList<>();
    for (String worker : List.of("worker-10", "worker-2", "worker-1", "pool-3")) {
      urls.add(new UrlRecord(urls.size(), "https://example.test/" + urls.size(), worker, 200,
          1, 0, 10, 1, null));
    }
    urls.add(new UrlRecord(4, "ftp://x", null, null, 0, 0, 0, 1, "invalid_url"));
    RunRecord run = new RunRecord(SampleComparison.THREADS_8, 0, false, 0.1, 4, 1, 4, urls);
    assertEquals(List.of("pool-3", "worker-1", "worker-2", "worker-10", Lanes.NO_WORKER),
        Timeline.lanes(run));
    String timeline = Timeline.render(run);
    assertEquals(5, count(timeline, "<rect class=\"lane"));
    assertEquals(5, count(timeline, "<rect class=\"bar "));
    assertTrue(timeline.indexOf(">worker-2<") < timeline.indexOf(">worker-10<"));
  }

  @Test
  void escapesEveryDataString() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
        Html.escape("<a href=\"x\">Tom & Jerry's</a>"));
    assertFalse(HTML.contains("<script"), "the malicious URL appears only escaped");
    assertFalse(HTML.contains("alert(\"x\")"));
    assertTrue(HTML.contains(
        "search?q=&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;lang=en"));

    Comparison hostile = new Comparison("<b>list</b> & \"co\"", null, SAMPLE.urls(),
        SAMPLE.bytes(), SAMPLE.runs(), SAMPLE.warmup(), SAMPLE.seed(), SAMPLE.confidence(),
        SAMPLE.reference(), SAMPLE.environment(), SAMPLE.results(), SAMPLE.bestWorkers(),
        SAMPLE.requirements(), SAMPLE.baseline(), List.of("<img src=x onerror=alert(1)>"));
    String html = HtmlReport.render(hostile);
    assertTrue(html.contains("<title>fetch compare: &lt;b&gt;list&lt;/b&gt; &amp; &quot;co&quot;"));
    assertTrue(html.contains("<li>&lt;img src=x onerror=alert(1)&gt;</li>"));
    assertFalse(html.contains("<b>") || html.contains("<img"));
  }

  @Test
  void loadsNothing() {
    String lower = HTML.toLowerCase(Locale.ROOT);
    for (String reference : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed",
        "@import", "url(", "src=", "href=", "xlink:")) {
      assertFalse(lower.contains(reference), "no external resource: " + reference);
    }
    assertTrue(HTML.contains("<meta http-equiv=\"Content-Security-Policy\" "
        + "content=\"default-src 'none'; style-src 'unsafe-inline'\">"));
  }

  @Test
  void everySvgIsWellFormedXml() throws Exception {
    assertEquals(count(HTML, "<svg "), count(HTML, "</svg>"));
    List<String> all = svgs(HTML, "<svg ");
    assertEquals(5, all.size());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (String svg : all) {
      var root = factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
          .getDocumentElement();
      assertEquals("svg", root.getTagName());
    }
  }

  @Test
  void summaryHasARowPerCombinationWithSpeedUps() {
    assertTrue(HTML.contains("<tr class=\"reference\"><td>sequential:1</td>"));
    for (ComboResult r : SAMPLE.results()) {
      assertTrue(HTML.contains("<td>" + r.combination().label() + "</td><td class=\"num\">"
          + String.format(Locale.ROOT, "%.3f s", r.time().median()) + "</td>"), r.toString());
    }
    Ratio fastest = SAMPLE.result(SampleComparison.THREADS_8).speedup();
    String expected = String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", fastest.estimate(),
        fastest.low(), fastest.high());
    assertTrue(HTML.contains("<td class=\"num\">" + expected + "</td></tr>"), expected);
    assertTrue(HTML.contains("<td class=\"num\">1 of 6</td>"), "threads:2's failed run");
    assertTrue(HTML.contains("<td class=\"num\">needs 6 runs</td>"), "threads:2's interval");
    assertTrue(HTML.contains("threads:2: 1 of 6 runs had failed URLs"));
  }

  @Test
  void saysWhyThereIsNoWorkerChart() {
    Comparison oneCountPerMode = with(List.of(SAMPLE.result(SampleComparison.SEQUENTIAL),
        SAMPLE.result(SampleComparison.THREADS_8)));
    String html = HtmlReport.render(oneCountPerMode);
    assertFalse(html.contains("chart-workers"));
    assertFalse(html.contains("chart-throughput"));
    assertTrue(html.contains("No mode was compared at two or more worker counts"));
    assertTrue(html.contains("<svg id=\"chart-times\""));
    assertEquals(2, count(html, "<svg class=\"timeline\""));
  }

  @Test
  void aCombinationWithoutUsableRunsShowsNoNumbers() {
    ComboResult threads = SAMPLE.result(SampleComparison.THREADS_2);
    ComboResult failed = new ComboResult(threads.combination(), Stats.EMPTY, Double.NaN,
        Double.NaN, 6, Ratio.of(new double[0], SAMPLE.result(SampleComparison.SEQUENTIAL)
        .times(), SAMPLE.confidence()), Double.NaN, threads.idealSeconds(), threads.runs());
    Comparison comparison = with(List.of(SAMPLE.result(SampleComparison.SEQUENTIAL), failed,
        SAMPLE.result(SampleComparison.THREADS_8)));
    String html = HtmlReport.render(comparison);
    assertFalse(html.contains("NaN") || html.contains("Infinity"));
    assertTrue(html.contains(">no run without failed URLs</text>"));
    assertTrue(html.contains("<td>threads:2</td><td class=\"num\">–</td>"));
    assertEquals(2, count(svg(html, "<svg id=\"chart-workers\""), "<circle class=\"point"));
  }

  /** The sample with other results, no checks, no baseline and no warnings. */
  private static Comparison with(List<ComboResult> results) {
    return new Comparison(SAMPLE.list(), SAMPLE.listSha256(), SAMPLE.urls(), SAMPLE.bytes(),
        SAMPLE.runs(), SAMPLE.warmup(), SAMPLE.seed(), SAMPLE.confidence(), SAMPLE.reference(),
        SAMPLE.environment(), results, List.of(), List.of(), null, List.of());
  }

  @Test
  void theVerdictBannerComesFirstAndSaysWhatFailed() {
    int banner = HTML.indexOf("<section class=\"verdict fail\">");
    assertTrue(banner > 0 && banner < HTML.indexOf("<h1>"), "the banner before anything else");
    assertTrue(HTML.contains("<p class=\"headline\">3 of 7 checks failed</p>"), HTML);
    assertEquals(4, count(HTML, "<li class=\"pass\"><strong>PASS</strong>"));
    assertEquals(3, count(HTML, "<li class=\"fail\"><strong>FAIL</strong>"));
    assertTrue(HTML.contains("<li class=\"fail\"><strong>FAIL</strong> <code>threads:8 at "
        + "most 10% slower than the baseline</code>: 19.4% slower"), HTML);
    assertFalse(with(SAMPLE.results()).toString().isEmpty());
    assertFalse(HtmlReport.render(with(SAMPLE.results())).contains("class=\"verdict"),
        "no banner without checks");
  }

  @Test
  void theBaselineSectionShowsEachCombinationAndWhatDiffers() {
    assertTrue(HTML.contains("<h2>Against the baseline</h2>"));
    assertTrue(HTML.contains("<li>cores: 4 then, 8 now</li>"), HTML);
    assertTrue(HTML.contains("<td>sequential:1</td><td class=\"num\">"), HTML);
    assertTrue(HTML.contains("<td class=\"num\">~</td>"), "no change is ~");
  }

  @Test
  void isTheSameTextForTheSameRecordInAnyLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals(HTML, HtmlReport.render(SampleComparison.build()));
    } finally {
      Locale.setDefault(before);
    }
    assertFalse(HTML.contains("NaN"));
  }

  /**
   * Opens the report in Debian's chromium, headless: the page must render its charts and leave
   * nothing in the console. The report has no script, so any console line at all is a problem
   * (an SVG attribute the browser rejects, a resource the Content-Security-Policy blocked). This
   * chromium logs console messages, errors included, as {@code INFO:CONSOLE}, so the test matches
   * {@code CONSOLE} rather than a level. A screenshot goes to target/html-report/ for people.
   */
  @Test
  void opensInHeadlessChromiumWithoutConsoleMessages(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no browser at " + CHROMIUM
        + " (.ci/run installs Debian's chromium package)");
    Path report = dir.resolve("report.html");
    Files.writeString(report, HTML, StandardCharsets.UTF_8);

    Browser dom = chromium(dir, "dom", "--dump-dom", report.toUri().toString());
    assertEquals(0, dom.exitCode, dom.stderr);
    for (String id : List.of("chart-times", "chart-workers", "chart-throughput")) {
      assertTrue(dom.stdout.contains("<svg id=\"" + id + "\""), id + " in the browser's DOM");
    }
    assertEquals(SHOWN.size(), count(dom.stdout, "<svg class=\"timeline\""));
    assertEquals(SHOWN.stream().mapToInt(r -> r.urls().size()).sum(),
        count(dom.stdout, "<rect class=\"bar "));
    assertEquals(List.of(), consoleLines(dom.stderr), "chromium's console");

    Path out = Path.of(System.getProperty("basedir", "."), "target", "html-report");
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.html"), HTML, StandardCharsets.UTF_8);
    Path png = out.resolve("report.png");
    Files.deleteIfExists(png);
    Browser shot = chromium(dir, "shot", "--screenshot=" + png, "--window-size=1280,2400",
        "--hide-scrollbars", report.toUri().toString());
    assertEquals(0, shot.exitCode, shot.stderr);
    assertTrue(Files.size(png) > 0, "a screenshot at " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth());
    assertEquals(List.of(), consoleLines(shot.stderr), "chromium's console");
  }

  /** The console check can fail: chromium reports an SVG attribute it rejects. */
  @Test
  void chromiumReportsABrokenSvgOnTheConsole(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no browser at " + CHROMIUM
        + " (.ci/run installs Debian's chromium package)");
    Path page = dir.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title>"
        + "</head><body><svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"-5\"/>"
        + "</svg></body></html>");
    Browser dom = chromium(dir, "broken", "--dump-dom", page.toUri().toString());
    assertEquals(0, dom.exitCode, dom.stderr);
    assertEquals(1, consoleLines(dom.stderr).size(), dom.stderr);
  }

  private static List<String> consoleLines(String stderr) {
    return stderr.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))
        .collect(Collectors.toList());
  }

  private static final class Browser {
    final int exitCode;
    final String stdout;
    final String stderr;

    Browser(int exitCode, String stdout, String stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }
  }

  /** Runs chromium headless with a fresh profile, bounded by a timeout; no network is used. */
  private static Browser chromium(Path dir, String name, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectory(dir.resolve("profile-" + name)),
        "--enable-logging=stderr", "--v=0"));
    command.addAll(List.of(args));
    File stdout = dir.resolve(name + ".out").toFile();
    File stderr = dir.resolve(name + ".err").toFile();
    Process process = new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr)
        .start();
    process.getOutputStream().close();
    if (!process.waitFor(CHROMIUM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail("chromium did not finish within " + CHROMIUM_TIMEOUT_SECONDS + " s: " + command);
    }
    return new Browser(process.exitValue(), Files.readString(stdout.toPath()),
        Files.readString(stderr.toPath()));
  }

  /** The first {@code <svg>} element starting with {@code open}, up to its end tag. */
  private static String svg(String html, String open) {
    List<String> found = svgs(html, open);
    assertFalse(found.isEmpty(), "no " + open);
    return found.get(0);
  }

  /** Every {@code <svg>} element starting with {@code open} (SVGs in the report do not nest). */
  private static List<String> svgs(String html, String open) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(Pattern.quote(open) + ".*?</svg>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static long count(String text, String part) {
    long n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
