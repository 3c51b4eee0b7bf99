package dev.autodiscover.spi;

import dev.autodiscover.tls.CertificateDiagnosis;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory search that did not complete, and why. Its message is one line for people and never
 * holds a password.
 */
public final class DirectoryException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why a directory search did not complete. */
  public enum Reason {
    /** No connection could be made: no address, refused, unreachable, or TLS failed for a reason other than the certificate. */
    UNREACHABLE,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The LDAPS server's certificate failed validation. */
    CERTIFICATE_REJECTED,
    /** The server refused the bind, or refused the search to this bind. */
    BIND_REFUSED,
    /** The server answered the search with an error, or not as a directory would. */
    FAILED
  }

  private final Reason reason;
  private final transient CertificateDiagnosis certificate;

  /** Creates an exception for {@code reason}, with a one-line message and an optional cause. */
  public DirectoryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.certificate = null;
  }

  /** Creates an exception for an LDAPS certificate that failed validation. */
  public DirectoryException(CertificateDiagnosis certificate, String message, Throwable cause) {
    super(message, cause);
    this.reason = Reason.CERTIFICATE_REJECTED;
    this.certificate = Objects.requireNonNull(certificate, "certificate");
  }

  /** Returns why the search did not complete. */
  public Reason reason() {
    return reason;
  }

  /** Returns the diagnosis of the rejected certificate, for {@link Reason#CERTIFICATE_REJECTED}. */
  public Optional<CertificateDiagnosis> certificate() {
    return Optional.ofNullable(certificate);
  }
}
