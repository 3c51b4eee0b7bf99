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
 * @param dialect the dialect the attempt spoke, for attempts that asked an Autodiscover URL; empty
 *     for steps that only looked something up (DNS, the directory, the plain-HTTP redirect)
 * @param errorCode the error code the Autodiscover server answered with ({@code 500},
 *     {@code InvalidUser}, {@code ServerBusy}...), when the outcome is
 *     {@link AttemptOutcome#AUTODISCOVER_ERROR} and the server gave one
 */
public record Attempt(
    DiscoveryMethod method,
    String url,
    AttemptOutcome outcome,
    OptionalInt httpStatus,
    Duration elapsed,
    Optional<CertificateDiagnosis> certificate,
    String detail,
    Optional<Dialect> dialect,
    Optional<String> errorCode) {

  public Attempt {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(errorCode, "errorCode");
  }

  /** Creates an attempt that spoke no dialect and carries no server error code. */
  public Attempt(
      DiscoveryMethod method,
      String url,
      AttemptOutcome outcome,
      OptionalInt httpStatus,
      Duration elapsed,
      Optional<CertificateDiagnosis> certificate,
      String detail) {
    this(method, url, outcome, httpStatus, elapsed, certificate, detail, Optional.empty(), Optional.empty());
  }

  /** Returns this attempt with {@code detail} in place of its own. */
  public Attempt withDetail(String detail) {
    return new Attempt(method, url, outcome, httpStatus, elapsed, certificate, detail, dialect, errorCode);
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder().append(method);
    if (!url.isEmpty()) {
      line.append(' ').append(url);
    }
    dialect.filter(spoken -> spoken != Dialect.POX).ifPresent(spoken -> line.append(" [").append(spoken).append(']'));
    line.append(": ").append(outcome);
    httpStatus.ifPresent(status -> line.append(" (HTTP ").append(status).append(')'));
    if (!detail.isEmpty()) {
      line.append(" - ").append(detail);
    }
    return line.toString();
  }
}
