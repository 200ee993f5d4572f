package dev.fetch.compare;

/** One place in a comparison's schedule: which combination runs, and whether it only warms up. */
public record Slot(Combination combination, boolean warmup) {}
