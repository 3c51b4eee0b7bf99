package dev.autodiscover.tls;

/**
 * One reason a server certificate was not accepted for the host it was presented for.
 *
 * <p>A diagnosis lists every problem it finds, the main codes first in the order declared here: an
 * expired certificate issued for the wrong name reports both {@link #NAME_MISMATCH} and {@link
 * #EXPIRED}. Then come the finer codes, which say why a main code applies: {@link
 * #NO_SUBJECT_ALT_NAME}, {@link #WILDCARD_NOT_COVERING_APEX}, {@link #WILDCARD_OVER_PUBLIC_SUFFIX}
 * and {@link #IP_NOT_IN_SAN} only beside {@code NAME_MISMATCH}, {@link #INCOMPLETE_CHAIN} only
 * beside {@code UNTRUSTED_ISSUER}. Immutable and thread-safe.
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
  UNTRUSTED_ISSUER,
  /** Finer cause of {@link #NAME_MISMATCH}: the certificate has no DNS or IP subjectAltName. */
  NO_SUBJECT_ALT_NAME,
  /**
   * Finer cause of {@link #NAME_MISMATCH}: a wildcard entry such as {@code *.contoso.com} was
   * presented for the domain it stands under, {@code contoso.com}, which it never covers.
   */
  WILDCARD_NOT_COVERING_APEX,
  /**
   * Finer cause of {@link #NAME_MISMATCH}: a wildcard entry would cover the host but stands over a
   * public suffix ({@code *.co.uk}), which no wildcard may cover.
   */
  WILDCARD_OVER_PUBLIC_SUFFIX,
  /**
   * Finer cause of {@link #NAME_MISMATCH}: the host is an IP address and no iPAddress entry holds
   * it (a DNS entry never covers an IP address).
   */
  IP_NOT_IN_SAN,
  /**
   * Finer cause of {@link #UNTRUSTED_ISSUER}: an intermediate certificate is missing. The leaf's
   * issuer is neither in the presented chain nor a trusted certificate, and the leaf was not signed
   * by its own key; the server should send the intermediate it was issued by.
   */
  INCOMPLETE_CHAIN
}
