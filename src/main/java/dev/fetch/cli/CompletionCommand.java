package dev.fetch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fetch completion bash|zsh}: prints the shell completion script of the whole command
 * tree, made from the same picocli model as the help ({@link CompletionScript}). The build
 * installs the same script as {@code share/bash-completion/completions/fetch}.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Prints the shell completion script for fetch: options, their values (modes, "
        + "formats, ...), subcommands and list files. Load it in the current shell, or save it "
        + "where your shell loads completions.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  source <(fetch completion bash)",
        "  fetch completion bash > ~/.local/share/bash-completion/completions/fetch",
        "  echo 'source <(fetch completion zsh)' >> ~/.zshrc"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the script was printed", "2:usage error: no shell, or an unknown one"})
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL",
      description = "The shell: ${COMPLETION-CANDIDATES} (zsh loads the same script through "
          + "bashcompinit).")
  Shell shell;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(CompletionScript.of(spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
