package dev.autodiscover;

import java.net.URI;
import java.util.Objects;

/**
 * The Autodiscover URL that answered with settings, the discovery step it came from, and the
 * dialect it answered in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the URL that answered
 * @param method the step the URL came from; a redirectUrl target keeps its origin's method
 * @param dialect the dialect the answer was written in
 */
public record Endpoint(URI url, DiscoveryMethod method, Dialect dialect) {
  public Endpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(dialect, "dialect");
  }

  /** Creates an endpoint that answered in {@link Dialect#POX}. */
  public Endpoint(URI url, DiscoveryMethod method) {
    this(url, method, Dialect.POX);
  }
}
