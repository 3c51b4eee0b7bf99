package dev.autodiscover;

import dev.autodiscover.internal.DnsNames;
import dev.autodiscover.internal.DomainRules;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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

  /**
   * Returns a policy that allows targets inside the email's registrable domain, as
   * {@link #SAME_DOMAIN} does, and targets on these domains or under them, and refuses the rest.
   * For mailboxes in Microsoft 365, whose own hosts redirect between its domains:
   *
   * <pre>{@code
   * .redirectConsent(RedirectConsent.sameDomainAnd("outlook.com", "office365.com"))
   * }</pre>
   *
   * @throws IllegalArgumentException when a domain is not a DNS host name, or is a public suffix
   *     (which would allow anything registered under it)
   */
  static RedirectConsent sameDomainAnd(String... domains) {
    Set<String> trusted = new LinkedHashSet<>();
    for (String domain : domains) {
      Objects.requireNonNull(domain, "domains must not contain null");
      String host = DnsNames.hostName(domain).orElseThrow(() -> new IllegalArgumentException(
          "domains must be DNS host names, such as outlook.com: \"" + domain + "\""));
      if (DomainRules.isPublicSuffix(host)) {
        throw new IllegalArgumentException("domains must not be public suffixes: \"" + domain + "\"");
      }
      trusted.add(host);
    }
    return request -> {
      String target = request.to().getHost() == null ? "" : request.to().getHost().toLowerCase(Locale.ROOT);
      boolean listed = trusted.stream().anyMatch(domain -> target.equals(domain) || target.endsWith("." + domain));
      return request.withinEmailDomain() || listed ? RedirectDecision.ALLOW : RedirectDecision.DENY;
    };
  }

  /** Returns the decision for this redirect; never null. */
  RedirectDecision decide(RedirectRequest request);
}
