package dev.autodiscover;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one resolution found and did: the endpoint and settings when it succeeded, the error
 * when it did not, and in both cases every attempt and every redirect, in the order they happened.
 *
 * <p>Immutable and thread-safe.
 *
 * @param email the address the resolution was asked for
 * @param finalEmail the address the settings belong to, after any redirectAddr
 * @param endpoint the URL that answered with settings
 * @param settings the settings it answered with
 * @param attempts every attempt, in order
 * @param redirects every redirect met, in order
 * @param error why there is no endpoint; empty exactly when the endpoint is present
 */
public record AutodiscoverResult(
    String email,
    String finalEmail,
    Optional<Endpoint> endpoint,
    Optional<AutodiscoverSettings> settings,
    List<Attempt> attempts,
    List<Redirect> redirects,
    Optional<ResolutionError> error) {

  public AutodiscoverResult {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(finalEmail, "finalEmail");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(settings, "settings");
    attempts = List.copyOf(attempts);
    redirects = List.copyOf(redirects);
    Objects.requireNonNull(error, "error");
    if (endpoint.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a result has either an endpoint or an error");
    }
  }

  /** Returns whether an endpoint was found. */
  public boolean resolved() {
    return endpoint.isPresent();
  }

  /**
   * Returns the endpoint, or throws an {@link AutodiscoverException} whose message tells what
   * happened at each step.
   */
  public Endpoint endpointOrThrow() {
    return endpoint.orElseThrow(() -> new AutodiscoverException(this));
  }

  /** Returns a few lines for people: the verdict, then one line per attempt and redirect. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (resolved()) {
      Endpoint found = endpoint.get();
      text.append("Autodiscover for ").append(email).append(" found ").append(found.url())
          .append(" (").append(found.method()).append(')');
      if (!finalEmail.equalsIgnoreCase(email)) {
        text.append(" as ").append(finalEmail);
      }
    } else {
      text.append("Autodiscover for ").append(email).append(" failed: ").append(error.get());
    }
    for (Attempt attempt : attempts) {
      text.append(System.lineSeparator()).append("  ").append(attempt);
    }
    for (Redirect redirect : redirects) {
      text.append(System.lineSeparator()).append("  redirect ").append(redirect);
    }
    return text.toString();
  }
}
