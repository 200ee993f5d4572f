package dev.fetch.compare;

import dev.fetch.compare.stats.Confidence;
import dev.fetch.log.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gathers a {@link ComparePlan}'s parts as the command line gives them (labels, requirement
 * texts, a percentage, the baseline's path) and checks them in {@link #build()}, which also reads
 * the baseline file: every mistake is a {@link PlanException} before any run. Not thread-safe;
 * use once.
 */
public final class PlanBuilder {
  private static final Pattern PERCENT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%?\\s*");

  private String list;
  private String listSha256;
  private long urls;
  private List<Combination> combinations = List.of();
  private String reference;
  private List<String> requirements = List.of();
  private int runs = 6;
  private int warmup = 1;
  private long seed;
  private String confidence;
  private String baselineFile;
  private Baseline baseline;
  private boolean allowDifferentList;
  private String maxRegression;
  private OutputTargets outputs = OutputTargets.NONE;

  PlanBuilder() {}

  public PlanBuilder list(String name, long urlCount) {
    this.list = name;
    this.urls = urlCount;
    return this;
  }

  /** The SHA-256 of the list's bytes, hex: how a baseline knows it measured the same list. */
  public PlanBuilder listSha256(String hex) {
    this.listSha256 = hex;
    return this;
  }

  public PlanBuilder combinations(List<Combination> compared) {
    this.combinations = List.copyOf(compared);
    return this;
  }

  /** A label such as {@code threads:5} or {@code sequential}; null for the first combination. */
  public PlanBuilder reference(String label) {
    this.reference = label;
    return this;
  }

  /** Requirement texts such as {@code threads:5 >= 2x sequential}. */
  public PlanBuilder require(List<String> texts) {
    this.requirements = List.copyOf(texts);
    return this;
  }

  public PlanBuilder runs(int runs) {
    this.runs = runs;
    return this;
  }

  public PlanBuilder warmup(int warmup) {
    this.warmup = warmup;
    return this;
  }

  public PlanBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** {@code 0.95} or {@code 95%}; null for the default, 95%. */
  public PlanBuilder confidence(String level) {
    this.confidence = level;
    return this;
  }

  /** The path of an earlier {@code --export-json}, read in {@link #build()}; null for none. */
  public PlanBuilder baselineFile(String path, boolean allowDifferentList) {
    this.baselineFile = path;
    this.allowDifferentList = allowDifferentList;
    return this;
  }

  /** A baseline already read (tests build theirs through {@link BaselineFile#parse}). */
  public PlanBuilder baseline(Baseline read, boolean allowDifferentList) {
    this.baseline = read;
    this.allowDifferentList = allowDifferentList;
    return this;
  }

  /** {@code 10%} or {@code 10}; null for no regression check. */
  public PlanBuilder maxRegression(String percent) {
    this.maxRegression = percent;
    return this;
  }

  public PlanBuilder outputs(OutputTargets outputs) {
    this.outputs = outputs;
    return this;
  }

  /**
   * The checked plan.
   *
   * @throws PlanException naming the option at fault: {@code --reference} or {@code --require}
   *     naming no compared combination (or several), a malformed {@code --require},
   *     {@code --confidence} or {@code --max-regression}, a baseline that cannot be read, shares
   *     no combination or measured another list, bounds
   */
  public ComparePlan build() {
    if (combinations.isEmpty()) {
      throw new PlanException("nothing to compare");
    }
    Combination ref;
    try {
      ref = reference == null ? combinations.get(0)
          : Combination.parse(reference, combinations);
    } catch (IllegalArgumentException e) {
      throw new PlanException("--reference: " + e.getMessage());
    }
    List<Requirement> gates = new ArrayList<>();
    for (String text : requirements) {
      Requirement parsed;
      try {
        parsed = Requirement.parse(text);
      } catch (IllegalArgumentException e) {
        throw new PlanException("--require: " + e.getMessage());
      }
      try {
        gates.add(parsed.resolve(combinations));
      } catch (IllegalArgumentException e) {
        throw new PlanException("--require '" + parsed.text() + "': " + e.getMessage());
      }
    }
    Confidence level;
    try {
      level = confidence == null ? Confidence.DEFAULT : Confidence.parse(confidence);
    } catch (IllegalArgumentException e) {
      throw new PlanException("--confidence: " + e.getMessage());
    }
    double regression = regression();
    Baseline old = baseline != null ? baseline
        : baselineFile != null ? BaselineFile.read(baselineFile) : null;
    if (old != null) {
      check(old);
    }
    return new ComparePlan(list, listSha256, urls, combinations, ref, gates, runs, warmup, seed,
        level, old, regression, outputs);
  }

  private double regression() {
    if (maxRegression == null) {
      return Double.NaN;
    }
    if (baseline == null && baselineFile == null) {
      throw new PlanException("--max-regression needs --baseline, the earlier --export-json to "
          + "compare with");
    }
    Matcher m = PERCENT.matcher(maxRegression);
    double percent = m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
    if (!(percent <= 1000)) {
      throw new PlanException("--max-regression: '" + maxRegression + "' is not a percentage "
          + "from 0 to 1000 (write 10% or 10)");
    }
    return percent / 100;
  }

  private void check(Baseline old) {
    String file = Diagnostics.printable(old.file());
    if (combinations.stream().noneMatch(c -> old.times().containsKey(c.label()))) {
      throw new PlanException("--baseline " + file + " has none of the compared combinations ("
          + labels() + "); it has " + String.join(", ", old.times().keySet()));
    }
    if (!allowDifferentList && !old.sameList(list, urls, listSha256)) {
      throw new PlanException(String.format(Locale.ROOT, "--baseline %s measured another list "
          + "(%s, %d URLs%s; now %s, %d URLs%s); add --allow-different-list to compare anyway",
          file, Diagnostics.printable(old.list()), old.urls(), digest(old.listSha256()),
          Diagnostics.printable(list), urls, digest(listSha256)));
    }
  }

  private String labels() {
    return combinations.stream().map(Combination::label).collect(Collectors.joining(", "));
  }

  private static String digest(String sha256) {
    return sha256 == null ? "" : ", SHA-256 " + sha256.substring(0, Math.min(12, sha256.length()));
  }
}
