package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  /** The case: one 20 MB download, 3.1 MiB in, at 1.3 MB/s. */
  private static final ProgressSnapshot ONE_BIG = new ProgressSnapshot(1, 0, 0, 1, 3_250_585,
      20_971_520, 20_971_520, 3_250_585, null);
  private static final ProgressSnapshot LIST = new ProgressSnapshot(40, 12, 1, 5, 5_000_000, -1,
      16_000_000, 5_200_000, new ProgressSnapshot.Slowest(
          "http://mirror.test/releases/very/long/path/file-1.2.3.tar.gz", 1_000_000, 4_000_000,
          Duration.ofSeconds(13)));

  @Test
  void aBarOfBytesWithRateAndTimeLeft() {
    assertEquals("[==>               ]  3.1 MiB/20.0 MiB  1.3 MB/s  ETA 14s  0/1 URL, 1 in flight",
        ProgressLine.bar(ONE_BIG, 1_300_000, 100));
  }

  @Test
  void anEstimatedTimeLeftSaysSoAndTheSlowestUrlFillsTheRoomLeft() {
    String line = ProgressLine.bar(LIST, 2_400_000, 200);

    assertEquals("[=====>            ]  4.8 MiB  2.4 MB/s  ETA ~5s  12/40 URLs, 1 failed, 5 in "
        + "flight  slowest: http://mirror.test/releases/very/long/path/file-1.2.3.tar.gz "
        + "(25%, 13s)", line);
  }

  @Test
  void theSlowestUrlIsShortenedInTheMiddleThenDropped() {
    String line = ProgressLine.bar(LIST, 2_400_000, 130);
    assertEquals(129, line.length(), line);
    assertTrue(line.endsWith("5 in flight  slowest: http://mirr...2.3.tar.gz (25%, 13s)"), line);

    assertTrue(ProgressLine.bar(LIST, 2_400_000, 110).endsWith("5 in flight"));
  }

  @Test
  void shortenKeepsBothEnds() {
    assertEquals("http://.../z/file", ProgressLine.shorten("http://a.test/x/y/z/file", 17));
    assertEquals("short", ProgressLine.shorten("short", 17));
  }

  @Test
  void aNarrowTerminalKeepsTheBytesAndUrlsDone() {
    assertEquals("4.8 MiB  2.4 MB/s  12/40 URLs, 1 failed",
        ProgressLine.bar(LIST, 2_400_000, 41));
    assertEquals("4.8 MiB  12/40 URLs", ProgressLine.bar(LIST, 2_400_000, 25));
    for (int width = 20; width < 160; width++) {
      assertTrue(ProgressLine.bar(LIST, 2_400_000, width).length() <= width - 1, "" + width);
    }
  }

  @Test
  void withoutARateYetThereIsNoTimeLeft() {
    assertEquals("[==>               ]  3.1 MiB/20.0 MiB  0/1 URL, 1 in flight",
        ProgressLine.bar(ONE_BIG, Double.NaN, 100));
    assertNull(ProgressLine.eta(ONE_BIG, 0));
  }

  @Test
  void aListOfUnknownLengthCountsUrls() {
    ProgressSnapshot stdin = new ProgressSnapshot(-1, 7, 0, 2, 2048, -1, -1, 2048, null);
    assertEquals("2.0 KiB  7 URLs, 2 in flight", ProgressLine.bar(stdin, Double.NaN, 80));
  }

  @Test
  void aPlainLineForLogs() {
    assertEquals("fetch: 3.1 MiB of 20.0 MiB, 1.3 MB/s, ETA 14s; 0 of 1 URL done, 1 in flight",
        ProgressLine.plain(ONE_BIG, 1_300_000));
    assertEquals("fetch: 4.8 MiB, 2.4 MB/s, ETA ~5s; 12 of 40 URLs done, 1 failed, 5 in flight;"
        + " slowest: http://mirror.test/releases/very/long/path/file-1.2.3.tar.gz (25%, 13s)",
        ProgressLine.plain(LIST, 2_400_000));
  }

  @Test
  void aUrlsControlCharactersAreEscaped() {
    ProgressSnapshot evil = new ProgressSnapshot(2, 0, 0, 1, 0, -1, -1, 0,
        new ProgressSnapshot.Slowest("http://e.test/\u001b[2J", 0, -1, Duration.ofSeconds(3)));
    String line = ProgressLine.bar(evil, Double.NaN, 200);
    assertTrue(line.contains("http://e.test/\\u001b[2J (0 bytes, 3s)"), line);
    assertTrue(ProgressLine.plain(evil, Double.NaN).contains("\\u001b[2J"));
  }
}
