package dev.fetch.compare;

import dev.fetch.compare.stats.Ratio;

/**
 * One combination against its own baseline, as a line of {@code benchstat old new}.
 *
 * @param inBaseline whether the baseline compared this combination at all
 * @param before the baseline's statistics ({@link Stats#EMPTY} when it has no usable run of it)
 * @param after today's
 * @param change today's times over the baseline's (above 1: slower), with its interval and test
 * @param check the {@code --max-regression} verdict, or null without that option or when the
 *     baseline did not compare this combination
 */
public record BaselineRow(Combination combination, boolean inBaseline, Stats before,
    Stats after, Ratio change, Verdict check) {}
