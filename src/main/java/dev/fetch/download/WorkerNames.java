package dev.fetch.download;

/**
 * The name a result gives for the worker that ran it. Usually the thread's name; a thread that
 * OkHttp renames while it runs a call (its dispatcher's) carries its stable name here instead.
 */
public final class WorkerNames {
  private static final ThreadLocal<String> NAME = new ThreadLocal<>();

  private WorkerNames() {}

  /** Gives the current thread a stable worker name. */
  public static void set(String name) {
    NAME.set(name);
  }

  public static String current() {
    String name = NAME.get();
    return name != null ? name : Thread.currentThread().getName();
  }
}
