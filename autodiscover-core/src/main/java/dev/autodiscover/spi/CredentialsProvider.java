package dev.autodiscover.spi;

import dev.autodiscover.AuthenticationChallenge;
import dev.autodiscover.Credentials;
import java.util.Optional;

/**
 * Supplies credentials in answer to an HTTP 401 challenge.
 *
 * <p>The resolver asks only for https endpoints whose certificate it accepted, only in answer to a
 * 401, never on the plain-HTTP redirect step, and sends what it gets only when the challenge offers
 * that scheme. Implementations may be called from several resolutions at once and must be
 * thread-safe.
 */
@FunctionalInterface
public interface CredentialsProvider {

  /** Supplies no credentials: every 401 is reported as {@code UNAUTHORIZED}. The default. */
  CredentialsProvider NONE = challenge -> Optional.empty();

  /** Returns the credentials for this challenge, or empty to send none. */
  Optional<Credentials> credentialsFor(AuthenticationChallenge challenge);

  /** Returns a provider that answers every challenge with {@code credentials}. */
  static CredentialsProvider always(Credentials credentials) {
    Optional<Credentials> answer = Optional.of(credentials);
    return challenge -> answer;
  }
}
