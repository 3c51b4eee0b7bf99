package dev.autodiscover.spi;

import dev.autodiscover.internal.cache.FileEndpointCache;
import dev.autodiscover.internal.cache.InMemoryEndpointCache;
import java.nio.file.Path;
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

  /**
   * Returns a cache kept in {@code file}, read now and rewritten atomically on every {@link #put}
   * and {@link #remove}; like {@link #inMemory()}, it remembers at most 100,000 domains. A file that
   * does not exist yet is an empty cache; it is created on the first write. A write that fails
   * throws {@link java.io.UncheckedIOException} and leaves the cache as it was.
   *
   * <p>The file is text, one domain a line, fields separated by spaces; {@code learned} and {@code
   * expires} are ISO-8601 instants in UTC, and a line starting with {@code #} is a comment:
   *
   * <pre>
   * &lt;domain&gt; &lt;learned&gt; &lt;expires&gt; found &lt;METHOD&gt; &lt;url&gt;
   * &lt;domain&gt; &lt;learned&gt; &lt;expires&gt; failed &lt;reason, to the end of the line&gt;
   * </pre>
   *
   * <p>Safe for the threads of one process; two processes writing the same file may lose each
   * other's entries.
   *
   * @throws IllegalArgumentException naming the file and the line number when a line is not an entry
   * @throws java.io.UncheckedIOException when the file exists but cannot be read
   */
  static EndpointCache file(Path file) {
    return new FileEndpointCache(file);
  }
}
