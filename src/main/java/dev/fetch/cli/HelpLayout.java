package dev.fetch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's help reads, set once on the whole command tree so that no command can drift:
 *
 * <ul>
 *   <li>the synopsis is abbreviated, {@code fetch [OPTIONS] FILE [COMMAND]}: what to type first,
 *       not every option again (they are listed below it);
 *   <li>example lines in a footer are printed as written, never wrapped, so a command copied from
 *       the help runs; a long one is continued with a backslash in the source;
 *   <li>exit codes are listed in numeric order, whatever order the annotation gives.
 * </ul>
 */
final class HelpLayout {
  private HelpLayout() {}

  /** Applies the layout to {@code root} and every subcommand below it. */
  static void apply(CommandLine root) {
    UsageMessageSpec usage = root.getCommandSpec().usageMessage();
    usage.abbreviateSynopsis(true);
    usage.exitCodeList(numericOrder(usage.exitCodeList()));
    root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
    for (CommandLine sub : root.getSubcommands().values()) {
      apply(sub);
    }
  }

  /** The footer's lines as written, each formatted as picocli formats them ({@code %n}). */
  private static String footer(Help help) {
    StringBuilder text = new StringBuilder();
    for (String line : help.commandSpec().usageMessage().footer()) {
      text.append(String.format(Locale.ROOT, line)).append(System.lineSeparator());
    }
    return text.toString();
  }

  /** {@code codes} sorted by their numeric key; a key that is not a number goes last. */
  static Map<String, String> numericOrder(Map<String, String> codes) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(codes.entrySet());
    entries.sort((a, b) -> Long.compare(number(a.getKey()), number(b.getKey())));
    Map<String, String> sorted = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : entries) {
      sorted.put(entry.getKey(), entry.getValue());
    }
    return sorted;
  }

  private static long number(String key) {
    try {
      return Long.parseLong(key.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
