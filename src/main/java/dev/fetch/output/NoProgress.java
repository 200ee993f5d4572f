package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import java.io.PrintWriter;

/** The progress display that shows nothing: stderr's lines go straight to it. */
final class NoProgress implements Progress {
  private final PrintWriter err;

  NoProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void start() {}

  @Override
  public void accept(DownloadResult result) {}

  @Override
  public PrintWriter err() {
    return err;
  }

  @Override
  public void close() {}
}
