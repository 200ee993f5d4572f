package dev.fetch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The completion script of a command tree, for bash and for zsh (through its
 * {@code bashcompinit}): picocli's {@link AutoComplete} script, made from the same model as the
 * help, followed by a small function that is registered in its place and adds what picocli's
 * lacks:
 *
 * <ul>
 *   <li>{@code --option=VALUE} completes like {@code --option VALUE} ({@code --mode=} offers the
 *       modes). Bash splits the word at {@code =}, zsh keeps it whole; picocli's function only
 *       looks at the word before.
 *   <li>A command that takes list files ({@code fetch}, {@code compare}) completes file names
 *       too, besides subcommand names.
 * </ul>
 *
 * <p>Pure: the same tree gives the same script.
 */
final class CompletionScript {
  private CompletionScript() {}

  /** The whole script for {@code root}, named by its command name. */
  static String of(CommandLine root) {
    String name = root.getCommandName();
    String function = "_complete_" + name;
    return AutoComplete.bash(name, root) + "\n" + String.join("\n",
        "# Added by fetch (cli/CompletionScript): --option=VALUE completes as --option VALUE",
        "# (bash splits the word at '=', zsh keeps it whole), and commands that read list",
        "# files complete file names too.",
        "_" + name + "_value_options=' " + String.join(" ", valueOptions(root)) + " '",
        "_" + name + "_file_commands=' " + String.join(" ", fileCommands(root)) + " '",
        "function " + function + "_words() {",
        "  local cur=${COMP_WORDS[COMP_CWORD]} before=''",
        "  (( COMP_CWORD > 0 )) && before=${COMP_WORDS[COMP_CWORD-1]}",
        "  if [[ $cur == '=' && $before == -* ]]; then",
        "    COMP_WORDS=(\"${COMP_WORDS[@]:0:$COMP_CWORD}\" '')",
        "    " + function,
        "    return",
        "  fi",
        "  if [[ $before == '=' ]] && (( COMP_CWORD > 1 ))"
            + " && [[ ${COMP_WORDS[COMP_CWORD-2]} == -* ]]; then",
        "    COMP_WORDS=(\"${COMP_WORDS[@]:0:$((COMP_CWORD - 1))}\" \"$cur\")",
        "    COMP_CWORD=$((COMP_CWORD - 1))",
        "    " + function,
        "    return",
        "  fi",
        "  if [[ $cur == --*=* ]]; then",
        "    local option=${cur%%=*}",
        "    COMP_WORDS=(\"${COMP_WORDS[@]:0:$COMP_CWORD}\" \"$option\" \"${cur#*=}\")",
        "    COMP_CWORD=$((COMP_CWORD + 1))",
        "    " + function,
        "    COMPREPLY=(\"${COMPREPLY[@]/#/$option=}\")",
        "    return",
        "  fi",
        "  " + function,
        "  local command=" + name + " word i",
        "  for (( i = 1; i < COMP_CWORD; i++ )); do",
        "    word=${COMP_WORDS[i]}",
        "    [[ ' " + String.join(" ", subcommands(root)) + " ' == *\" $word \"* ]]"
            + " && command=$word",
        "  done",
        "  if [[ $cur != -* && $_" + name + "_value_options != *\" $before \"*",
        "      && $_" + name + "_file_commands == *\" $command \"* ]]; then",
        "    type compopt &>/dev/null && compopt -o filenames",
        "    local IFS=$'\\n'",
        "    COMPREPLY+=( $(compgen -f -- \"$cur\") )",
        "  fi",
        "}",
        "complete -F " + function + "_words -o default " + name,
        "");
  }

  /** Every option name, in any command, that takes a value. */
  private static Set<String> valueOptions(CommandLine command) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (option.arity().max() > 0) {
        names.addAll(List.of(option.names()));
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      names.addAll(valueOptions(sub));
    }
    return names;
  }

  /** The names of the commands (the root's own name for it) with a positional list file. */
  private static List<String> fileCommands(CommandLine root) {
    List<String> names = new ArrayList<>();
    if (takesFiles(root.getCommandSpec())) {
      names.add(root.getCommandName());
    }
    for (CommandLine sub : root.getSubcommands().values()) {
      if (takesFiles(sub.getCommandSpec())) {
        names.add(sub.getCommandName());
      }
    }
    return names;
  }

  private static List<String> subcommands(CommandLine root) {
    return new ArrayList<>(root.getSubcommands().keySet());
  }

  private static boolean takesFiles(CommandSpec spec) {
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (!positional.type().isEnum()) {
        return true;
      }
    }
    return false;
  }
}
