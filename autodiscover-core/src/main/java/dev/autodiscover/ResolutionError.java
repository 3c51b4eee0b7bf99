package dev.autodiscover;

import java.util.Objects;

/**
 * Why a resolution ended without an endpoint.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the kind of failure
 * @param message one line for people
 */
public record ResolutionError(ErrorCode code, String message) {
  public ResolutionError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
