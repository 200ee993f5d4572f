package dev.fetch.strategy;

import java.util.Locale;

/** The order results are printed in. */
public enum Order {
  /** As each download finishes: the Java form of Python's {@code as_completed}. */
  COMPLETION,
  /** The order of the input list, each result held back until those before it are printed. */
  INPUT;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
