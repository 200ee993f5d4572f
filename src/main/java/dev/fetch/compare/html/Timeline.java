package dev.fetch.compare.html;

import dev.fetch.trace.NaturalOrder;
import dev.fetch.compare.RunRecord;
import dev.fetch.trace.UrlRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chart 4, {@code <svg class="timeline">}: one run drawn as the tutorial draws concurrency, a lane
 * per worker (in natural order: worker-2 before worker-10) and a bar per URL from its start to its
 * end; failed URLs in another colour. Each bar's tooltip gives its URL, outcome, bytes and time.
 */
final class Timeline {
  /** The lane of URLs that no worker ran (they failed before a request). */
  static final String NO_WORKER = "(no worker)";

  private static final int WIDTH = 960;
  private static final int LEFT = 100;
  private static final int RIGHT = 24;
  private static final int TOP = 8;
  private static final int AXIS = 46;
  private static final int MAX_LANES_HEIGHT = 600;

  private Timeline() {}

  static String render(RunRecord run) {
    List<String> lanes = lanes(run);
    Map<String, Integer> laneIndex = new HashMap<>();
    for (String name : lanes) {
      laneIndex.put(name, laneIndex.size());
    }
    double lane = Math.max(1, Math.min(22, MAX_LANES_HEIGHT / (double) lanes.size()));
    double bottom = TOP + lane * lanes.size();
    double end = run.seconds() * 1000;
    for (UrlRecord u : run.urls()) {
      end = Math.max(end, u.endMs());
    }
    Scale x = Scale.zeroTo(end, LEFT, WIDTH - RIGHT, 10);
    String mode = run.combination().mode().toString();
    StringBuilder svg = Svg.open("class=\"timeline\"", WIDTH, (int) Math.ceil(bottom + AXIS),
        "Timeline of run " + run.sequence() + " of " + run.combination().label()
            + ": a lane per worker, a bar per URL");
    for (int i = 0; i < lanes.size(); i++) {
      double y = TOP + i * lane;
      svg.append("<rect class=\"lane").append(i % 2 == 0 ? "" : " odd").append("\" x=\"")
          .append(LEFT).append("\" y=\"").append(Svg.n(y)).append("\" width=\"")
          .append(WIDTH - RIGHT - LEFT).append("\" height=\"").append(Svg.n(lane))
          .append("\"/>\n");
      if (lane >= 11) {
        Svg.text(svg, "lane-label", LEFT - 8, y + lane / 2 + 4, "end", lanes.get(i));
      }
    }
    Svg.xAxis(svg, x, TOP, bottom, "time since the run started (ms)");
    double inset = lane >= 8 ? 3 : lane >= 3 ? 0.5 : 0;
    // Thin lanes drop the white gap between bars, which would cover them.
    svg.append(lane >= 8 ? "<g class=\"bars\">\n" : "<g class=\"bars dense\">\n");
    for (UrlRecord u : run.urls()) {
      double y = TOP + laneIndex.get(laneOf(u)) * lane + inset;
      double left = x.at(Math.max(0, u.startMs()));
      svg.append("<rect class=\"bar ").append(u.succeeded() ? "m-" + mode : "failed")
          .append("\" x=\"").append(Svg.n(left)).append("\" y=\"").append(Svg.n(y))
          .append("\" width=\"").append(Svg.n(Math.max(1, x.at(u.endMs()) - left)))
          .append("\" height=\"").append(Svg.n(lane - 2 * inset)).append("\">")
          .append(Svg.title(tooltip(u))).append("</rect>\n");
    }
    svg.append("</g>\n");
    double finish = x.at(run.seconds() * 1000);
    Svg.line(svg, "finish", finish, TOP - 4, finish, bottom);
    return Svg.close(svg);
  }

  /** The distinct workers of a run, in natural order; a URL without one gets its own lane. */
  static List<String> lanes(RunRecord run) {
    TreeSet<String> names = new TreeSet<>(NaturalOrder.INSTANCE);
    boolean none = false;
    for (UrlRecord u : run.urls()) {
      if (u.worker() == null) {
        none = true;
      } else {
        names.add(u.worker());
      }
    }
    List<String> lanes = new ArrayList<>(names);
    if (none) {
      lanes.add(NO_WORKER);
    }
    return lanes;
  }

  private static String laneOf(UrlRecord u) {
    return u.worker() == null ? NO_WORKER : u.worker();
  }

  private static String tooltip(UrlRecord u) {
    String outcome = u.succeeded()
        ? "HTTP " + u.status()
        : "failed: " + u.errorKind() + (u.status() == null ? "" : " (HTTP " + u.status() + ")");
    return u.url() + "\n" + outcome + " · " + u.bytes() + " bytes · "
        + Html.number(u.endMs() - u.startMs(), 0) + " ms ("
        + Html.number(u.startMs(), 0) + "–" + Html.number(u.endMs(), 0) + ")"
        + (u.attempts() > 1 ? " · " + u.attempts() + " attempts" : "")
        + (u.worker() == null ? "" : " · " + u.worker());
  }
}
