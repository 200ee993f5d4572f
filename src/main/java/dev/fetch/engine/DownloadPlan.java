package dev.fetch.engine;

import dev.fetch.download.DownloadSettings;
import dev.fetch.input.Inputs;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.Order;
import java.util.Objects;

/**
 * Everything a download run was asked to do, checked and immutable. Built once by the command
 * line (or by a comparison for each of its runs), carried out by {@link DownloadRun}.
 *
 * @param inputs the URLs and URL lists, in order, every list at a URL already downloaded
 *     ({@link RemoteLists}): a plan never touches the network before its run
 * @param mode the strategy
 * @param order the order results are reported in
 * @param settings how each URL is downloaded, the worker count included: passed whole to the
 *     strategy and, in {@code processes} mode, to every worker process
 * @param done the URLs earlier runs finished ({@code --skip-done}), skipped without a request;
 *     read by the parent only, before the run
 */
public record DownloadPlan(Inputs inputs, Mode mode, Order order, DownloadSettings settings,
    DoneUrls done) {
  public DownloadPlan {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(done, "done");
    if (!inputs.toDownload().isEmpty()) {
      throw new IllegalArgumentException("lists not downloaded yet: " + inputs.toDownload());
    }
  }

  /** A plan that skips nothing. */
  public DownloadPlan(Inputs inputs, Mode mode, Order order, DownloadSettings settings) {
    this(inputs, mode, order, settings, DoneUrls.NONE);
  }

  /** A plan for one list: a file's path, or {@code -} for standard input. */
  public DownloadPlan(String list, Mode mode, Order order, DownloadSettings settings) {
    this(Inputs.of(list), mode, order, settings);
  }
}
