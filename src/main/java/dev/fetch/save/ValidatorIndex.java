package dev.fetch.save;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fetch.download.Validators;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validator index of an output directory: the hidden file {@code .fetch-etags.jsonl}, one
 * JSON object per line, {@code {"path":"a/b.iso","etag":"\"x\"" or null,"last_modified":"…" or
 * null,"state":"partial" or "complete"}}, the last line for a path being the one that counts.
 * Kept only by runs with {@code -N} or {@code --continue}: whichever process saves a body
 * ({@link #append}) adds a line when a kept partial starts and when a file is complete.
 *
 * <p>Several processes append at once (worker JVMs): each line is one {@code write} to a file
 * opened with {@code O_APPEND}, which a local file system never interleaves with another, and a
 * process killed mid-run loses nothing it wrote. The run's parent reads the index once before
 * the first request ({@link #load}) and rewrites it with one line per path when it has grown
 * (a temporary file renamed over it: never lost). A line that cannot be read (the torn end of a
 * killed writer's line, or a hand edit) is skipped. Lines for files that no longer exist are
 * harmless: a validator is only sent for a file that is there.
 *
 * <p>Thread-safe: the loaded map is read-only.
 */
public final class ValidatorIndex {
  /** The index's name in the output directory. */
  public static final String NAME = ".fetch-etags.jsonl";

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, Validators> byPath;

  private ValidatorIndex(Map<String, Validators> byPath) {
    this.byPath = byPath;
  }

  /** An index with nothing recorded. */
  public static ValidatorIndex empty() {
    return new ValidatorIndex(Map.of());
  }

  /** What was last recorded for {@code path}, or {@link Validators#NONE}. */
  public Validators lookup(String path) {
    return path == null ? Validators.NONE : byPath.getOrDefault(path, Validators.NONE);
  }

  /**
   * Reads the index of {@code directory} (none yet: empty) and compacts it when it holds more
   * lines than paths.
   *
   * @throws IOException if it exists and cannot be read or compacted
   */
  public static ValidatorIndex load(Path directory) throws IOException {
    Path file = directory.resolve(NAME);
    Map<String, String> lines = new LinkedHashMap<>();
    Map<String, Validators> byPath = new HashMap<>();
    int read = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        read++;
        Entry entry = parse(line);
        if (entry != null) {
          lines.remove(entry.path);
          lines.put(entry.path, line);
          byPath.put(entry.path, entry.validators);
        }
      }
    } catch (NoSuchFileException e) {
      return new ValidatorIndex(Map.of());
    }
    if (read > lines.size()) {
      rewrite(directory, file, lines.values());
    }
    return new ValidatorIndex(byPath);
  }

  /**
   * Appends one line for {@code path} to the index of {@code directory}, creating it with the
   * umask's permissions: in one write, so lines from several processes never mix.
   *
   * @param complete whether the file is complete under its final name (else a partial started)
   */
  public static void append(Path directory, String path, Validators validators,
      boolean complete) throws IOException {
    byte[] line = line(path, validators, complete);
    try (FileChannel out = FileChannel.open(directory.resolve(NAME), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(line);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
  }

  static byte[] line(String path, Validators validators, boolean complete) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator json = JSON.createGenerator((OutputStream) bytes)) {
      json.writeStartObject();
      json.writeStringField("path", path);
      json.writeStringField("etag", validators.etag());
      json.writeStringField("last_modified", validators.lastModified());
      json.writeStringField("state", complete ? "complete" : "partial");
      json.writeEndObject();
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private record Entry(String path, Validators validators) {}

  /** The entry on {@code line}, or null when it is not one. */
  private static Entry parse(String line) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken token; (token = parser.nextToken()) != JsonToken.END_OBJECT; ) {
        if (token != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          fields.put(name, parser.getText());
        } else if (value != JsonToken.VALUE_NULL) {
          return null;
        }
      }
      if (parser.nextToken() != null) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    String path = fields.get("path");
    if (path == null || path.isEmpty()) {
      return null;
    }
    return new Entry(path, new Validators(fields.get("etag"), fields.get("last_modified")));
  }

  private static void rewrite(Path directory, Path file, Iterable<String> lines)
      throws IOException {
    Path temp = NewFiles.createUnique(directory, ".fetch-etags-", ".tmp");
    try {
      try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
