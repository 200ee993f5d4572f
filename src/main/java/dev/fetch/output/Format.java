package dev.fetch.output;

import java.nio.file.Path;
import java.util.Locale;

/** The output formats of {@code --format}; each constant builds its formatter. */
public enum Format {
  TEXT {
    @Override
    public ResultFormatter formatter() {
      return new TextFormatter();
    }

    @Override
    public ResultFormatter formatter(Path outputDir) {
      return new TextFormatter(outputDir);
    }
  },
  JSONL {
    @Override
    public ResultFormatter formatter() {
      return new JsonLinesFormatter();
    }
  },
  CSV {
    @Override
    public ResultFormatter formatter() {
      return new CsvFormatter();
    }
  };

  public abstract ResultFormatter formatter();

  /**
   * The formatter for a run that saves bodies in {@code outputDir} (as the user named it; null
   * when it saves none): the text format shows each saved file's path under it.
   */
  public ResultFormatter formatter(Path outputDir) {
    return formatter();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
