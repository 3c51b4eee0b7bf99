package dev.autodiscover.tls;

import java.util.Locale;
import java.util.Objects;

/**
 * Trust a host application extended beyond the trust anchors: exact certificates, by the SHA-256
 * of the leaf, each for one host.
 *
 * <p>Host names compare case-insensitively and SHA-256 values as hex of either case. Implementations
 * must be thread-safe: one trust manager calls them from every connection.
 *
 * <pre>{@code
 * ExtendedTrust trust = ExtendedTrust.exactly("mail.contoso.com", diagnosis.sha256())
 *     .or(ExtendedTrust.pins(pinStore));
 * }</pre>
 */
@FunctionalInterface
public interface ExtendedTrust {

  /** Covers nothing: only the trust anchors decide. The default. */
  ExtendedTrust NONE = (host, sha256) -> false;

  /**
   * Returns whether the leaf certificate with this SHA-256 (64 hex digits) is trusted for this
   * host although it failed validation.
   */
  boolean covers(String host, String sha256);

  /** Returns trust that covers what this one or {@code other} covers. */
  default ExtendedTrust or(ExtendedTrust other) {
    Objects.requireNonNull(other, "other");
    return (host, sha256) -> covers(host, sha256) || other.covers(host, sha256);
  }

  /** Returns trust that covers every certificate pinned in {@code store}, for its host. */
  static ExtendedTrust pins(PinStore store) {
    Objects.requireNonNull(store, "store");
    return (host, sha256) -> store.isPinned(normalizeHost(host), sha256.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns trust that covers exactly one certificate for exactly one host.
   *
   * @throws IllegalArgumentException if {@code sha256} is not 64 hex digits
   */
  static ExtendedTrust exactly(String host, String sha256) {
    String trustedHost = normalizeHost(Objects.requireNonNull(host, "host"));
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, not: " + sha256);
    }
    String trustedSha256 = sha256.toLowerCase(Locale.ROOT);
    return (candidateHost, candidateSha256) ->
        trustedHost.equals(normalizeHost(candidateHost))
            && trustedSha256.equalsIgnoreCase(candidateSha256);
  }

  /** Lowercases ASCII letters and drops one trailing dot, so equal hosts compare equal. */
  private static String normalizeHost(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return name.toLowerCase(Locale.ROOT);
  }
}
