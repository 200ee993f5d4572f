package dev.fetch.compare.html;

import dev.fetch.compare.RunRecord;
import dev.fetch.trace.Lane;
import dev.fetch.trace.Lanes;
import dev.fetch.trace.Slice;
import dev.fetch.trace.UrlRecord;
import java.util.List;

/**
 * Chart 4, {@code <svg class="timeline">}: one run drawn as the tutorial draws concurrency, a lane
 * per worker as {@link Lanes} lays them out (natural order, real workers only, no two bars of a
 * lane overlapping) and a bar per URL from its start to its end; failed URLs in another colour;
 * in processes mode a worker JVM's start-up as a grey bar of its own. Each bar's tooltip gives its
 * URL, outcome, bytes and time.
 */
final class Timeline {
  private static final int WIDTH = 960;
  private static final int LEFT = 130;
  private static final int RIGHT = 24;
  private static final int TOP = 8;
  private static final int AXIS = 46;
  private static final int MAX_LANES_HEIGHT = 600;

  private Timeline() {}

  static String render(RunRecord run) {
    List<Lane> lanes = Lanes.of(run.urls());
    double lane = Math.max(1, Math.min(22, MAX_LANES_HEIGHT / (double) Math.max(1,
        lanes.size())));
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
        Svg.text(svg, "lane-label", LEFT - 8, y + lane / 2 + 4, "end", lanes.get(i).name());
      }
    }
    Svg.xAxis(svg, x, TOP, bottom, "time since the run started (ms)");
    double inset = lane >= 8 ? 3 : lane >= 3 ? 0.5 : 0;
    // Thin lanes drop the white gap between bars, which would cover them.
    svg.append(lane >= 8 ? "<g class=\"bars\">\n" : "<g class=\"bars dense\">\n");
    for (int i = 0; i < lanes.size(); i++) {
      double y = TOP + i * lane + inset;
      for (Slice s : lanes.get(i).slices()) {
        double left = x.at(Math.max(0, s.startMs()));
        String kind = s.startup() ? "startup" : s.url().succeeded() ? "m-" + mode : "failed";
        svg.append("<rect class=\"bar ").append(kind).append("\" x=\"").append(Svg.n(left))
            .append("\" y=\"").append(Svg.n(y)).append("\" width=\"")
            .append(Svg.n(Math.max(1, x.at(s.endMs()) - left))).append("\" height=\"")
            .append(Svg.n(lane - 2 * inset)).append("\">")
            .append(Svg.title(tooltip(s, lanes.get(i).name()))).append("</rect>\n");
      }
    }
    svg.append("</g>\n");
    double finish = x.at(run.seconds() * 1000);
    Svg.line(svg, "finish", finish, TOP - 4, finish, bottom);
    return Svg.close(svg);
  }

  /** The names of a run's lanes, as drawn. */
  static List<String> lanes(RunRecord run) {
    return Lanes.of(run.urls()).stream().map(Lane::name).toList();
  }

  private static String tooltip(Slice s, String lane) {
    if (s.startup()) {
      return lane + ": worker JVM start-up, " + Html.number(s.endMs() - s.startMs(), 0)
          + " ms (" + Html.number(s.startMs(), 0) + "–" + Html.number(s.endMs(), 0)
          + "), until its first download began";
    }
    UrlRecord u = s.url();
    String outcome = u.succeeded()
        ? "HTTP " + u.status()
        : "failed: " + u.errorKind() + (u.status() == null ? "" : " (HTTP " + u.status() + ")");
    return u.url() + "\n" + outcome + " · " + u.bytes() + " bytes · "
        + Html.number(s.endMs() - s.startMs(), 0) + " ms ("
        + Html.number(s.startMs(), 0) + "–" + Html.number(s.endMs(), 0) + ")"
        + (u.attempts() > 1 ? " · " + u.attempts() + " attempts" : "")
        + (u.worker() == null ? "" : " · " + u.worker());
  }
}
