package dev.fetch.engine;

import dev.fetch.download.Checksum;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.SaveSettings;
import dev.fetch.input.UrlEntry;
import dev.fetch.log.Diagnostics;
import dev.fetch.save.ChecksumFile;
import dev.fetch.save.FileNamer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Chooses where each URL's body is saved, as the run reads its entries in input order: so the
 * same list always gives the same paths, whatever the mode and the order of completion.
 *
 * <ul>
 *   <li>The path is the line's {@code out=} if it has one, else {@link FileNamer#fileName} (or
 *       {@link FileNamer#hostPath} with {@code --create-dirs}). Every path of the run is one
 *       namespace, first come first served in input order: an automatic name takes a suffix to
 *       avoid any earlier path, explicit or not; an {@code out=} path that an earlier line holds
 *       makes its line an {@code invalid_url} failure naming that line.
 *   <li>The checksum is the line's {@code sha256=}/{@code sha512=}, or the {@code --checksum-file}
 *       digest listed for the path; when both exist they must be the same digest, or the line is
 *       an {@code invalid_url} failure naming the checksum file's line.
 *   <li>With {@code --no-clobber}, an entry whose path is a regular file already (links
 *       followed) is settled as skipped, with the file's size: no request.
 * </ul>
 *
 * An invalid entry passes through unchanged. Called by one thread at a time
 * ({@link CountingEntries} is synchronized); the {@code --no-clobber} check reads the file's
 * attributes on that thread.
 */
final class SaveTargets implements UnaryOperator<UrlEntry> {
  private final Path outputDir;
  private final SaveSettings save;
  private final ChecksumFile checksums;
  private final FileNamer names = new FileNamer();
  /** The inputs seen so far, so a claim's holder is a number: (input &lt;&lt; 32) | line. */
  private final List<String> sources = new ArrayList<>();

  SaveTargets(Path outputDir, SaveSettings save, ChecksumFile checksums) {
    this.outputDir = outputDir;
    this.save = save;
    this.checksums = checksums;
  }

  /**
   * The save targets of a run with {@code settings} (which save bodies), reading its
   * {@code --checksum-file} again (the command checked it already, so a failure here means it
   * changed since).
   *
   * @throws SetupException if the checksum file cannot be read or is malformed
   */
  static SaveTargets of(DownloadSettings settings) {
    return new SaveTargets(settings.outputDir(), settings.save(),
        checksumFile(settings.save().checksumFile()));
  }

  private static ChecksumFile checksumFile(Path file) {
    if (file == null) {
      return ChecksumFile.NONE;
    }
    String shown = Diagnostics.printable(file.toString());
    try {
      return ChecksumFile.read(file, shown);
    } catch (IOException e) {
      throw new SetupException("--checksum-file " + shown + ": cannot read it: "
          + e.getMessage(), e);
    } catch (ChecksumFile.MalformedException e) {
      throw new SetupException("--checksum-file " + e.getMessage(), e);
    }
  }

  @Override
  public UrlEntry apply(UrlEntry entry) {
    if (!entry.isValid()) {
      return entry;
    }
    long holder = holder(entry);
    String out = entry.settings().out();
    String path;
    if (out != null) {
      long earlier = names.claim(out, holder);
      if (earlier != FileNamer.FREE) {
        return entry.invalidAs("out=" + out + " is already taken by " + location(earlier));
      }
      path = out;
    } else {
      path = names.claimFree(save.createDirs() ? FileNamer.hostPath(entry.url())
          : FileNamer.fileName(entry.url()), holder);
    }
    Checksum checksum = entry.checksum();
    ChecksumFile.Listed listed = checksums.get(path);
    if (listed != null) {
      if (checksum != null && !checksum.equals(listed.checksum())) {
        return entry.invalidAs(checksum.algorithm().label() + "= differs from the digest of "
            + path + " in --checksum-file " + checksums.location(listed.line()));
      }
      checksum = listed.checksum();
    }
    UrlEntry target = entry.withTarget(path, checksum);
    if (save.noClobber()) {
      long size = existingFileSize(path);
      if (size >= 0) {
        return target.settledAs(DownloadResult.Success.skipped(entry.index(), entry.display(),
            path, size));
      }
    }
    return target;
  }

  /** The size of the regular file at {@code path} in the output directory, or -1 if none. */
  private long existingFileSize(String path) {
    Path file = outputDir;
    for (String segment : path.split("/")) {
      file = file.resolve(segment);
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.isRegularFile() ? attributes.size() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private long holder(UrlEntry entry) {
    int last = sources.size() - 1;
    if (last < 0 || !sources.get(last).equals(entry.source())) {
      sources.add(entry.source());
      last++;
    }
    return ((long) last << 32) | entry.lineNumber();
  }

  private String location(long holder) {
    return sources.get((int) (holder >>> 32)) + ":" + (int) holder;
  }
}
