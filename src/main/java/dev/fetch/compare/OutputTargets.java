package dev.fetch.compare;

import dev.fetch.output.OutputPaths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a comparison's exports go: each a path, {@code -} for standard output, or null for none.
 * Built only through {@link #of}, which checks every target before any run, so an export that
 * cannot be written is a usage error up front rather than a failure after the last run.
 *
 * @param json {@code --export-json}
 * @param csv {@code --export-csv}
 * @param markdown {@code --export-markdown}
 * @param junit {@code --export-junit}, the checks as JUnit XML
 * @param report {@code --report}, the HTML report
 * @param trace {@code --trace}, Chrome Trace Event JSON
 */
public record OutputTargets(String json, String csv, String markdown, String junit,
    String report, String trace) {

  /** No export at all. */
  public static final OutputTargets NONE = new OutputTargets(null, null, null, null, null, null);

  /** The marker for standard output. */
  public static final String STDOUT = "-";

  /**
   * Checks and returns the targets. A path is writable when its directory exists and is
   * writable and the path itself is not a directory; nothing is created or truncated. At most
   * one target may be {@code -}: two would interleave on standard output.
   *
   * @throws PlanException naming the option and the path, e.g.
   *     {@code --report: cannot write /nope/r.html (no such directory /nope)}
   */
  public static OutputTargets of(String json, String csv, String markdown, String junit,
      String report, String trace) {
    OutputTargets targets = new OutputTargets(json, csv, markdown, junit, report, trace);
    String stdoutOption = null;
    for (Map.Entry<String, String> e : targets.byOption().entrySet()) {
      if (e.getValue().equals(STDOUT)) {
        if (stdoutOption != null) {
          throw new PlanException(stdoutOption + " and " + e.getKey() + " both write to "
              + "standard output (-); send one of them to a file");
        }
        stdoutOption = e.getKey();
      } else {
        checkWritable(e.getKey(), e.getValue());
      }
    }
    return targets;
  }

  /** Whether some export goes to standard output (the table then goes to standard error). */
  public boolean toStdout() {
    return byOption().containsValue(STDOUT);
  }

  /** Whether {@link #json} is a file, rewritten after every run. */
  public boolean jsonToFile() {
    return json != null && !json.equals(STDOUT);
  }

  /** Every given target by its option's name, in the order of the options. */
  public Map<String, String> byOption() {
    Map<String, String> all = new LinkedHashMap<>();
    put(all, "--export-json", json);
    put(all, "--export-csv", csv);
    put(all, "--export-markdown", markdown);
    put(all, "--export-junit", junit);
    put(all, "--report", report);
    put(all, "--trace", trace);
    return all;
  }

  private static void put(Map<String, String> all, String option, String target) {
    if (target != null) {
      all.put(option, target);
    }
  }

  private static void checkWritable(String option, String target) {
    if (target.isEmpty()) {
      throw new PlanException(option + ": an empty path names no file");
    }
    String problem = OutputPaths.problem(target);
    if (problem != null) {
      throw new PlanException(option + ": cannot write " + target + " (" + problem + ")");
    }
  }
}
