package dev.autodiscover.internal.cache;

import dev.autodiscover.spi.CachedEndpoint;
import dev.autodiscover.spi.EndpointCache;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link EndpointCache} held in memory, remembering at most 100,000 domains and dropping the
 * least recently used first. Thread-safe.
 */
public final class InMemoryEndpointCache implements EndpointCache {
  private final DomainEntries entries;

  /** Returns an empty cache of at most 100,000 domains. */
  public InMemoryEndpointCache() {
    this(DomainEntries.MAX_ENTRIES);
  }

  InMemoryEndpointCache(int maxEntries) {
    this.entries = new DomainEntries(maxEntries);
  }

  @Override
  public Optional<CachedEndpoint> get(String domain, Instant now) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(now, "now");
    synchronized (entries) {
      return entries.get(domain, now);
    }
  }

  @Override
  public void put(CachedEndpoint entry) {
    Objects.requireNonNull(entry, "entry");
    synchronized (entries) {
      entries.put(entry);
    }
  }

  @Override
  public void remove(String domain) {
    Objects.requireNonNull(domain, "domain");
    synchronized (entries) {
      entries.remove(domain);
    }
  }

  @Override
  public String toString() {
    return "InMemoryEndpointCache";
  }
}
