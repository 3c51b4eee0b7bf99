package dev.autodiscover.tls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link CertificateNameValidator#check}: whether a certificate covers a host, and
 * for each identity the certificate presents, whether it matched and why not.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the host as it was asked for
 * @param matched whether some presented identity covers the host
 * @param presented the certificate's subjectAltName DNS and IP entries, in certificate order; empty
 *     when it has none (the subject CN is never used)
 */
public record NameCheck(String host, boolean matched, List<Presented> presented) {

  public NameCheck {
    Objects.requireNonNull(host, "host");
    presented = List.copyOf(presented);
  }

  /** Returns the first presented identity that covers the host, if any. */
  public Optional<Presented> match() {
    return presented.stream().filter(Presented::matched).findFirst();
  }

  /** The kind of a subjectAltName entry a certificate presents. */
  public enum Kind {
    /** A dNSName entry: a host name, possibly with a wildcard left-most label. */
    DNS,
    /** An iPAddress entry: an IPv4 or IPv6 address. */
    IP
  }

  /**
   * One identity a certificate presents.
   *
   * @param kind whether it is a DNS name or an IP address
   * @param value the entry as the certificate holds it
   * @param matched whether it covers the host
   * @param reason a few words: {@code "matches"}, or why it does not cover the host
   */
  public record Presented(Kind kind, String value, boolean matched, String reason) {
    public Presented {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
