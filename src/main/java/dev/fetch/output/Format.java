package dev.fetch.output;

import java.util.Locale;

/** The output formats of {@code --format}; each constant builds its formatter. */
public enum Format {
  TEXT {
    @Override
    public ResultFormatter formatter() {
      return new TextFormatter();
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

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
