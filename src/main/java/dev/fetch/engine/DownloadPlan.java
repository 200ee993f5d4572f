package dev.fetch.engine;

import dev.fetch.download.DownloadSettings;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.Order;

/**
 * Everything a download run was asked to do, checked and immutable. Built once by the command
 * line (or by a comparison for each of its runs), carried out by {@link DownloadRun}.
 *
 * @param input the URL list: a path, or {@code -} for standard input
 * @param mode the strategy
 * @param order the order results are reported in
 * @param settings how each URL is downloaded, the worker count included: passed whole to the
 *     strategy and, in {@code processes} mode, to every worker process
 */
public record DownloadPlan(String input, Mode mode, Order order, DownloadSettings settings) {}
