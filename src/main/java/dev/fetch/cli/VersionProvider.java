package dev.fetch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code fetch --version}: the build's version and the runtime it runs on. */
public final class VersionProvider implements IVersionProvider {
  /** The version Maven wrote into the jar, e.g. {@code 0.1.0}. */
  public static String version() {
    Properties props = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/fetch-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
        "fetch " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
            + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
    };
  }
}
