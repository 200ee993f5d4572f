package dev.fetch.compare;

/**
 * Where a comparison ran, so numbers can be read in context.
 *
 * @param timestamp when it started, ISO-8601
 */
public record Environment(
    String fetchVersion, int cores, long maxHeapBytes, String java, String os,
    String timestamp) {

  /** This machine and JVM, now. */
  public static Environment current(String fetchVersion, String timestamp) {
    return new Environment(fetchVersion, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory(),
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        timestamp);
  }
}
