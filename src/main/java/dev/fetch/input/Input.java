package dev.fetch.input;

import dev.fetch.download.Urls;
import dev.fetch.log.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One input of a run, as the command line names it: a URL to download, a list file, standard
 * input, or a list at a URL. Every kind opens to a {@link UrlListReader}, so each entry names its
 * input and line the same way ({@code FILE:LINE}, {@code URL:LINE}). Immutable; build one with
 * {@link InputParser}.
 */
public sealed interface Input {
  /**
   * How messages name this input: its path, {@code <stdin>}, or its URL with credentials
   * replaced by {@code ***}; control characters are escaped. Never null.
   */
  String name();

  /** Whether reading it may block for ever, so a stopped run must not read its rest. */
  default boolean mayNeverEnd() {
    return false;
  }

  /**
   * How many URL lines (valid or not) it has, counted without consuming it, for a progress bar's
   * total; -1 when that cannot be known without taking lines the run needs (a pipe).
   */
  long countUrlLines();

  /**
   * Opens it for reading; entries are numbered from {@code firstIndex}.
   *
   * @param stdin what standard input reads
   * @throws InputException naming the input when it cannot be opened
   */
  UrlListReader open(InputStream stdin, int firstIndex);

  /**
   * A URL given on the command line, downloaded as one entry, exactly as a list line holding it.
   *
   * @param text the argument as typed (already checked to be a valid http(s) URL)
   * @param url the parsed URL, credentials included
   */
  record Url(String text, HttpUrl url) implements Input {
    public Url {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String name() {
      return Urls.redact(url);
    }

    @Override
    public long countUrlLines() {
      return 1;
    }

    @Override
    public UrlListReader open(InputStream stdin, int firstIndex) {
      return UrlListReader.ofBytes(name(), (text + "\n").getBytes(StandardCharsets.UTF_8),
          firstIndex);
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /** A list file, named by its path as given. */
  record ListFile(String path) implements Input {
    public ListFile {
      Objects.requireNonNull(path, "path");
    }

    /**
     * The path, with control characters escaped and, should it look like a URL, credentials
     * redacted ({@code user:pw@} never reaches an output, even in a mistyped URL).
     */
    @Override
    public String name() {
      return path.indexOf(':') >= 0 ? Urls.displayRaw(path) : Diagnostics.printable(path);
    }

    /** The lines of a regular file are counted by reading it; a FIFO's are not: -1. */
    @Override
    public long countUrlLines() {
      try {
        if (!Files.isRegularFile(Path.of(path))) {
          return -1;
        }
      } catch (InvalidPathException e) {
        return -1;
      }
      try (UrlListReader reader = open(InputStream.nullInputStream(), 0)) {
        return reader.countRest();
      } catch (InputException e) {
        return -1;
      }
    }

    @Override
    public UrlListReader open(InputStream stdin, int firstIndex) {
      Path file = check();
      try {
        return new UrlListReader(name(), Files.newInputStream(file), firstIndex);
      } catch (IOException e) {
        throw unreadable(e);
      }
    }

    /**
     * Checks, without reading a line, that the file can be opened as a list: it exists, is not a
     * directory, and may be read. A FIFO is not opened (that would wait for its writer).
     *
     * @return the path
     * @throws InputException naming the file and what is wrong
     */
    public Path check() {
      Path file;
      try {
        file = Path.of(path);
      } catch (InvalidPathException e) {
        throw new InputException(name() + ": not a valid file name (" + e.getReason() + ")", e);
      }
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (IOException e) {
        throw unreadable(e);
      }
      if (attributes.isDirectory()) {
        throw new InputException(name() + ": is a directory, not a URL list");
      }
      if (!Files.isReadable(file)) {
        throw new InputException(name() + ": permission denied");
      }
      return file;
    }

    /** Why the file cannot be read, in the words every message about a list file uses. */
    private InputException unreadable(IOException e) {
      if (e instanceof NoSuchFileException) {
        return new InputException(name() + ": no such file", e);
      }
      if (e instanceof AccessDeniedException) {
        return new InputException(name() + ": permission denied", e);
      }
      return new InputException(name() + ": cannot read (" + e.getMessage() + ")", e);
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /** Standard input ({@code -}, or nothing named while it is a pipe). */
  record StandardInput() implements Input {
    /** The name standard input goes by in messages. */
    public static final String NAME = "<stdin>";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public boolean mayNeverEnd() {
      return true;
    }

    @Override
    public long countUrlLines() {
      return -1;
    }

    @Override
    public UrlListReader open(InputStream stdin, int firstIndex) {
      return new UrlListReader(NAME, stdin, firstIndex);
    }
  }

  /**
   * A list at a URL ({@code -i https://host/list.txt}), read once it has been downloaded: before
   * that, {@code content} is null and it cannot be opened.
   *
   * @param url the list's URL, credentials included
   * @param content the list's bytes once downloaded (not copied: never change them), or null
   */
  record RemoteList(HttpUrl url, byte[] content) implements Input {
    public RemoteList {
      Objects.requireNonNull(url, "url");
    }

    /** This list with its downloaded bytes. */
    public RemoteList downloaded(byte[] bytes) {
      return new RemoteList(url, Objects.requireNonNull(bytes, "bytes"));
    }

    public boolean isDownloaded() {
      return content != null;
    }

    @Override
    public String name() {
      return Urls.redact(url);
    }

    @Override
    public long countUrlLines() {
      if (content == null) {
        return -1;
      }
      try (UrlListReader reader = open(InputStream.nullInputStream(), 0)) {
        return reader.countRest();
      }
    }

    /** @throws IllegalStateException if it has not been downloaded */
    @Override
    public UrlListReader open(InputStream stdin, int firstIndex) {
      if (content == null) {
        throw new IllegalStateException(name() + " has not been downloaded");
      }
      return new UrlListReader(name(), new ByteArrayInputStream(content), firstIndex);
    }

    @Override
    public String toString() {
      return name() + (content == null ? "" : " (" + content.length + " bytes)");
    }
  }
}
