package dev.autodiscover;

import java.net.URI;
import java.util.Objects;

/**
 * The Autodiscover URL that answered with settings, and the discovery step it came from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the URL that answered
 * @param method the step the URL came from; a redirectUrl target keeps its origin's method
 */
public record Endpoint(URI url, DiscoveryMethod method) {
  public Endpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
  }
}
