package dev.autodiscover.spi;

import dev.autodiscover.internal.cache.InMemoryEndpointCache;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers, per email domain, the last endpoint discovery found there or that discovery failed,
 * so that a resolver can answer again without repeating every step.
 *
 * <p>Domains are compared ignoring case and one trailing dot. An entry is used only while it is
 * fresh ({@link CachedEndpoint#freshAt}); the caller passes the time, so a cache never reads a
 * clock of its own. Implementations must be thread-safe: one instance serves every resolution of a
 * resolver.
 *
 * <pre>{@code
 * AutodiscoverResolver resolver = AutodiscoverResolver.builder()
 *     .endpointCache(EndpointCache.file(Path.of("endpoints.txt")))
 *     .build();
 * }</pre>
 */
public interface EndpointCache {

  /** Remembers nothing: every {@link #get} is empty. */
  EndpointCache NONE = new EndpointCache() {
    @Override
    public Optional<CachedEndpoint> get(String domain, Instant now) {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(now, "now");
      return Optional.empty();
    }

    @Override
    public void put(CachedEndpoint entry) {
      Objects.requireNonNull(entry, "entry");
    }

    @Override
    public void remove(String domain) {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String toString() {
      return "EndpointCache.NONE";
    }
  };

  /**
   * Returns the domain's entry when it is fresh at {@code now}; empty when there is none or it is
   * stale, in which case the stale entry is dropped.
   *
   * @throws IllegalArgumentException naming {@code domain} when it is not one a {@link
   *     CachedEndpoint} accepts: blank, holding a space, control character or {@code #}, or longer
   *     than 253 characters
   */
  Optional<CachedEndpoint> get(String domain, Instant now);

  /** Stores {@code entry}, replacing whatever was remembered about its domain. */
  void put(CachedEndpoint entry);

  /** Forgets the domain; nothing happens when it is not remembered. */
  void remove(String domain);

  /**
   * Returns a new, empty cache held in memory, remembering at most 100,000 domains; when full, the
   * least recently used domain is dropped first.
   */
  static EndpointCache inMemory() {
    return new InMemoryEndpointCache();
  }
}
