package dev.autodiscover;

import dev.autodiscover.tls.CertificateDiagnosis;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of a resolution: a candidate URL (or a DNS name, for steps that look one up), how it
 * ended, and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the discovery step the candidate came from
 * @param url the URL tried, or the DNS name looked up for steps that end before any URL
 * @param outcome how the attempt ended
 * @param httpStatus the final HTTP status, when the server answered
 * @param elapsed how long the attempt took
 * @param certificate the diagnosis of the server's certificate, when it was rejected
 * @param detail one line for people saying what happened
 */
public record Attempt(
    DiscoveryMethod method,
    String url,
    AttemptOutcome outcome,
    OptionalInt httpStatus,
    Duration elapsed,
    Optional<CertificateDiagnosis> certificate,
    String detail) {

  public Attempt {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder().append(method);
    if (!url.isEmpty()) {
      line.append(' ').append(url);
    }
    line.append(": ").append(outcome);
    httpStatus.ifPresent(status -> line.append(" (HTTP ").append(status).append(')'));
    if (!detail.isEmpty()) {
      line.append(" - ").append(detail);
    }
    return line.toString();
  }
}
