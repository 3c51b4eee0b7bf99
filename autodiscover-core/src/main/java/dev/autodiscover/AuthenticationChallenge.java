package dev.autodiscover;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP 401 challenge from an Autodiscover endpoint whose certificate was accepted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param emailAddress the address being resolved
 * @param url the https URL that asked
 * @param schemes the schemes its {@code WWW-Authenticate} headers offer, in order (such as
 *     {@code Basic}, {@code Bearer}, {@code Negotiate})
 */
public record AuthenticationChallenge(String emailAddress, URI url, List<String> schemes) {
  public AuthenticationChallenge {
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(url, "url");
    schemes = List.copyOf(schemes);
  }
}
