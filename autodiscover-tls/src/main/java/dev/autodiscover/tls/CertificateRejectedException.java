package dev.autodiscover.tls;

import java.security.cert.CertificateException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Thrown when a server's certificate failed validation and no extended trust covered it; carries
 * the full {@link CertificateDiagnosis}, and its message is the diagnosis summary.
 *
 * <p>HTTP clients wrap it (OkHttp in an {@code SSLHandshakeException}); {@link #find} digs it out.
 * The diagnosis it carries is immutable and may be read from any thread.
 *
 * <pre>{@code
 * } catch (IOException e) {
 *   CertificateRejectedException.find(e)
 *       .ifPresent(diagnosis -> handler.decide(diagnosis));
 * }
 * }</pre>
 */
public final class CertificateRejectedException extends CertificateException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: a deserialized exception keeps only its message. */
  private final transient CertificateDiagnosis diagnosis;

  public CertificateRejectedException(CertificateDiagnosis diagnosis) {
    super(Objects.requireNonNull(diagnosis, "diagnosis").summary());
    this.diagnosis = diagnosis;
  }

  /** Returns what was found wrong with the certificate. */
  public CertificateDiagnosis diagnosis() {
    return diagnosis;
  }

  /**
   * Returns the diagnosis of the first {@code CertificateRejectedException} in {@code throwable}'s
   * causes and suppressed exceptions, {@code throwable} included.
   */
  public static Optional<CertificateDiagnosis> find(Throwable throwable) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    if (throwable != null) {
      pending.add(throwable);
    }
    while (!pending.isEmpty()) {
      Throwable next = pending.removeFirst();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof CertificateRejectedException rejected && rejected.diagnosis != null) {
        return Optional.of(rejected.diagnosis);
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      Collections.addAll(pending, next.getSuppressed());
    }
    return Optional.empty();
  }
}
