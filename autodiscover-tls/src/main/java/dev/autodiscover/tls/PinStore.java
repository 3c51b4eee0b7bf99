package dev.autodiscover.tls;

import java.nio.file.Path;

/**
 * Remembers the certificates a host application chose to trust always, by host and the SHA-256 of
 * the leaf certificate.
 *
 * <p>A pin covers exactly one certificate for exactly one host: never another certificate from the
 * same issuer, never another host. Implementations must be thread-safe.
 */
public interface PinStore {

  /** Returns whether the certificate with this SHA-256 (lowercase hex) is pinned for this host. */
  boolean isPinned(String host, String sha256);

  /** Pins the certificate with this SHA-256 (lowercase hex) for this host. */
  void pin(String host, String sha256);

  /** Returns a new, empty store held in memory. */
  static PinStore inMemory() {
    return new InMemoryPinStore();
  }

  /**
   * Returns a store kept in {@code file}, one pin a line ({@code host sha256}, {@code #} comments
   * allowed), read now and rewritten atomically on each new pin. A file that does not exist yet is
   * an empty store; it is created on the first pin.
   *
   * <pre>{@code
   * PinStore pins = PinStore.file(Path.of(System.getProperty("user.home"), ".autodiscover", "pins"));
   * }</pre>
   *
   * @throws IllegalArgumentException naming the file and the line number when a line is not a pin
   * @throws java.io.UncheckedIOException when the file exists but cannot be read
   */
  static PinStore file(Path file) {
    return new FilePinStore(file);
  }
}
