package dev.autodiscover.internal.cache;

import dev.autodiscover.spi.CachedEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cache entries keyed by domain, at most {@code maxEntries} of them, dropping the least recently
 * used first. Not thread-safe: its owner guards it.
 */
final class DomainEntries {
  /** How many domains a cache remembers unless a test asks for fewer. */
  static final int MAX_ENTRIES = 100_000;

  private final int maxEntries;
  private final LinkedHashMap<String, CachedEndpoint> entries;

  DomainEntries(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CachedEndpoint> eldest) {
        return size() > DomainEntries.this.maxEntries;
      }
    };
  }

  /** Returns the domain's entry when it is fresh at {@code now}; a stale entry is dropped. */
  Optional<CachedEndpoint> get(String domain, Instant now) {
    String key = CacheDomains.normalize(domain);
    CachedEndpoint entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.freshAt(now)) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  /** Replaces the entry of {@code entry}'s domain, which becomes the most recently used. */
  void put(CachedEndpoint entry) {
    entries.put(entry.domain(), entry);
  }

  void remove(String domain) {
    entries.remove(CacheDomains.normalize(domain));
  }

  /** Returns an independent copy, in the same order. */
  DomainEntries copy() {
    DomainEntries copy = new DomainEntries(maxEntries);
    copy.entries.putAll(entries);
    return copy;
  }

  /** Returns the entries, least recently used first. */
  List<CachedEndpoint> inUseOrder() {
    return new ArrayList<>(entries.values());
  }
}
