package dev.fetch.output;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar drawn on a terminal by the progressbar library. */
public final class TerminalProgress implements Progress {
  private final ProgressBar bar;

  /**
   * @param total the number of URLs if known, or -1 to show a count without a bar
   * @param err where to draw: the terminal's stderr
   */
  public TerminalProgress(long total, PrintWriter err) {
    this.bar = new ProgressBarBuilder()
        .setTaskName("fetch")
        .setInitialMax(total)
        .setUnit(" URLs", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new WriterStream(err), true,
            StandardCharsets.UTF_8)))
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .clearDisplayOnFinish()
        .build();
  }

  @Override
  public void step() {
    bar.step();
  }

  @Override
  public void close() {
    bar.close();
  }
}
