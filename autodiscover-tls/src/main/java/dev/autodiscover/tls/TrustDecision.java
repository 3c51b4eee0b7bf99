package dev.autodiscover.tls;

/**
 * What the host application answers when a server presents a certificate that failed validation.
 *
 * <p>Immutable and thread-safe.
 */
public enum TrustDecision {
  /** Accept this exact certificate for this host, for the current resolution only. */
  TRUST_ONCE,
  /** Accept this exact certificate for this host from now on, remembered in the {@link PinStore}. */
  TRUST_ALWAYS,
  /** Refuse the certificate and go on with the next candidate. The default. */
  SKIP,
  /** Refuse the certificate and stop the whole resolution. */
  ABORT
}
