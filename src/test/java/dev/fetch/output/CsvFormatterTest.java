package dev.fetch.output;

import static dev.fetch.output.TextFormatterTest.HTTP_FAILURE;
import static dev.fetch.output.TextFormatterTest.INTERRUPTED;
import static dev.fetch.output.TextFormatterTest.INVALID_URL;
import static dev.fetch.output.TextFormatterTest.NORMAL;
import static dev.fetch.output.TextFormatterTest.SUCCESS;
import static dev.fetch.output.TextFormatterTest.TRANSPORT_FAILURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jackson quotes a cell when it holds a character below {@code ','} (space, quote, ...) or is
 * longer than 24 characters; both are valid RFC 4180, and the parse-back checks prove the cells.
 */
class CsvFormatterTest {
  private static final CsvMapper MAPPER = new CsvMapper();
  private static final String HEADER =
      "index,url,status,bytes,elapsed_ms,attempts,worker,error_kind,error,protocol,outcome,path,"
      + "file_bytes\n";

  private final CsvFormatter csv = new CsvFormatter();

  /** Parses CSV text back into rows of cells. */
  private static List<List<String>> parse(String text) throws Exception {
    try (MappingIterator<List<String>> rows = MAPPER.readerForListOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
      return rows.readAll();
    }
  }

  @Test
  void header() throws Exception {
    assertEquals(HEADER, csv.header());
    assertEquals(List.of(CsvFormatter.COLUMNS), parse(csv.header()));
  }

  @Test
  void success() throws Exception {
    String row = csv.result(SUCCESS);
    assertEquals(
        "0,\"https://example.com/wiki/Portal:Arts\",200,129886,153.412,1,worker-1,,,h2,downloaded,,\n", row);
    assertEquals(List.of(List.of("0", "https://example.com/wiki/Portal:Arts", "200", "129886",
        "153.412", "1", "worker-1", "", "", "h2", "downloaded", "", "")), parse(row));
  }

  @Test
  void httpFailure() throws Exception {
    String row = csv.result(HTTP_FAILURE);
    assertEquals(
        "1,\"https://example.com/missing\",404,9,12.500,3,worker-2,http,\"HTTP 404 Not Found\","
        + "http/1.1,failed,,\n",
        row);
    assertEquals(List.of(List.of("1", "https://example.com/missing", "404", "9", "12.500", "3",
        "worker-2", "http", "HTTP 404 Not Found", "http/1.1", "failed", "", "")), parse(row));
  }

  @Test
  void transportFailureHasEmptyStatus() throws Exception {
    String row = csv.result(TRANSPORT_FAILURE);
    assertEquals(
        "2,http://down.test:81/,,0,5.001,1,worker-1,connect,"
        + "\"cannot connect: Connection refused\",,failed,,\n",
        row);
    assertEquals(List.of(List.of("2", "http://down.test:81/", "", "0", "5.001", "1", "worker-1",
        "connect", "cannot connect: Connection refused", "", "failed", "", "")), parse(row));
  }

  @Test
  void invalidUrlHasEmptyStatusAndWorker() throws Exception {
    String row = csv.result(INVALID_URL);
    assertEquals("3,ftp://files.test/a,,0,0.000,0,,invalid_url,"
        + "\"list.txt:5: unsupported scheme 'ftp' (only http and https)\",,failed,,\n", row);
    assertEquals(List.of(List.of("3", "ftp://files.test/a", "", "0", "0.000", "0", "",
        "invalid_url", "list.txt:5: unsupported scheme 'ftp' (only http and https)", "", "failed",
        "", "")),
        parse(row));
  }

  @Test
  void messageWithCommaQuoteAndNewlineIsQuoted() throws Exception {
    String message = "server said \"no, thanks\"\nand hung up";
    DownloadResult result = new DownloadResult.Failure(4, "http://a.test/x,y", 500, 12,
        Duration.ofMillis(2), 2, "w-1", ErrorKind.HTTP, message, null);

    String row = csv.result(result);

    assertEquals("4,\"http://a.test/x,y\",500,12,2.000,2,w-1,http,"
        + "\"server said \"\"no, thanks\"\"\nand hung up\",,failed,,\n", row);
    List<List<String>> rows = parse(HEADER + row);
    assertEquals(2, rows.size());
    assertEquals(13, rows.get(1).size());
    assertEquals(List.of("4", "http://a.test/x,y", "500", "12", "2.000", "2", "w-1", "http",
        message, "", "failed", "", ""), rows.get(1));
  }

  @Test
  void controlCharactersAreEscapedButANewlineIsKept() throws Exception {
    String message = "HTTP 500 Oops \u001b]0;pwned\u0007\r\nsecond line";
    DownloadResult result = new DownloadResult.Failure(5, "http://a.test/\u009bx", 500, 0,
        Duration.ofMillis(1), 1, "w-1", ErrorKind.HTTP, message, null);

    String row = csv.result(result);

    assertEquals("5,\"http://a.test/\\u009bx\",500,0,1.000,1,w-1,http,"
        + "\"HTTP 500 Oops \\u001b]0;pwned\\u0007\\u000d\nsecond line\",,failed,,\n", row);
    assertEquals(List.of("5", "http://a.test/\\u009bx", "500", "0", "1.000", "1", "w-1", "http",
        "HTTP 500 Oops \\u001b]0;pwned\\u0007\\u000d\nsecond line", "", "failed", "", ""),
        parse(row).get(0));
  }

  @Test
  void rowsFollowTheHeaderAsOneDocument() throws Exception {
    String text = csv.header() + csv.result(SUCCESS) + csv.result(HTTP_FAILURE)
        + csv.result(TRANSPORT_FAILURE) + csv.result(INVALID_URL);
    List<List<String>> rows = parse(text);
    assertEquals(5, rows.size());
    for (List<String> row : rows) {
      assertEquals(13, row.size(), row::toString);
    }
    assertEquals(List.of("0", "1", "2", "3"),
        rows.subList(1, 5).stream().map(r -> r.get(0)).toList());
  }

  @Test
  void summaryIsTextOnStderr() {
    assertFalse(csv.summaryOnStdout());
    assertEquals(
        "15 URLs in 0.612 s: 14 succeeded, 1 failed, 2.8 MiB, 4.8 MB/s (threads, 5 workers)\n",
        csv.summary(NORMAL));
    assertEquals("Interrupted: 7 URLs in 1.235 s: 5 succeeded, 2 failed, 100 bytes,"
        + " 3 unfinished (virtual, 4 workers)\n", csv.summary(INTERRUPTED));
  }
}
