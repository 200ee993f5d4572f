package dev.fetch.download;

import java.nio.file.Path;

/**
 * How bodies are saved in the output directory, and which files are kept.
 *
 * @param noClobber keep a file that exists: no request, result {@code skipped}
 *     ({@code --no-clobber})
 * @param createDirs save under {@code HOST/PATH…} below the output directory, like
 *     {@code wget -x} ({@code --create-dirs})
 * @param timestamping a conditional request for a file that exists ({@code If-Modified-Since}
 *     from its time, {@code If-None-Match} from its recorded ETag): {@code 304} keeps it, result
 *     {@code not_modified} ({@code -N/--timestamping})
 * @param resume a partial body is kept under a stable hidden name and resumed with
 *     {@code Range}/{@code If-Range} ({@code --continue})
 * @param checksumFile a {@code sha256sum}/{@code sha512sum} file that saved files are checked
 *     against, or null ({@code --checksum-file}); read by the parent, which puts each file's
 *     checksum on its request
 */
public record SaveSettings(boolean noClobber, boolean createDirs, boolean timestamping,
    boolean resume, Path checksumFile) {

  /** Every body saved under fetch's name, replacing what is there. */
  public static final SaveSettings DEFAULT = new SaveSettings(false, false, false, false, null);

  /** Whether a run with these settings may make no request for some URLs (not for compare). */
  public boolean keepsFiles() {
    return noClobber || timestamping || resume;
  }
}
