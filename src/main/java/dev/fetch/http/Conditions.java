package dev.fetch.http;

import dev.fetch.download.Validators;
import dev.fetch.save.LocalFile;
import okhttp3.Request;

/**
 * What one request asks for, given what is on disk: a range after the kept partial (else after
 * a complete file, as {@code wget -c} does) with {@code --continue}; with {@code -N}, only a
 * body newer than the file there; else the whole body. Immutable.
 *
 * @param local what was on disk when the request was prepared
 * @param rangeFrom the first byte asked for with {@code Range}, or -1 for none
 * @param conditional whether the request is conditional ({@code -N}): a 304 keeps the file
 * @param resume whether the run continues partial bodies ({@code --continue})
 */
record Conditions(LocalFile local, long rangeFrom, boolean conditional, boolean resume) {
  /** The whole body, unconditionally. */
  static final Conditions NONE = new Conditions(LocalFile.NONE, -1, false, false);

  /**
   * What to ask for. With both options a partial is continued, and a complete file is asked for
   * conditionally; {@code restarted} (the partial was just dropped) asks for the whole body.
   */
  static Conditions decide(LocalFile local, boolean resume, boolean timestamping,
      boolean restarted) {
    long rangeFrom = -1;
    boolean conditional = false;
    if (restarted) {
      // Neither a range nor a condition: the whole body.
    } else if (resume && local.hasPartial() && local.partialSize() > 0) {
      rangeFrom = local.partialSize();
    } else if (timestamping && local.exists()) {
      conditional = true;
    } else if (resume && !local.hasPartial() && local.size() > 0) {
      rangeFrom = local.size();
    }
    return new Conditions(local, rangeFrom, conditional, resume);
  }

  /**
   * Adds the headers: {@code Range} and {@code If-Range} (from {@code partial}, the validators
   * of what the partial holds; none when it has none), {@code If-Modified-Since} and
   * {@code If-None-Match} (from {@code recorded}, the file's), and under {@code --continue}
   * always {@code Accept-Encoding: identity}.
   */
  void addTo(Request.Builder builder, Validators partial, Validators recorded) {
    if (resume) {
      // A range of a gzip-encoded body is a range of the encoding: keep to the identity one,
      // from the first byte of the first run on.
      builder.header("Accept-Encoding", "identity");
    }
    if (rangeFrom > 0) {
      builder.header("Range", "bytes=" + rangeFrom + "-");
      String validator = partial.forRange();
      if (validator != null) {
        builder.header("If-Range", validator);
      }
    }
    if (conditional) {
      builder.header("If-Modified-Since", HttpDates.format(local.modified()));
      if (recorded.etag() != null) {
        builder.header("If-None-Match", recorded.etag());
      }
    }
  }
}
