package dev.fetch.output;

import dev.fetch.engine.RunSummary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.fetch.download.DownloadResult;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.StringJoiner;

/**
 * A header and one RFC 4180 row per URL, with the same columns as the JSON lines results. Null
 * values are empty cells. The summary is not a row: it goes to stderr as text.
 *
 * <p>Text cells are written {@linkplain Terminal#safe printable}: a control character from a
 * server or a list (an escape sequence, a bell, a carriage return) is written as {@code \\uXXXX},
 * as in the text format, so a CSV file shown on a terminal cannot drive it. A newline inside a
 * message is kept, in a quoted cell as RFC 4180 allows. Rows end in {@code \n}, not RFC 4180's
 * {@code \r\n}: the files are read by line-oriented tools, and CSV readers accept both.
 */
public final class CsvFormatter implements ResultFormatter {
  static final List<String> COLUMNS = List.of("index", "url", "status", "bytes", "elapsed_ms",
      "attempts", "worker", "error_kind", "error", "protocol", "outcome", "path", "file_bytes");

  private static final CsvMapper MAPPER = new CsvMapper();
  private static final ObjectWriter ROW = rowWriter();
  private static final TextFormatter TEXT = new TextFormatter();

  @Override
  public String header() {
    return write(ROW, COLUMNS.toArray());
  }

  @Override
  public String result(DownloadResult r) {
    String kind = null;
    String error = null;
    String outcome = "failed";
    String path = null;
    Long fileBytes = null;
    if (r instanceof DownloadResult.Success) {
      DownloadResult.Success success = (DownloadResult.Success) r;
      outcome = success.outcome().wireName();
      path = success.path();
      fileBytes = success.fileBytes() < 0 ? null : success.fileBytes();
    }
    if (r instanceof DownloadResult.Failure) {
      DownloadResult.Failure failure = (DownloadResult.Failure) r;
      kind = failure.kind().wireName();
      error = failure.message();
    }
    return write(ROW, new Object[] {
        r.index(), cell(text(r.url())), cell(r.status()), r.bytes(),
        JsonLinesFormatter.millis(r.elapsed()), r.attempts(), cell(text(r.worker())),
        cell(kind), cell(text(error)), cell(text(r.protocol())), outcome, cell(text(path)),
        cell(fileBytes)});
  }

  @Override
  public String summary(RunSummary summary) {
    return TEXT.summary(summary);
  }

  @Override
  public boolean summaryOnStdout() {
    return false;
  }

  /** {@code value} with every control character but the newline escaped; null stays null. */
  private static String text(String value) {
    if (value == null || value.indexOf('\n') < 0) {
      return Terminal.safe(value);
    }
    StringJoiner lines = new StringJoiner("\n");
    for (String line : value.split("\n", -1)) {
      lines.add(Terminal.safe(line));
    }
    return lines.toString();
  }

  /** Jackson's array writer moves null cells to the row's end; write them as empty text. */
  private static Object cell(Object value) {
    return value == null ? "" : value;
  }

  private static ObjectWriter rowWriter() {
    CsvSchema.Builder schema = CsvSchema.builder();
    COLUMNS.forEach(schema::addColumn);
    return MAPPER.writerFor(Object[].class).with(schema.build().withoutHeader()
        .withLineSeparator("\n"));
  }

  private static String write(ObjectWriter writer, Object[] row) {
    try {
      return writer.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
