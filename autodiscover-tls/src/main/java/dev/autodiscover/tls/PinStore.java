package dev.autodiscover.tls;

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
}
