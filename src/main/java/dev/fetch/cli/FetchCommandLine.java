package dev.fetch.cli;

import dev.fetch.input.InputException;
import dev.fetch.input.ShardBy;
import dev.fetch.log.Diagnostics;
import dev.fetch.output.Format;
import dev.fetch.output.OutputClosedException;
import dev.fetch.strategy.Order;
import dev.fetch.engine.SetupException;
import dev.fetch.time.Time;
import dev.fetch.server.CannotListenException;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.ModeUnavailableException;
import java.util.ListResourceBundle;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The single wiring point of the command line, shared by {@code main} and the tests: commands,
 * converters, streams and the mapping of exceptions to {@link ExitCodes}.
 */
public final class FetchCommandLine {
  private FetchCommandLine() {}

  /** The subcommands' names: a word of the command line equal to one of them may select it. */
  static final List<String> SUBCOMMANDS = List.of("serve", "demo", "compare", "merge",
      "completion");

  /**
   * Runs {@code fetch args} in the real process, as {@code main} does, and returns the exit
   * code, loading no more than the arguments need: {@code fetch --version} alone prints the
   * version without building the command line's model, and a command line that names no
   * subcommand and asks for no help gets the subcommands as names only ({@link #create(
   * PrintWriter, PrintWriter, Outside, boolean)}) and a {@link Warmup} of the download path
   * meanwhile. Either way the output is what the whole command line would print.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      for (String line : new VersionProvider().getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCodes.OK;
    }
    boolean subcommands = needsSubcommands(args);
    if (subcommands) {
      return create(out, err, Outside.real(), true).execute(args);
    }
    // A plain download: what it needs whatever its options is set up while picocli builds and
    // parses the model (Warmup), and the command starts only when that is done. Not for
    // processes mode, whose parent never downloads a page itself.
    Warmup warmup = namesProcessesMode(args) ? Warmup.none() : Warmup.start();
    CommandLine cli = create(out, err, Outside.real(), false);
    CommandLine.IExecutionStrategy run = cli.getExecutionStrategy();
    cli.setExecutionStrategy(parsed -> {
      warmup.await();
      return run.execute(parsed);
    });
    return cli.execute(args);
  }

  /**
   * Whether a run with {@code args} may use a subcommand's model: a word equal to a
   * subcommand's name (picocli matches them whole and case-sensitively here), or help, which
   * lists them ({@code -h}, {@code --help}, or {@code h} among clustered short options).
   */
  static boolean needsSubcommands(String... args) {
    for (String arg : args) {
      if (SUBCOMMANDS.contains(arg) || arg.equals("--help")
          || arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code args} choose processes mode, as far as words tell before parsing
   * ({@code -m processes}, {@code --mode=processes}, {@code -mprocesses}): a guess that only
   * decides whether to warm up.
   */
  static boolean namesProcessesMode(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      boolean named = arg.equals("--mode=processes") || arg.equals("-mprocesses")
          || arg.equals("-m=processes")
          || (arg.equals("-m") || arg.equals("--mode")) && i + 1 < args.length
              && args[i + 1].equals("processes");
      if (named) {
        return true;
      }
    }
    return false;
  }

  /** The command line for the real process: real stdin, environment, OS signals and time. */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(out, err, Outside.real());
  }

