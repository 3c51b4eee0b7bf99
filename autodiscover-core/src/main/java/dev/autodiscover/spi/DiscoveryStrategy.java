package dev.autodiscover.spi;

import dev.autodiscover.DiscoveryMethod;
import java.util.List;

/**
 * One discovery step: finds candidate URLs for an address, in the order they should be tried.
 *
 * <p>The resolver runs its strategies in the order of its list. Probing sequentially, it calls a
 * strategy only when every candidate of the strategies before it has failed; probing staggered
 * (the default), it may call it while an earlier candidate is still running, on another thread,
 * and set its candidates aside if an earlier one answers. A strategy may do lookups of its own
 * (DNS, LDAP, a plain-HTTP GET) and record them through {@link DiscoveryContext#begin}; it must not
 * POST the Autodiscover request itself. Implementations must be thread-safe: one instance serves
 * every resolution of a resolver.
 *
 * <pre>{@code
 * DiscoveryStrategy fixed = new DiscoveryStrategy() {
 *   public DiscoveryMethod method() { return DiscoveryMethod.of("FIXED"); }
 *   public List<Candidate> candidates(DiscoveryContext context) {
 *     return List.of(Candidate.direct(URI.create("https://mail.contoso.com/autodiscover/autodiscover.xml"), method()));
 *   }
 * };
 * }</pre>
 */
public interface DiscoveryStrategy {

  /** Returns the method this strategy's candidates are reported under. */
  DiscoveryMethod method();

  /** Returns the candidates for {@code context}'s address, best first; empty when there are none. */
  List<Candidate> candidates(DiscoveryContext context);
}
