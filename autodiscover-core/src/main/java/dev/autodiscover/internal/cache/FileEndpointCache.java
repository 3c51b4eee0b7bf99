package dev.autodiscover.internal.cache;

import dev.autodiscover.spi.CachedEndpoint;
import dev.autodiscover.spi.EndpointCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link EndpointCache} kept in a text file, one domain a line:
 *
 * <pre>
 * # autodiscover endpoint cache, format 1: ...
 * contoso.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z found SRV https://mail.contoso.com/autodiscover/autodiscover.xml
 * fabrikam.com 2024-05-01T10:00:00Z 2024-05-01T10:15:00Z failed no step found an Autodiscover server
 * </pre>
 *
 * <p>Each line holds the domain, when the entry was learned and when it expires (ISO-8601 instants
 * in UTC), then either {@code found}, the discovery method and the URL, or {@code failed} and the
 * reason, which runs to the end of the line. A blank line, or one starting with {@code #}, is a
 * comment. The file is read once, when the cache is made, and answers come from memory. Every
 * {@link #put} and {@link #remove} rewrites the whole file, a header comment and then the domains
 * least recently used first, through a temporary file in the same directory that is forced to disk
 * and moved over the old one, so a crash leaves either the old file or the new one; comments other
 * than the header are not kept. Stale entries may stay in the file until the next rewrite after
 * {@link #get} drops them, but are never returned. Like {@link InMemoryEndpointCache}, it remembers
 * at most 100,000 domains.
 *
 * <p>Thread-safe within one process; two processes writing the same file may lose each other's
 * entries.
 */
public final class FileEndpointCache implements EndpointCache {
  private final Path file;
  /** Replaced, never changed in place, by a write; guarded by {@code this}. */
  private DomainEntries entries;

  /**
   * Reads the entries in {@code file}; a file that does not exist is an empty cache.
   *
   * @throws IllegalArgumentException naming the file and the line number when a line is not an entry
   * @throws UncheckedIOException when the file exists but cannot be read
   */
  public FileEndpointCache(Path file) {
    this(file, DomainEntries.MAX_ENTRIES);
  }

  FileEndpointCache(Path file, int maxEntries) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    this.entries = new DomainEntries(maxEntries);
    List<String> lines;
    try {
      lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      lines = List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the endpoint cache file " + this.file, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      try {
        EndpointLines.parse(lines.get(i)).ifPresent(entries::put);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(this.file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public synchronized Optional<CachedEndpoint> get(String domain, Instant now) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(now, "now");
    return entries.get(domain, now);
  }

  /**
   * Stores {@code entry} and rewrites the file before returning.
   *
   * @throws IllegalArgumentException when the entry's URL holds a space or control character
   * @throws UncheckedIOException when the file cannot be written; the cache is then unchanged
   */
  @Override
  public synchronized void put(CachedEndpoint entry) {
    Objects.requireNonNull(entry, "entry");
    DomainEntries updated = entries.copy();
    updated.put(entry);
    write(updated);
  }

  /**
   * Forgets the domain and rewrites the file before returning.
   *
   * @throws UncheckedIOException when the file cannot be written; the cache is then unchanged
   */
  @Override
  public synchronized void remove(String domain) {
    Objects.requireNonNull(domain, "domain");
    DomainEntries updated = entries.copy();
    updated.remove(domain);
    write(updated);
  }

  @Override
  public String toString() {
    return "FileEndpointCache[" + file + "]";
  }

  private void write(DomainEntries updated) {
    List<String> lines = new ArrayList<>(EndpointLines.HEADER);
    for (CachedEndpoint entry : updated.inUseOrder()) {
      lines.add(EndpointLines.format(entry));
    }
    try {
      AtomicFiles.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the endpoint cache file " + file, e);
    }
    entries = updated;
  }
}