  /**
   * The command line with every outside dependency given: tests pass a {@link Time} whose sleeper
   * and scheduler return at once, so no test waits for a real back-off, and their own
   * environment and standard input.
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, Outside outside) {
    return create(out, err, outside, true);
  }

  /**
   * The command line, with its subcommands whole or, when {@code subcommands} is false, as
   * names only: picocli builds a command's model by reflection over its annotations, which is
   * most of fetch's start-up, and a run that names no subcommand uses only their names (to
   * suggest one for a missing list file).
   */
  static CommandLine create(PrintWriter out, PrintWriter err, Outside outside,
      boolean subcommands) {
    CommandLine cli = new CommandLine(new FetchCommand(outside), new Factory(outside));
    // Subcommands first: the settings below apply to the commands present when they are made.
    if (subcommands) {
      cli.addSubcommand("serve", new ServeCommand(outside.interrupts()));
      cli.addSubcommand("demo", new DemoCommand(outside.interrupts()));
      cli.addSubcommand("compare", new CompareCommand(outside));
      cli.addSubcommand("merge", new MergeCommand());
      cli.addSubcommand("completion", new CompletionCommand());
    } else {
      for (String name : SUBCOMMANDS) {
        cli.addSubcommand(name, CommandSpec.create());
      }
    }
    cli.setResourceBundle(new HelpValues(true));
    // "--order completion" is the order, not the subcommand (its default value too).
    cli.setAllowSubcommandsAsOptionParameters(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(Mode.class, new EnumConverter<>(Mode.class));
    cli.registerConverter(Format.class, new EnumConverter<>(Format.class));
    cli.registerConverter(Order.class, new EnumConverter<>(Order.class));
    cli.registerConverter(ProgressOption.class, new EnumConverter<>(ProgressOption.class));
    cli.registerConverter(Shell.class, new EnumConverter<>(Shell.class));
    cli.registerConverter(ShardBy.class, new EnumConverter<>(ShardBy.class));
    cli.setParameterExceptionHandler(FetchCommandLine::usageError);
    cli.setExecutionExceptionHandler(new RunFailureHandler());
    HelpLayout.apply(cli);
    return cli;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(Diagnostics.printable("fetch: " + e.getMessage() + optionSuggestion(e)));
    err.println("Try 'fetch --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * For an unknown option, {@code "; did you mean '--mode'?"} naming the likeliest option of the
   * command it was typed for, its value kept ({@code --mdoe=async} suggests
   * {@code --mode=async}), or "" when none is close. The candidates are picocli's guesses (shared
   * letter pairs: {@code --retry} and {@code --retries}) and the nearest name by edit distance,
   * which sees swapped letters ({@link Spelling}: {@code --mdoe} and {@code --mode}); the one
   * that shares the longest start with what was typed wins, then the nearest
   * ({@code --progres} is {@code --progress}, not {@code --proxy}).
   */
  static String optionSuggestion(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException)) {
      return "";
    }
    UnmatchedArgumentException unmatched = (UnmatchedArgumentException) e;
    List<String> words = unmatched.getUnmatched();
    if (words.isEmpty() || !words.get(0).startsWith("-")) {
      return "";
    }
    String word = words.get(0);
    int equals = word.indexOf('=');
    String name = equals < 0 ? word : word.substring(0, equals);
    String value = equals < 0 ? "" : word.substring(equals);
    List<String> candidates = new ArrayList<>(unmatched.getSuggestions());
    String nearest = Spelling.closest(name,
        e.getCommandLine().getCommandSpec().optionsMap().keySet());
    if (nearest != null) {
      candidates.add(nearest);
    }
    String closest = null;
    for (String candidate : candidates) {
      if (closest == null || closer(name, candidate, closest)) {
        closest = candidate;
      }
    }
    return closest == null ? "" : "; did you mean '" + closest + value + "'?";
  }

  /** Whether {@code a} is a likelier meaning of {@code typed} than {@code b}: more of its start. */
  private static boolean closer(String typed, String a, String b) {
    int prefixA = commonPrefix(typed, a);
    int prefixB = commonPrefix(typed, b);
    if (prefixA != prefixB) {
      return prefixA > prefixB;
    }
    return Spelling.distance(typed, a) < Spelling.distance(typed, b);
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Maps an exception that escaped a command to its exit code, with a one-line message. */
  private static final class RunFailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
      PrintWriter err = cli.getErr();
      if (e instanceof InputException || e instanceof SetupException
          || e instanceof CannotListenException) {
        err.println("fetch: " + e.getMessage());
        err.flush();
        return ExitCodes.USAGE;
      }
      if (e instanceof ModeUnavailableException) {
        err.println("fetch: " + e.getMessage());
        err.flush();
        return ExitCodes.MODE_UNAVAILABLE;
      }
      if (e instanceof OutputClosedException) {
        err.println("fetch: " + e.getMessage());
        err.flush();
        return ExitCodes.OUTPUT_CLOSED;
      }
      err.println("fetch: internal error: " + e);
      e.printStackTrace(err);
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    }
  }


  /**
   * The command line as documented for every machine (the man page): a default that depends on
   * the machine is described ("one per core"), not computed here.
   */
  public static CommandLine forDocumentation(PrintWriter out, PrintWriter err) {
    CommandLine cli = create(out, err);
    cli.setResourceBundle(new HelpValues(false));
    return cli;
  }

  /**
   * Makes the objects picocli instantiates itself, the mixins of every command: the request
   * and connection options get the environment ({@code HOME} for {@code --netrc},
   * {@code http_proxy} and its kin) from {@link Outside}, not from the JVM, so tests give their
   * own.
   */
  private static final class Factory implements CommandLine.IFactory {
    private final Outside outside;

    Factory(Outside outside) {
      this.outside = outside;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == RequestOptions.class) {
        return type.cast(new RequestOptions(outside.env()));
      }
      if (type == ConnectionOptions.class) {
        return type.cast(new ConnectionOptions(outside.env()));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /**
   * Values the help text shows ({@code ${bundle:…}} in a description), given per command line
   * rather than as system properties: those of this machine, or their rule for the man page.
   */
  private static final class HelpValues extends ListResourceBundle {
    private final boolean thisMachine;

    HelpValues(boolean thisMachine) {
      this.thisMachine = thisMachine;
    }

    @Override
    protected Object[][] getContents() {
      String workers = thisMachine
          ? "default here: " + Mode.THREADS.defaultWorkers() + " threads, "
              + Mode.PROCESSES.defaultWorkers() + " processes, 256 virtual or async"
          : "default: threads min(32, cores + 4), processes one per core, virtual and async 256";
      return new Object[][] {{"dev.fetch.workers.defaults", workers}};
    }
  }
}
