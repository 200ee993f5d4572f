package dev.fetch.cli;

import dev.fetch.input.Input;
import dev.fetch.input.InputException;
import dev.fetch.input.InputParser;
import dev.fetch.input.Inputs;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The inputs of a command line in the order they were typed: positional arguments (URLs, list
 * files, {@code -}) and {@code -i/--input} lists, interleaved as given, which picocli's fields
 * alone would not keep. Both are parsed by {@link Consumer}, which appends each word here; then
 * {@link #inputs} turns them into checked {@link Inputs}. Not thread-safe (parsing is not).
 */
final class InputArguments {
  /** A command whose positional arguments and {@code -i} values are taken by {@link Consumer}. */
  interface Holder {
    InputArguments inputArguments();
  }

  /** One word: a positional argument, or the value of {@code -i/--input}. */
  private record Word(String text, boolean listOption) {}

  private final List<Word> words = new ArrayList<>();

  /**
   * The inputs, checked without reading a line: URL arguments are valid URLs, list files exist
   * and can be read, standard input is named at most once. With no word at all, standard input
   * when it is a pipe.
   *
   * @param commandNames the subcommands, suggested for a positional word that is no file
   * @throws ParameterException when nothing is named and standard input is a terminal
   * @throws InputException naming the argument or file that is wrong
   */
  Inputs inputs(CommandSpec spec, boolean stdinIsTerminal, Collection<String> commandNames) {
    List<Input> inputs = new ArrayList<>();
    if (words.isEmpty()) {
      if (stdinIsTerminal) {
        throw new ParameterException(spec.commandLine(), "Missing required parameter: 'URL|FILE'"
            + " (a URL, a URL list, or - for standard input; standard input is read when it is"
            + " a pipe)");
      }
      inputs.add(InputParser.list(InputParser.STDIN));
    }
    for (Word word : words) {
      Input input = word.listOption() ? InputParser.listOption(word.text())
          : InputParser.argument(word.text());
      if (input instanceof Input.ListFile) {
        checkFile((Input.ListFile) input, word.listOption() ? List.of() : commandNames);
      }
      inputs.add(input);
    }
    return Inputs.of(inputs);
  }

  /**
   * Checks a list file; a missing one that looks like a URL of another scheme, or like a
   * subcommand's name, says so.
   */
  private static void checkFile(Input.ListFile file, Collection<String> commandNames) {
    if (missing(file.path())) {
      if (file.path().contains("://")) {
        throw new InputException(file.name() + ": no such file (only http:// and https:// URLs "
            + "are downloaded; any other word names a list file)");
      }
      String command = file.path().matches("[A-Za-z]+")
          ? Spelling.closest(file.path(), commandNames) : null;
      if (command != null) {
        throw new InputException("no such file '" + file.name() + "'; did you mean 'fetch "
            + command + "'?");
      }
    }
    file.check();
  }

  private static boolean missing(String path) {
    try {
      return Files.notExists(Path.of(path));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * Takes the word of a positional argument or of {@code -i/--input} and appends it to the
   * command's {@link InputArguments}, keeping their order. For {@code -i}, a missing value or
   * another option where the value should be is a usage error, as picocli's own options have.
   */
  static final class Consumer implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec command) {
      boolean option = argSpec.isOption();
      if (option && (args.isEmpty() || isOption(args.peek(), command))) {
        throw new ParameterException(command.commandLine(), "Missing required parameter for "
            + "option '--input' (FILE|URL|-)" + (args.isEmpty() ? ""
            : ": found option '" + args.peek() + "' instead"), argSpec, null);
      }
      ((Holder) command.userObject()).inputArguments().words.add(
          new Word(args.pop(), option));
    }

    private static boolean isOption(String word, CommandSpec command) {
      int equals = word.indexOf('=');
      String name = equals > 0 ? word.substring(0, equals) : word;
      return word.startsWith("-") && command.optionsMap().containsKey(name);
    }
  }
}
