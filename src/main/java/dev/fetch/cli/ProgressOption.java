package dev.fetch.cli;

import java.util.Locale;

/** When to draw the progress bar on stderr. */
public enum ProgressOption {
  /** When stderr is a terminal and {@code -q} was not given. */
  AUTO,
  ALWAYS,
  NEVER;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
