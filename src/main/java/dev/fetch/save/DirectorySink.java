package dev.fetch.save;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.SaveSettings;
import dev.fetch.download.Validators;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Saves each body to a file in one directory, named by {@link FileNamer}.
 *
 * <p>A body is written to a hidden temporary file in the same directory and renamed over the final
 * name only once it is complete, so no partial file ever sits under a final name. Renaming replaces
 * an existing file or symbolic link at that name; it never writes through a link. A body whose
 * request carries a {@link dev.fetch.download.Checksum} is hashed as it is written (no second
 * read) and never renamed into place when the digest differs ({@link ChecksumMismatchException});
 * a saved file gets its modification time from the response's {@code Last-Modified}, as
 * {@code curl -R} and {@code wget} do.
 *
 * <p>With {@code --continue} ({@link SaveSettings#resume()}) the temporary file has a stable
 * name beside the final one, {@code DIR/.NAME.fetch-part}, and is kept when the download fails,
 * is cancelled or its process dies, so the next attempt or run continues it
 * ({@link BodyStart#offset()}). With {@code -N} or {@code --continue} every saved file, and every
 * partial as it starts, is recorded in the directory's {@link ValidatorIndex}.
 *
 * <p>Thread-safe. Two requests for the same path at once are not supported (a run's names are
 * unique).
 */
public final class DirectorySink implements BodySink {
  private static final long CHUNK = 64 * 1024;
  private static final String PART_SUFFIX = ".fetch-part";

  private final Path directory;
  private final Function<DownloadRequest, String> names;
  private final String tempTag;
  private final SaveSettings save;
  private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();
  /**
   * The validators this process recorded for each partial it started: fresher than those the
   * run's requests carry, for a retry that continues it.
   */
  private final Map<String, Validators> started = new ConcurrentHashMap<>();

  private DirectorySink(Path directory, Function<DownloadRequest, String> names,
      String tempTag, SaveSettings save) {
    this.directory = directory;
    this.names = names;
    this.tempTag = tempTag;
    this.save = save;
  }

  /**
   * Returns a sink for {@code directory}, creating it (and its parents) if needed, that saves
   * each body under its request's {@link DownloadRequest#path()}, or, for a request without one,
   * a name from a {@link FileNamer} of its own.
   *
   * @throws IOException with a message naming the directory if it cannot be created or written
   */
  public static DirectorySink open(Path directory) throws IOException {
    return open(directory, SaveSettings.DEFAULT);
  }

  /** As {@link #open(Path)}, saving as {@code save} says ({@code --continue}, {@code -N}). */
  public static DirectorySink open(Path directory, SaveSettings save) throws IOException {
    FileNamer namer = new FileNamer();
    return open(directory, request -> request.path() != null ? request.path()
        : namer.nameFor(request.index(), request.url()), "", save);
  }

  /** As {@link #open(Path, Function, String, SaveSettings)} with the default settings. */
  public static DirectorySink open(Path directory, Function<DownloadRequest, String> names,
      String tempTag) throws IOException {
    return open(directory, names, tempTag, SaveSettings.DEFAULT);
  }

  /**
   * Returns a sink for {@code directory} whose file names are chosen elsewhere: by the parent of
   * a worker process, which alone sees every URL of the run. A name {@link FileNamer} would not
   * produce is refused as a storage failure. Temporary files are named
   * {@code .fetch-TAGrandom.part}, so whoever knows the tag can remove what a killed writer left
   * (kept partials, {@code .NAME.fetch-part}, never match).
   *
   * @param names the file name for each request, as {@link FileNamer#nameFor} gave it
   * @param tempTag a tag for this sink's temporary files, e.g. {@code w1234-}; may be empty
   * @param save how to save: resumable partials, the validator index
   * @throws IOException with a message naming the directory if it cannot be created or written
   */
  public static DirectorySink open(Path directory, Function<DownloadRequest, String> names,
      String tempTag, SaveSettings save) throws IOException {
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create output directory " + directory + ": " + reason(e), e);
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException("output directory " + directory + " is not a directory");
    }
    try {
      Files.delete(Files.createTempFile(dir, ".fetch-probe-", ".tmp"));
    } catch (IOException e) {
      throw new IOException("output directory " + directory + " is not writable: " + reason(e), e);
    }
    return new DirectorySink(dir, names, tempTag, save);
  }

  /** The name pattern of the temporary files a sink opened with {@code tempTag} writes. */
  public static String tempGlob(String tempTag) {
    return ".fetch-" + tempTag + "*.part";
  }

  /** The kept partial body beside {@code target} ({@code --continue}): {@code .NAME.fetch-part}. */
  public static Path partOf(Path target) {
    return target.resolveSibling("." + target.getFileName() + PART_SUFFIX);
  }

  @Override
  public String savedPath(DownloadRequest request) {
    return names.apply(request);
  }

  @Override
  public LocalFile local(DownloadRequest request) throws IOException {
    Path target = target(names.apply(request));
    long size = -1;
    Instant modified = null;
    if (Files.isRegularFile(target)) {
      BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
      size = attributes.size();
      modified = attributes.lastModifiedTime().toInstant();
    }
    long partial = -1;
    if (save.resume()) {
      Path part = partOf(target);
      if (Files.isRegularFile(part)) {
        partial = Files.size(part);
      }
    }
    return new LocalFile(size, modified, partial);
  }

  @Override
  public Validators resumeValidators(DownloadRequest request) {
    Validators mine = started.get(names.apply(request));
    return mine != null ? mine : request.validators();
  }

  @Override
  public long drain(DownloadRequest request, BufferedSource body) throws IOException {
    return drain(request, body, BodyStart.of(-1));
  }

  @Override
  public long drain(DownloadRequest request, BufferedSource body, long declaredLength)
      throws IOException {
    return drain(request, body, BodyStart.of(declaredLength));
  }

  @Override
  public long drain(DownloadRequest request, BufferedSource body, BodyStart start)
      throws IOException {
    String path = names.apply(request);
    Path target = target(path);
    if (save.resume()) {
      return drainResumable(request, path, target, body, start);
    }
    Path temp = createTemp();
    inProgress.add(temp);
    try {
      BodyDigest digest = BodyDigest.of(request.checksum());
      long total = copy(body, temp, digest, false);
      if (digest != null) {
        digest.check();
      }
      setTime(temp, start.lastModified());
      createParent(target);
      moveInto(temp, target);
      record(path, start.validators(), true);
      return total;
    } finally {
      deleteQuietly(temp);
      inProgress.remove(temp);
    }
  }

  /**
   * Writes (or, from {@link BodyStart#offset()}, appends) the body to the kept partial beside
   * {@code target}, then renames it into place. The partial stays when reading the body fails;
   * it goes when its digest is wrong.
   */
  private long drainResumable(DownloadRequest request, String path, Path target,
      BufferedSource body, BodyStart start) throws IOException {
    createParent(target);
    Path part = partOf(target);
    long offset = start.offset();
    if (offset > 0 && !Files.isRegularFile(part) && Files.isRegularFile(target)) {
      // wget -c: a complete-looking file is continued. It moves aside while it grows, so no
      // partial body ever sits under its final name.
      moveInto(target, part);
    }
    if (offset > 0 && sizeOf(part) != offset) {
      throw new StorageException("cannot continue " + part + ": it changed during the request",
          null);
    }
    started.put(path, start.validators());
    record(path, start.validators(), false);
    BodyDigest digest = BodyDigest.of(request.checksum());
    if (digest != null && offset > 0) {
      digest.updateFrom(part, offset);
    }
    long total = copy(body, part, digest, offset > 0);
    if (digest != null) {
      try {
        digest.check();
      } catch (ChecksumMismatchException e) {
        deleteQuietly(part);
        started.remove(path);
        throw e;
      }
    }
    setTime(part, start.lastModified());
    moveInto(part, target);
    started.remove(path);
    record(path, start.validators(), true);
    return total;
  }

  @Override
  public long finishPartial(DownloadRequest request) throws IOException {
    String path = names.apply(request);
    Path target = target(path);
    Path part = partOf(target);
    boolean partial = save.resume() && Files.isRegularFile(part);
    Path file = partial ? part : target;
    long size = sizeOf(file);
    BodyDigest digest = BodyDigest.of(request.checksum());
    if (digest != null) {
      digest.updateFrom(file, size);
      try {
        digest.check();
      } catch (ChecksumMismatchException e) {
        if (partial) {
          deleteQuietly(part);
          started.remove(path);
        }
        throw e;
      }
    }
    if (partial) {
      Validators validators = resumeValidators(request);
      setTime(part, BodyStart.lastModified(validators));
      moveInto(part, target);
      started.remove(path);
      record(path, validators, true);
    }
    return size;
  }

  @Override
  public void discardPartial(DownloadRequest request) throws IOException {
    if (save.resume()) {
      String path = names.apply(request);
      deleteQuietly(partOf(target(path)));
      started.remove(path);
    }
  }


  /** Adds a line to the validator index, when the run keeps one; best effort. */
  private void record(String path, Validators validators, boolean complete) {
    if (!save.timestamping() && !save.resume()) {
      return;
    }
    try {
      ValidatorIndex.append(directory, path, validators, complete);
    } catch (IOException ignored) {
      // The file itself is saved; without its line the next run asks unconditionally.
    }
  }

  private static void setTime(Path file, Instant time) {
    if (time == null) {
      return;
    }
    try {
      Files.setLastModifiedTime(file, FileTime.from(time));
    } catch (IOException ignored) {
      // The body is saved; only its time is today's.
    }
  }

  private static void moveInto(Path from, Path to) throws StorageException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StorageException("cannot rename into " + to + ": " + reason(e), e);
    }
  }

  private static long sizeOf(Path file) throws StorageException {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new StorageException("cannot read " + file + ": " + reason(e), e);
    }
  }

  /**
   * Where {@code path} (relative, {@code /}-separated) is in the directory: refused as a storage
   * failure unless every segment is a name {@link FileNamer#sanitize} would keep, so it cannot
   * leave the directory.
   */
  private Path target(String path) throws StorageException {
    Path target = directory;
    for (String segment : path.split("/", -1)) {
      if (!FileNamer.sanitize(segment).equals(segment)) {
        throw new StorageException("refusing to write outside " + directory + ": " + path, null);
      }
      target = target.resolve(segment);
    }
    return target;
  }

  /**
   * Creates the directories above {@code target} inside the output directory. The temporary
   * file stays at the top of the directory, so a dead worker's files are found in one place;
   * renaming it down into a subdirectory is still atomic (one file system).
   */
  private void createParent(Path target) throws StorageException {
    Path parent = target.getParent();
    if (parent.equals(directory)) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StorageException("cannot create directory " + parent + ": " + reason(e), e);
    }
  }

  /**
   * Creates the hidden temporary file. Not {@code Files.createTempFile}, which makes files only
   * the owner can read: a saved file gets the same permissions (from the umask) as curl's or
   * wget's.
   */
  private Path createTemp() throws StorageException {
    try {
      return NewFiles.createUnique(directory, ".fetch-" + tempTag, ".part");
    } catch (IOException e) {
      throw new StorageException("cannot create a file in " + directory + ": " + reason(e), e);
    }
  }

  private static long copy(BufferedSource body, Path temp, BodyDigest digest, boolean append)
      throws IOException {
    OutputStream file = openFile(temp, append);
    long total = 0;
    Buffer chunk = new Buffer();
    try {
      for (long read; (read = body.read(chunk, CHUNK)) != -1; ) {
        total += read;
        if (digest != null) {
          digest.update(chunk);
        }
        try {
          chunk.writeTo(file, read);
        } catch (IOException e) {
          throw new StorageException("cannot write " + temp + ": " + reason(e), e);
        }
      }
    } catch (IOException e) {
      closeQuietly(file);
      throw e;
    }
    try {
      file.close();
    } catch (IOException e) {
      throw new StorageException("cannot write " + temp + ": " + reason(e), e);
    }
    return total;
  }

  /**
   * Opens {@code temp} to write from its start, or to append. A plain {@code FileOutputStream},
   * neither a file channel nor an Okio sink: an interrupt (a cancelled run) must not close the
   * file or fail a write in progress, losing bytes already read.
   */
  private static OutputStream openFile(Path temp, boolean append) throws StorageException {
    try {
      return new FileOutputStream(temp.toFile(), append);
    } catch (IOException e) {
      throw new StorageException("cannot open " + temp + ": " + reason(e), e);
    }
  }

  private static void closeQuietly(OutputStream file) {
    try {
      file.close();
    } catch (IOException ignored) {
      // The write already failed; that failure is the one reported.
    }
  }

  @Override
  public void cleanUp() {
    for (Path temp : inProgress) {
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Best effort: the file is hidden and ends in .part.
    }
  }

  private static String reason(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
  }
}
