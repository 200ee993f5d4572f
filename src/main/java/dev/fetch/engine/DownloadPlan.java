package dev.fetch.engine;

import dev.fetch.download.DownloadSettings;
import dev.fetch.output.Format;
import dev.fetch.strategy.Mode;
import java.nio.file.Path;

/**
 * Everything a download run was asked to do, checked and immutable. Built by the command line,
 * carried out by {@link DownloadRun}.
 *
 * @param input the URL list: a path, or {@code -} for standard input
 * @param workers how many downloads at once (1 for sequential)
 * @param download how each URL is downloaded: client settings, retries, output directory
 * @param saveFailed where to list failed URLs, or null
 * @param quiet print only the summary
 */
public record DownloadPlan(
    String input, Mode mode, int workers, Order order, Format format, DownloadSettings download,
    Path saveFailed, boolean quiet) {}
