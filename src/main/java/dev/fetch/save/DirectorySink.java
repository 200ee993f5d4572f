package dev.fetch.save;

import dev.fetch.download.DownloadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Sink;

/**
 * Saves each body to a file in one directory, named by {@link FileNamer}.
 *
 * <p>A body is written to a hidden temporary file in the same directory and renamed over the final
 * name only once it is complete, so no partial file ever sits under a final name. Renaming replaces
 * an existing file or symbolic link at that name; it never writes through a link.
 *
 * <p>Thread-safe.
 */
public final class DirectorySink implements BodySink {
  private static final long CHUNK = 64 * 1024;

  private final Path directory;
  private final Function<DownloadRequest, String> names;
  private final String tempTag;
  private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();

  private DirectorySink(Path directory, Function<DownloadRequest, String> names,
      String tempTag) {
    this.directory = directory;
    this.names = names;
    this.tempTag = tempTag;
  }

  /**
   * Returns a sink for {@code directory}, creating it (and its parents) if needed, that saves
   * each body under its request's {@link DownloadRequest#path()}, or, for a request without one,
   * a name from a {@link FileNamer} of its own.
   *
   * @throws IOException with a message naming the directory if it cannot be created or written
   */
  public static DirectorySink open(Path directory) throws IOException {
    FileNamer namer = new FileNamer();
    return open(directory, request -> request.path() != null ? request.path()
        : namer.nameFor(request.index(), request.url()), "");
  }

  /**
   * Returns a sink for {@code directory} whose file names are chosen elsewhere: by the parent of
   * a worker process, which alone sees every URL of the run. A name {@link FileNamer} would not
   * produce is refused as a storage failure. Temporary files are named
   * {@code .fetch-TAGrandom.part}, so whoever knows the tag can remove what a killed writer left.
   *
   * @param names the file name for each request, as {@link FileNamer#nameFor} gave it
   * @param tempTag a tag for this sink's temporary files, e.g. {@code w1234-}; may be empty
   * @throws IOException with a message naming the directory if it cannot be created or written
   */
  public static DirectorySink open(Path directory, Function<DownloadRequest, String> names,
      String tempTag) throws IOException {
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
    return new DirectorySink(dir, names, tempTag);
  }

  /** The name pattern of the temporary files a sink opened with {@code tempTag} writes. */
  public static String tempGlob(String tempTag) {
    return ".fetch-" + tempTag + "*.part";
  }

  @Override
  public String savedPath(DownloadRequest request) {
    return names.apply(request);
  }

  @Override
  public long drain(DownloadRequest request, BufferedSource body) throws IOException {
    Path target = target(names.apply(request));
    Path temp = createTemp();
    inProgress.add(temp);
    try {
      long total = copy(body, temp);
      createParent(target);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new StorageException("cannot rename into " + target + ": " + reason(e), e);
      }
      return total;
    } finally {
      deleteQuietly(temp);
      inProgress.remove(temp);
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

  private static long copy(BufferedSource body, Path temp) throws IOException {
    Sink file = openFile(temp);
    long total = 0;
    Buffer chunk = new Buffer();
    try {
      for (long read; (read = body.read(chunk, CHUNK)) != -1; ) {
        total += read;
        try {
          file.write(chunk, read);
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

  private static Sink openFile(Path temp) throws StorageException {
    try {
      return Okio.sink(temp);
    } catch (IOException e) {
      throw new StorageException("cannot open " + temp + ": " + reason(e), e);
    }
  }

  private static void closeQuietly(Sink file) {
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
