package dev.autodiscover;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A redirect consent that remembers every question it was asked and answers as {@code policy} does. */
final class RecordingConsent implements RedirectConsent {
  private final RedirectConsent policy;
  private final List<RedirectRequest> asked = new CopyOnWriteArrayList<>();

  RecordingConsent(RedirectConsent policy) {
    this.policy = policy;
  }

  @Override
  public RedirectDecision decide(RedirectRequest request) {
    asked.add(request);
    return policy.decide(request);
  }

  /** The questions asked so far, in order. */
  List<RedirectRequest> asked() {
    return List.copyOf(asked);
  }
}
