package dev.fetch.trace;

import java.util.List;

/**
 * One worker of a run as a timeline and a trace draw it: its name ({@code worker-3},
 * {@code async-2}, {@code worker-1/pid-4242}, or {@link Lanes#NO_WORKER}) and its slices in time
 * order, none overlapping the next.
 */
public record Lane(String name, List<Slice> slices) {
  public Lane {
    slices = List.copyOf(slices);
  }
}
