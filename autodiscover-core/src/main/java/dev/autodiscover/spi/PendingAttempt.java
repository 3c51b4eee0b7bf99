package dev.autodiscover.spi;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.tls.CertificateDiagnosis;

/**
 * An attempt a strategy has started and must finish exactly once; finishing records it in the
 * resolution's attempts, times it and tells the listener. Not thread-safe: finish it on the thread
 * that began it.
 */
public interface PendingAttempt {

  /** Finishes the attempt with no HTTP status. */
  Attempt finish(AttemptOutcome outcome, String detail);

  /** Finishes the attempt with the HTTP status the server answered. */
  Attempt finish(AttemptOutcome outcome, int httpStatus, String detail);

  /** Finishes the attempt as {@link AttemptOutcome#CERTIFICATE_REJECTED}, keeping the diagnosis. */
  Attempt rejected(CertificateDiagnosis diagnosis, String detail);
}
