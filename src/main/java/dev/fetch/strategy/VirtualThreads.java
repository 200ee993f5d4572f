package dev.fetch.strategy;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads, looked up at run time: fetch is built for Java 17, where they do not exist,
 * and runs them on Java 21 and newer.
 */
public final class VirtualThreads {
  /** The first Java release with virtual threads as a final feature. */
  public static final int REQUIRED_JAVA = 21;

  private VirtualThreads() {}

  /** Whether this runtime has them. */
  public static boolean available() {
    return Runtime.version().feature() >= REQUIRED_JAVA;
  }

  /** Why they cannot be used here, naming the Java needed and the one found; null if they can. */
  public static String unavailableReason() {
    return available() ? null : "--mode=virtual needs Java " + REQUIRED_JAVA + " or newer; this "
        + "is Java " + Runtime.version() + " (set JAVA_HOME to a newer JDK)";
  }

  /**
   * {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 1).factory())}:
   * the same as {@code newVirtualThreadPerTaskExecutor}, with threads named {@code virtual-N} so
   * results can say which ran them.
   *
   * @throws IllegalStateException if this runtime has no virtual threads
   */
  public static ExecutorService newExecutor() {
    if (!available()) {
      throw new IllegalStateException(unavailableReason());
    }
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      builder = ofVirtual.getMethod("name", String.class, long.class)
          .invoke(builder, "virtual-", 1L);
      ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder")
          .getMethod("factory").invoke(builder);
      return (ExecutorService) Executors.class
          .getMethod("newThreadPerTaskExecutor", ThreadFactory.class).invoke(null, factory);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new IllegalStateException("cannot create virtual threads: " + cause, cause);
    }
  }
}
