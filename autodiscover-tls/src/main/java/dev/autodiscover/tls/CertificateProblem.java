package dev.autodiscover.tls;

/**
 * One reason a server certificate was not accepted for the host it was presented for.
 *
 * <p>A diagnosis lists every problem it finds, main codes first: an expired certificate issued for
 * the wrong name reports both {@link #NAME_MISMATCH} and {@link #EXPIRED}. Immutable and
 * thread-safe.
 */
public enum CertificateProblem {
  /** None of the certificate's subjectAltName entries covers the host that was asked for. */
  NAME_MISMATCH,
  /** The current time is after the certificate's notAfter. */
  EXPIRED,
  /** The current time is before the certificate's notBefore. */
  NOT_YET_VALID,
  /** The certificate is signed by its own key and is not a trust anchor. */
  SELF_SIGNED,
  /** The chain does not lead to a trusted certificate authority. */
  UNTRUSTED_ISSUER
}
