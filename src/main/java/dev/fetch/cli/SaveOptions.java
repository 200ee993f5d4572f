package dev.fetch.cli;

import dev.fetch.download.SaveSettings;
import dev.fetch.log.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How {@code fetch -o DIR} saves bodies and which files it keeps (a picocli mixin of
 * {@link FetchCommand}; {@code fetch compare} refuses the options that keep files, since a
 * benchmark must download). {@link #settings} checks them before the first request: each needs
 * {@code --output-dir}, and keeping a file cannot go with updating it.
 */
final class SaveOptions {
  @Option(names = "--no-clobber",
      description = "Keep a file that already exists in DIR: no request is made and its result "
          + "is skipped (wget -nc, curl --no-clobber).")
  boolean noClobber;

  @Option(names = {"-N", "--timestamping"},
      description = "Ask for a file that exists only if it changed: If-Modified-Since from its "
          + "time, If-None-Match from the ETag fetch recorded; 304 keeps it, result not_modified "
          + "(wget -N).")
  boolean timestamping;

  @Option(names = "--continue",
      description = "Resume a body cut short: it is kept under a hidden name beside its file and "
          + "asked for from where it ends (Range, If-Range); a server that sends it whole starts "
          + "it again (wget -c, curl -C -).")
  boolean resume;

  @Option(names = "--create-dirs",
      description = "Save as DIR/HOST/PATH, creating the directories (wget -x); the name of a "
          + "URL ending in / is index.html.")
  boolean createDirs;

  @Option(names = "--checksum-file", paramLabel = "FILE",
      description = "Check saved files against FILE in sha256sum or sha512sum format, names "
          + "matched to saved names; a mismatch fails with kind checksum and leaves no file.")
  Path checksumFile;

  /**
   * The save settings, checked.
   *
   * @param outputDir the run's {@code --output-dir}, or null
   * @throws ParameterException if an option needs {@code --output-dir} and there is none, two
   *     options contradict each other, or the checksum file cannot be read
   */
  SaveSettings settings(CommandSpec spec, Path outputDir) {
    SaveSettings save = new SaveSettings(noClobber, createDirs, timestamping, resume,
        checksumFile);
    if (outputDir == null) {
      String needing = noClobber ? "--no-clobber" : timestamping ? "--timestamping"
          : resume ? "--continue" : createDirs ? "--create-dirs"
          : checksumFile != null ? "--checksum-file" : null;
      if (needing != null) {
        throw new ParameterException(spec.commandLine(),
            needing + " needs --output-dir: it is about the files fetch saves");
      }
    }
    if (noClobber && (timestamping || resume)) {
      throw new ParameterException(spec.commandLine(), "--no-clobber keeps every file that "
          + "exists; it cannot go with " + (timestamping ? "--timestamping" : "--continue")
          + ", which updates them");
    }
    if (checksumFile != null && !Files.isReadable(checksumFile)) {
      throw new ParameterException(spec.commandLine(), "--checksum-file "
          + Diagnostics.printable(checksumFile.toString()) + ": cannot read it");
    }
    return save;
  }
}
