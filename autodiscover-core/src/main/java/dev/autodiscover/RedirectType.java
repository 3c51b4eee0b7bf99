package dev.autodiscover;

/** Where a redirect came from. */
public enum RedirectType {
  /** An Autodiscover answer naming the mailbox's real address; the resolution restarts for it. */
  REDIRECT_ADDR,
  /** An Autodiscover {@code redirectUrl} answer, or an HTTP 3xx on the POST. */
  REDIRECT_URL,
  /** The Location of the plain-HTTP {@code GET http://autodiscover.<domain>/...} step. */
  HTTP_REDIRECT,
  /** A target of the {@code _autodiscover._tcp.<domain>} SRV record. */
  SRV
}
