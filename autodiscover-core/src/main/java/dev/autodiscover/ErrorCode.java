package dev.autodiscover;

/** Why a resolution ended without an endpoint. */
public enum ErrorCode {
  /** Every candidate was tried and none answered with settings. */
  NO_ENDPOINT,
  /** More than the allowed number of redirects (10) were met in one resolution. */
  REDIRECT_LIMIT,
  /** A redirectAddr led back to an address already resolved. */
  REDIRECT_LOOP,
  /** The host application aborted the resolution from a certificate decision. */
  ABORTED,
  /** The overall time limit ran out. */
  TIMEOUT,
  /** The address is not an email address this library can resolve. */
  INVALID_EMAIL
}
