package dev.autodiscover.event;

/**
 * Hears what a resolution does, step by step: each resolution and each attempt has a start event
 * and a matching end event, and every redirect met is announced.
 *
 * <p>The events of one resolution never overlap and each attempt's start comes before its end,
 * but with {@linkplain dev.autodiscover.Probing#staggered() staggered probing} they may come from
 * the threads the candidates run on, and the attempts of two candidates may interleave; the
 * result's {@code attempts()} are in order of precedence. One listener serves every resolution of
 * a resolver, possibly several at once, so implementations must be thread-safe; they should return
 * quickly and must not throw.
 *
 * <pre>{@code
 * AutodiscoverListener progress = new AutodiscoverListener() {
 *   public void attemptFinished(AttemptFinished event) {
 *     System.err.println(event.attempt());
 *   }
 * };
 * }</pre>
 */
public interface AutodiscoverListener {

  /** A listener that ignores every event. The default. */
  AutodiscoverListener NONE = new AutodiscoverListener() {};

  /** A resolution started. */
  default void resolutionStarted(ResolutionStarted event) {}

  /** An attempt started; {@link #attemptFinished} follows for it. */
  default void attemptStarted(AttemptStarted event) {}

  /** An attempt ended. */
  default void attemptFinished(AttemptFinished event) {}

  /** A redirect was met, followed or not. */
  default void redirected(Redirected event) {}

  /** A resolution ended, resolved or not. */
  default void resolutionFinished(ResolutionFinished event) {}
}
