package dev.fetch.build;

import dev.fetch.cli.FetchCommandLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time documents made from the command line's picocli model, run by Maven before
 * packaging (see {@code pom.xml}): the man pages as AsciiDoc (picocli-codegen's
 * {@link ManPageGenerator}; Asciidoctor then writes {@code fetch.1} and one page per
 * subcommand) and the bash completion script ({@code fetch completion bash}). It lives with the
 * tests because picocli-codegen is a build tool, not part of fetch's jar.
 */
public final class GenerateDocs {
  private GenerateDocs() {}

  /**
   * Writes the AsciiDoc pages into {@code args[0]} and the completion script to
   * {@code args[1]}, creating directories as needed.
   *
   * @throws IllegalStateException if a generator reports a failure
   */
  public static void main(String[] args) throws IOException {
    Path pages = Path.of(args[0]);
    Path completion = Path.of(args[1]);
    Files.createDirectories(pages);
    Files.createDirectories(completion.toAbsolutePath().getParent());
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());

    CommandLine documented = FetchCommandLine.forDocumentation(nowhere, nowhere);
    asManPages(documented);
    int status = ManPageGenerator.generateManPage(pages.toFile(), null, new boolean[0], false,
        documented.getCommandSpec());
    if (status != 0) {
      throw new IllegalStateException("ManPageGenerator failed with status " + status);
    }

    try (PrintWriter script = new PrintWriter(Files.newBufferedWriter(completion,
        StandardCharsets.UTF_8))) {
      CommandLine cli = FetchCommandLine.create(script, nowhere);
      if (cli.execute("completion", "bash") != 0) {
        throw new IllegalStateException("fetch completion bash failed");
      }
    }
  }

  /**
   * Man page conventions on this documentation-only tree: the NAME line is the description's
   * first sentence, lower-case, and section titles have no colon.
   */
  private static void asManPages(CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    String description = String.join(" ", usage.description());
    int end = description.indexOf(". ");
    String summary = end < 0 ? description.replaceFirst("\\.$", "")
        : description.substring(0, end);
    usage.header(summary.substring(0, 1).toLowerCase(Locale.ROOT) + summary.substring(1));
    usage.exitCodeListHeading("Exit codes");
    usage.footerHeading("Examples");
    for (CommandLine sub : command.getSubcommands().values()) {
      asManPages(sub);
    }
  }
}
