package dev.autodiscover;

/**
 * Decides whether the resolver may follow a redirect.
 *
 * <p>The resolver asks only about redirects from an insecure source (the plain-HTTP redirect step,
 * an SRV record) and about redirectUrl or HTTP 3xx answers that lead outside the email's
 * registrable domain, and only once every higher candidate has failed. A redirectAddr is never
 * asked about: it names the mailbox's real address, and the resolution restarts for it under the
 * same rules. Implementations may be called from several resolutions at once and must be
 * thread-safe.
 *
 * <pre>{@code
 * RedirectConsent prompt = request -> ui.confirm("Follow " + request.from() + " to " + request.to() + "?")
 *     ? RedirectDecision.ALLOW : RedirectDecision.DENY;
 * }</pre>
 */
@FunctionalInterface
public interface RedirectConsent {

  /** Allows targets inside the email's registrable domain and refuses others. The default. */
  RedirectConsent SAME_DOMAIN =
      request -> request.withinEmailDomain() ? RedirectDecision.ALLOW : RedirectDecision.DENY;

  /** Allows every redirect that is asked about. */
  RedirectConsent ALLOW_ALL = request -> RedirectDecision.ALLOW;

  /** Refuses every redirect that is asked about, inside the email's domain too. */
  RedirectConsent DENY_ALL = request -> RedirectDecision.DENY;

  /** Returns the decision for this redirect; never null. */
  RedirectDecision decide(RedirectRequest request);
}
