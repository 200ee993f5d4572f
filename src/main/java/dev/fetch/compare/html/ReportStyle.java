package dev.fetch.compare.html;

import dev.fetch.strategy.Mode;

/** The report's inline style sheet: layout, chart strokes, and one colour per mode. */
final class ReportStyle {
  /** Colours for the modes, by ordinal (Tableau 10, readable on white and in grey-scale). */
  private static final String[] PALETTE = {"#4c78a8", "#72b7b2", "#54a24b", "#b279a2",
      "#f58518", "#9d755d"};

  private static final String BASE = """
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
        margin: 24px auto; max-width: 1000px; padding: 0 16px; }
      h1 { font-size: 22px; margin-bottom: 4px; }
      h2 { font-size: 17px; margin-top: 32px; border-bottom: 1px solid #ddd; }
      h3 { font-size: 14px; margin: 18px 0 4px; }
      dl.meta { display: grid; grid-template-columns: max-content auto; gap: 2px 14px; }
      dl.meta dt { color: #666; } dl.meta dd { margin: 0; }
      ul.warnings { background: #fff8e1; border-left: 4px solid #f0b400;
        padding: 8px 8px 8px 28px; }
      table.summary { border-collapse: collapse; font-variant-numeric: tabular-nums; }
      table.summary th, table.summary td { padding: 4px 10px; border-bottom: 1px solid #e4e4e4; }
      table.summary th { text-align: left; background: #f4f4f4; }
      table.summary td.num { text-align: right; white-space: nowrap; }
      tr.reference td { font-weight: 600; }
      .charts { display: flex; flex-wrap: wrap; gap: 16px; }
      svg { display: block; max-width: 100%; height: auto; overflow: visible; }
      svg text { font: 12px system-ui, sans-serif; fill: #333; }
      svg .axis-title { font-size: 12px; fill: #555; }
      svg .tick-label, svg .lane-label { fill: #555; }
      svg .row-label { font-weight: 600; }
      svg .note { fill: #a33; font-style: italic; }
      svg .axis { stroke: #444; }
      svg .tick { stroke: #444; }
      svg .grid { stroke: #e8e8e8; }
      svg .ci { stroke: #222; stroke-width: 1.5; }
      svg .mean { fill: #fff; stroke: #222; stroke-width: 1.5; }
      svg .median-bar, svg .point, svg .bar, .swatch { fill: var(--c); background: var(--c); }
      svg .series { fill: none; stroke: var(--c); stroke-width: 2; }
      svg .point { stroke: #fff; stroke-width: 1.5; }
      svg .lane { fill: #fafafa; } svg .lane.odd { fill: #f0f0f0; }
      svg .bar { stroke: #fff; stroke-width: 1.5; } svg .dense .bar { stroke: none; }
      svg .bar.failed, .swatch.failed { fill: #e45756; background: #e45756; }
      svg .bar.startup, .swatch.startup { fill: #bab0ac; background: #bab0ac; }
      svg .finish { stroke: #222; stroke-dasharray: 4 3; }
      .swatch { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px;
        vertical-align: -1px; border-radius: 2px; }
      p.legend, p.note, p.caption { color: #555; }
      section.verdict { border-left: 6px solid; padding: 6px 14px; margin: 12px 0 18px; }
      section.verdict.pass { background: #e9f6ec; border-color: #2e8540; }
      section.verdict.fail { background: #fdecea; border-color: #c62828; }
      section.verdict p.headline { font-size: 17px; font-weight: 600; margin: 4px 0; }
      section.verdict ul { margin: 4px 0; padding-left: 20px; }
      section.verdict li.fail strong { color: #c62828; }
      section.verdict li.pass strong { color: #2e8540; }
      ul.differences { color: #555; }
      """;

  private ReportStyle() {}

  static String css() {
    StringBuilder css = new StringBuilder(BASE);
    for (Mode mode : Mode.values()) {
      css.append(".m-").append(mode).append(" { --c: ")
          .append(PALETTE[mode.ordinal() % PALETTE.length]).append("; }\n");
    }
    return css.toString();
  }
}
