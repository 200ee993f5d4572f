package dev.fetch.run;

import dev.fetch.download.HttpSettings;
import dev.fetch.report.Format;
import dev.fetch.strategy.Mode;
import java.nio.file.Path;

/**
 * Everything a download run was asked to do, checked and immutable. Built by the command line,
 * carried out by {@link DownloadRun}.
 *
 * @param input the URL list: a path, or {@code -} for standard input
 * @param workers how many downloads at once (1 for sequential)
 * @param outputDir where to save bodies, or null to count and discard them
 * @param retries retries after a failed attempt
 * @param saveFailed where to list failed URLs, or null
 * @param quiet print only the summary
 */
public record DownloadPlan(
    String input, Mode mode, int workers, Order order, Format format, Path outputDir,
    HttpSettings http, int retries, Path saveFailed, boolean quiet) {}
