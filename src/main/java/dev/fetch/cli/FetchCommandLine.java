package dev.fetch.cli;

import dev.fetch.input.InputException;
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
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The single wiring point of the command line, shared by {@code main} and the tests: commands,
 * converters, streams and the mapping of exceptions to {@link ExitCodes}.
 */
public final class FetchCommandLine {
  private FetchCommandLine() {}

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
    CommandLine cli = new CommandLine(new FetchCommand(outside), new Factory(outside));
    // Subcommands first: the settings below apply to the commands present when they are made.
    cli.addSubcommand("serve", new ServeCommand(outside.interrupts()));
    cli.addSubcommand("demo", new DemoCommand(outside.interrupts()));
    cli.addSubcommand("compare", new CompareCommand(outside));
    cli.setResourceBundle(new HelpValues());
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(Mode.class, new EnumConverter<>(Mode.class));
    cli.registerConverter(Format.class, new EnumConverter<>(Format.class));
    cli.registerConverter(Order.class, new EnumConverter<>(Order.class));
    cli.registerConverter(ProgressOption.class, new EnumConverter<>(ProgressOption.class));
    cli.setParameterExceptionHandler(FetchCommandLine::usageError);
    cli.setExecutionExceptionHandler(new RunFailureHandler());
    return cli;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("fetch: " + e.getMessage());
    err.println("Try 'fetch --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
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
   * Values the help text shows that are true for this machine ({@code ${bundle:…}} in a
   * description), given per command line rather than as system properties.
   */
  private static final class HelpValues extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
      return new Object[][] {
          {"dev.fetch.defaultWorkers", String.valueOf(Mode.THREADS.defaultWorkers())}};
    }
  }
}
