package dev.fetch.compare;

/**
 * A comparison that cannot be carried out as asked: an option out of bounds, a {@code --require}
 * naming a combination that is not compared, an export that cannot be written. Thrown while the
 * {@link ComparePlan} is built, before the first request, with a message that names the option
 * and the value; the command line reports it as a usage error.
 */
public final class PlanException extends RuntimeException {
  public PlanException(String message) {
    super(message);
  }
}
