package dev.autodiscover.internal;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.Endpoint;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.spi.Candidate;
import java.util.List;

/** Where the resolution goes after a probe: what a strategy or a candidate came to. */
sealed interface Step {

  /**
   * Settings: the attempt that received them stays open until the answer is taken or overtaken.
   *
   * @param notes what the server could not give, one line each
   */
  record Found(Endpoint endpoint, AutodiscoverSettings settings, List<String> notes, AttemptTimer attempt,
      int status) implements Step {}

  /**
   * An address redirect to follow: the attempt that received it stays open until the answer is taken.
   *
   * @param via how the server said it: {@code "redirectAddr"}, {@code "RedirectAddress"}...
   */
  record Restart(EmailAddress address, String via, AttemptTimer attempt, int status, Endpoint answeredBy)
      implements Step {}

  /** The resolution ends without an endpoint. */
  record Stop(ResolutionError error) implements Step {}

  /** A strategy proposed these candidates, best first. */
  record Expand(List<Candidate> candidates) implements Step {}

  /** The candidate failed; its attempts are finished. */
  record NextCandidate() implements Step {}

  /** Every candidate failed. */
  record Exhausted() implements Step {}

  /** The resolution ran out of time. */
  record TimeUp() implements Step {}

  /** Returns whether this step ends the race with an answer. */
  default boolean answers() {
    return this instanceof Found || this instanceof Restart || this instanceof Stop;
  }
}
