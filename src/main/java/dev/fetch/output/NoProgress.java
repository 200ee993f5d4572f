package dev.fetch.output;

/** The progress display that shows nothing. */
enum NoProgress implements Progress {
  INSTANCE;

  @Override
  public void step() {}

  @Override
  public void close() {}
}
