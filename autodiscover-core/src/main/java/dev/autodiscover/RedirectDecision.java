package dev.autodiscover;

/** The host application's answer to "may I follow this redirect?". */
public enum RedirectDecision {
  /** Follow the redirect. */
  ALLOW,
  /** Do not follow it; go on with the next candidate. */
  DENY
}
