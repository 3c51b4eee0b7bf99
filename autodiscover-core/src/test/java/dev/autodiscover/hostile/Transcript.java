package dev.autodiscover.hostile;

import dev.autodiscover.Attempt;
import dev.autodiscover.AutodiscoverException;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.event.ResolutionFinished;
import dev.autodiscover.event.ResolutionStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a resolution says to its host application: every event heard, then the result. */
final class Transcript implements AutodiscoverListener {
  private final List<String> said = new CopyOnWriteArrayList<>();

  @Override
  public void resolutionStarted(ResolutionStarted event) {
    said.add(event.toString());
  }

  @Override
  public void attemptStarted(AttemptStarted event) {
    said.add(event.toString());
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    said.add(event.toString());
  }

  @Override
  public void redirected(Redirected event) {
    said.add(event.toString());
  }

  @Override
  public void resolutionFinished(ResolutionFinished event) {
    said.add(event.toString());
  }

  /**
   * The events heard, then {@code result} as a record, described, attempt by attempt, and the
   * message of the exception it throws when it has no endpoint.
   */
  List<String> with(AutodiscoverResult result) {
    List<String> all = new ArrayList<>(said);
    all.add(result.toString());
    all.add(result.describe());
    for (Attempt attempt : result.attempts()) {
      all.add(attempt.detail());
    }
    if (!result.resolved()) {
      try {
        result.endpointOrThrow();
      } catch (AutodiscoverException e) {
        all.add(e.getMessage());
        all.add(e.toString());
      }
    }
    return all;
  }
}
