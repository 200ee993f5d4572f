package dev.fetch.compare.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps data values onto a chart axis in pixels, linearly from zero or on a log2 scale, and
 * chooses its ticks.
 *
 * @param low the domain's low end (for log2: its exponent)
 * @param high the domain's high end (for log2: its exponent)
 * @param from the pixel coordinate of {@code low}; may be greater than {@code to} (a y axis)
 * @param step the linear tick spacing, a 1, 2 or 5 times a power of ten (1 on a log2 scale)
 */
record Scale(double low, double high, double from, double to, boolean log2, double step) {

  /** A linear scale from 0 to a round number at least {@code max}, with about {@code ticks}. */
  static Scale zeroTo(double max, double from, double to, int ticks) {
    double top = Double.isFinite(max) && max > 0 ? max : 1;
    double step = niceStep(top / ticks);
    return new Scale(0, Math.ceil(top / step - 1e-9) * step, from, to, false, step);
  }

  /** A log2 scale covering {@code min..max} with a little room at both ends. */
  static Scale log2(double min, double max, double from, double to) {
    return new Scale(log2(min) - 0.3, log2(max) + 0.3, from, to, true, 1);
  }

  /** The pixel coordinate of {@code value}. */
  double at(double value) {
    double v = log2 ? log2(value) : value;
    return from + (v - low) / (high - low) * (to - from);
  }

  /** Tick values: multiples of the step, or powers of two (at most about ten of them). */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    if (log2) {
      int first = (int) Math.ceil(low);
      int last = (int) Math.floor(high);
      int every = Math.max(1, (int) Math.ceil((last - first + 1) / 10.0));
      for (int p = first; p <= last; p += every) {
        ticks.add(Math.pow(2, p));
      }
    } else {
      for (int i = 0; i * step <= high + step * 1e-9; i++) {
        ticks.add(i * step);
      }
    }
    return ticks;
  }

  /** A tick's label, with as many decimals as the step needs. */
  String label(double tick) {
    int decimals = log2 ? 0 : Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", tick);
  }

  private static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double normal = raw / magnitude;
    double nice = normal < 1.5 ? 1 : normal < 3 ? 2 : normal < 7 ? 5 : 10;
    return nice * magnitude;
  }

  private static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }
}
