package dev.fetch.output;

import dev.fetch.engine.RunSummary;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.fetch.download.DownloadResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
 *
 * <p>Rows are written by jackson-dataformat-csv's streaming generator, cell by cell: its data
 * binding ({@code CsvMapper}, about 450 classes of jackson-databind) would cost every
 * {@code -f csv} run a tenth of a second of start-up for what a generator does alone.
 */
public final class CsvFormatter implements ResultFormatter {
  static final List<String> COLUMNS = List.of("index", "url", "status", "bytes", "elapsed_ms",
      "attempts", "worker", "error_kind", "error", "protocol", "outcome", "path", "file_bytes");

  private static final CsvFactory FACTORY = new CsvFactory();
  private static final CsvSchema SCHEMA = schema();
  private static final TextFormatter TEXT = new TextFormatter();

  @Override
  public String header() {
    return write(COLUMNS.toArray());
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
    return write(new Object[] {
        r.index(), text(r.url()), r.status(), r.bytes(),
        JsonLinesFormatter.millis(r.elapsed()), r.attempts(), text(r.worker()),
        kind, text(error), text(r.protocol()), outcome, text(path), fileBytes});
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

  private static CsvSchema schema() {
    CsvSchema.Builder schema = CsvSchema.builder();
    COLUMNS.forEach(schema::addColumn);
    return schema.build().withoutHeader().withLineSeparator("\n");
  }

  /** One row: numbers as numbers, text quoted where RFC 4180 needs it, null as an empty cell. */
  private static String write(Object[] row) {
    StringWriter text = new StringWriter();
    try (CsvGenerator csv = FACTORY.createGenerator(text)) {
      csv.setSchema(SCHEMA);
      csv.writeStartArray();
      for (Object cell : row) {
        if (cell == null) {
          csv.writeString("");     // writeNull() would move the cell to the row's end
        } else if (cell instanceof String) {
          csv.writeString((String) cell);
        } else if (cell instanceof BigDecimal) {
          csv.writeNumber((BigDecimal) cell);
        } else {
          csv.writeNumber(((Number) cell).longValue());
        }
      }
      csv.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
