package dev.autodiscover;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception this library throws for a failed resolution; it carries the whole result, and
 * its message tells what happened at each step.
 */
public class AutodiscoverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AutodiscoverResult result;

  /** Creates the exception for a resolution that found no endpoint. */
  public AutodiscoverException(AutodiscoverResult result) {
    super(Objects.requireNonNull(result, "result").describe());
    this.result = result;
  }

  /** Creates an exception that is not about one resolution's result. */
  public AutodiscoverException(String message, Throwable cause) {
    super(message, cause);
    this.result = null;
  }

  /** Returns the failed resolution, when the exception is about one. */
  public Optional<AutodiscoverResult> result() {
    return Optional.ofNullable(result);
  }

  /** Returns every attempt of the failed resolution; empty when the exception is not about one. */
  public List<Attempt> attempts() {
    return result == null ? List.of() : result.attempts();
  }
}
