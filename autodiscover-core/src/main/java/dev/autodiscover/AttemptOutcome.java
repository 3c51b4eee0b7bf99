package dev.autodiscover;

/** How one attempt at a candidate ended. */
public enum AttemptOutcome {
  /** The candidate answered with settings: the resolution is done. */
  SUCCESS,
  /** The candidate answered with a redirect that was followed. */
  REDIRECTED,
  /** A name could not be resolved, or a DNS record the step needs does not exist. */
  DNS_FAILED,
  /** No connection could be made, or the TLS handshake failed for a reason other than the certificate. */
  CONNECT_FAILED,
  /** The candidate did not answer in time. */
  TIMEOUT,
  /** The server's certificate failed validation and the host application did not trust it. */
  CERTIFICATE_REJECTED,
  /**
   * The server asked for credentials (HTTP 401) and none were supplied, or they were rejected; for
   * a directory, the bind was refused.
   */
  UNAUTHORIZED,
  /** The server answered with an HTTP status that is neither success, redirect nor 401. */
  HTTP_ERROR,
  /** The server answered, but not with Autodiscover XML (a public web page, say). */
  NOT_AUTODISCOVER,
  /** The server answered with an Autodiscover {@code Error} element. */
  AUTODISCOVER_ERROR,
  /** A redirect was not followed because the consent policy refused it. */
  REDIRECT_DENIED,
  /** A redirect broke the rules: not https, already tried, a wrong path, or over the limit. */
  INVALID_REDIRECT,
  /**
   * The attempt was stopped before it ended: the resolution no longer needed it, or it failed with
   * an unexpected exception (the detail names it).
   */
  ABANDONED,
  /**
   * The step did not run: it is not configured (the SCP step without a directory), or the
   * strategy failed before proposing a candidate (the detail says which).
   */
  SKIPPED,
  /** The directory answered, but holds nothing this step can use (no serviceConnectionPoint object). */
  NOT_FOUND
}
