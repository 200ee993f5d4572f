package dev.fetch.compare.export;

import dev.fetch.compare.Comparison;
import dev.fetch.compare.Verdict;
import dev.fetch.log.Diagnostics;
import java.util.List;

/**
 * {@code --export-junit}: the checks as a JUnit XML report, which CI systems (GitHub actions that
 * publish test reports, GitLab, Jenkins) display natively: one test case per {@code --require}
 * gate (class {@value #REQUIRE}) and per combination checked against its baseline under
 * {@code --max-regression} (class {@value #REGRESSION}); a failed check is a {@code <failure>}
 * with its reason, a passed one carries its reason as {@code <system-out>}. With no checks, the
 * suite has no test case. Text is escaped for XML 1.0, control characters as {@code \\uXXXX}
 * (XML cannot hold most of them at all). Pure.
 */
public final class JUnitExport {
  static final String REQUIRE = "fetch.compare.require";
  static final String REGRESSION = "fetch.compare.regression";

  private JUnitExport() {}

  public static String render(Comparison c) {
    List<Verdict> requirements = c.requirements();
    List<Verdict> regressions = c.regressions();
    int tests = requirements.size() + regressions.size();
    long failures = c.verdicts().stream().filter(v -> !v.pass()).count();
    String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\"";
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"fetch compare\"").append(counts).append(">\n");
    xml.append("  <testsuite name=\"").append(escape("fetch compare " + c.list())).append('"')
        .append(counts).append(" skipped=\"0\" timestamp=\"")
        .append(escape(c.environment().timestamp())).append("\">\n");
    requirements.forEach(v -> testCase(xml, REQUIRE, v));
    regressions.forEach(v -> testCase(xml, REGRESSION, v));
    return xml.append("  </testsuite>\n</testsuites>\n").toString();
  }

  private static void testCase(StringBuilder xml, String className, Verdict v) {
    xml.append("    <testcase classname=\"").append(className).append("\" name=\"")
        .append(escape(v.expr())).append("\">\n");
    if (v.pass()) {
      xml.append("      <system-out>").append(escape(v.reason())).append("</system-out>\n");
    } else {
      xml.append("      <failure type=\"").append(v.reason().startsWith("cannot be judged")
          ? "not judged" : "check failed").append("\" message=\"").append(escape(v.reason()))
          .append("\">").append(escape(v.toString())).append("</failure>\n");
    }
    xml.append("    </testcase>\n");
  }

  /** Text for XML 1.0 content or a double-quoted attribute. */
  static String escape(String text) {
    String printable = Diagnostics.printable(text);
    StringBuilder out = new StringBuilder(printable.length() + 16);
    for (int i = 0; i < printable.length(); i++) {
      char ch = printable.charAt(i);
      switch (ch) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&apos;"); break;
        default:
          out.append(xmlChar(printable, i) ? String.valueOf(ch)
              : String.format("\\u%04x", (int) ch));
      }
    }
    return out.toString();
  }

  /** Whether the char at {@code i} may appear in XML 1.0: not U+FFFE, U+FFFF, a lone surrogate. */
  private static boolean xmlChar(String text, int i) {
    char ch = text.charAt(i);
    if (ch == '\uFFFE' || ch == '\uFFFF') {
      return false;
    }
    if (Character.isHighSurrogate(ch)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(ch)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return true;
  }
}
