package dev.autodiscover.tls;

/**
 * Decides whether to accept a server certificate that failed validation.
 *
 * <p>It receives the full {@link CertificateDiagnosis} (problems, subject, names, validity,
 * SHA-256) and answers with a {@link TrustDecision}. Whatever it answers, trust is only ever
 * extended to that exact certificate for that host. The resolver never asks two questions at once,
 * but one handler may serve several resolutions running on different threads, so implementations
 * must be thread-safe.
 *
 * <pre>{@code
 * UntrustedCertificateHandler prompt = diagnosis -> {
 *   boolean yes = ui.confirm("Trust " + diagnosis.subject() + " (" + diagnosis.sha256() + ")?");
 *   return yes ? TrustDecision.TRUST_ONCE : TrustDecision.SKIP;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface UntrustedCertificateHandler {

  /** Refuses every untrusted certificate and goes on with the next candidate. The default. */
  UntrustedCertificateHandler SKIP = diagnosis -> TrustDecision.SKIP;

  /** Refuses every untrusted certificate and stops the resolution at the first one. */
  UntrustedCertificateHandler ABORT = diagnosis -> TrustDecision.ABORT;

  /** Returns the decision for the certificate {@code diagnosis} describes; never null. */
  TrustDecision decide(CertificateDiagnosis diagnosis);
}
