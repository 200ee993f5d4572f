package dev.fetch.download;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The credentials of a netrc file ({@code --netrc}, {@code --netrc-file}), looked up with curl's
 * rules: the first {@code machine} entry for the URL's host (host names compare without regard to
 * case), else the {@code default} entry; when the URL names a user, only an entry with that
 * login. Credentials in the URL itself always win. Read one with {@link NetrcParser}.
 *
 * <p>Passwords never show in {@link #toString}. Immutable and thread-safe.
 */
public final class Netrc {
  private static final Netrc NONE = new Netrc(List.of());

  /**
   * One entry of the file.
   *
   * @param machine the host it is for, or null for the {@code default} entry
   * @param login the user name, or null when the entry has none
   * @param password the password, or null when the entry has none
   */
  public record Entry(String machine, String login, String password) {
    @Override
    public String toString() {
      return (machine == null ? "default" : "machine " + machine)
          + (login == null ? "" : " login " + login) + (password == null ? "" : " password ***");
    }
  }

  /** A user name and password to send as Basic authentication. */
  public record Credentials(String user, String password) {
    @Override
    public String toString() {
      return user + ":***";
    }
  }

  private final List<Entry> entries;

  private Netrc(List<Entry> entries) {
    this.entries = entries;
  }

  /** No netrc file: no credentials. */
  public static Netrc none() {
    return NONE;
  }

  /** Exactly these entries, in file order. */
  public static Netrc of(List<Entry> entries) {
    return entries.isEmpty() ? NONE : new Netrc(List.copyOf(entries));
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * The credentials for {@code host}, or null when the file has none for it.
   *
   * @param user the user the URL names, or empty: then only an entry with that login matches,
   *     and its password is used
   */
  public Credentials lookup(String host, String user) {
    String wanted = host.toLowerCase(Locale.ROOT);
    Entry found = null;
    for (Entry entry : entries) {
      boolean hostMatches = entry.machine() == null
          || entry.machine().toLowerCase(Locale.ROOT).equals(wanted);
      boolean userMatches = user.isEmpty() || user.equals(entry.login());
      if (hostMatches && userMatches && (found == null || found.machine() == null)) {
        found = entry;
        if (entry.machine() != null) {
          break;
        }
      }
    }
    if (found == null || found.password() == null && found.login() == null) {
      return null;
    }
    return new Credentials(user.isEmpty() ? Objects.toString(found.login(), "") : user,
        Objects.toString(found.password(), ""));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Netrc && ((Netrc) other).entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Netrc" + entries;
  }
}
