package dev.fetch.cli;

import java.util.Locale;

/** A shell that {@code fetch completion} writes a script for. */
public enum Shell {
  BASH,
  /** Through zsh's {@code bashcompinit}, which the script loads itself. */
  ZSH;

  /** The name users type, e.g. {@code bash}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
