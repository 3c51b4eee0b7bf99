package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.AutodiscoverSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a resolution ended: the endpoint, its step and EWS URL, or the error.
 *
 * <p>Immutable and thread-safe.
 *
 * @param resolved whether an endpoint was found
 * @param finalEmail the address the settings belong to, after any redirectAddr
 * @param endpoint the URL that answered with settings
 * @param method the step the endpoint came from
 * @param ewsUrl the EWS URL of the settings
 * @param errorCode why there is no endpoint
 * @param errorMessage one line saying why
 * @param elapsedMs how long the whole resolution took, when known
 */
public record Verdict(
    boolean resolved,
    String finalEmail,
    Optional<String> endpoint,
    Optional<String> method,
    Optional<String> ewsUrl,
    Optional<String> errorCode,
    Optional<String> errorMessage,
    OptionalLong elapsedMs) {

  public Verdict {
    Objects.requireNonNull(finalEmail, "finalEmail");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(ewsUrl, "ewsUrl");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(elapsedMs, "elapsedMs");
  }

  static Verdict of(AutodiscoverResult result, long elapsedMs) {
    return new Verdict(
        result.resolved(),
        result.finalEmail(),
        result.endpoint().map(endpoint -> endpoint.url().toString()),
        result.endpoint().map(endpoint -> endpoint.method().name()),
        result.settings().flatMap(AutodiscoverSettings::ewsUrl),
        result.error().map(error -> error.code().name()),
        result.error().map(error -> error.message()),
        elapsedMs < 0 ? OptionalLong.empty() : OptionalLong.of(elapsedMs));
  }
}
