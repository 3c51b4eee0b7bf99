package dev.autodiscover.examples.embedding;

import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A discovery step of the application's own: the Autodiscover URL its configuration names for the
 * address's domain, if any. {@link CustomStrategyOrder} puts it first.
 *
 * <p>Immutable and thread-safe, as a strategy must be: one instance serves every resolution of a
 * resolver, on any thread.
 */
public final class ConfiguredUrlStrategy implements DiscoveryStrategy {
  /** The name its attempts are reported under: upper-case letters, digits and underscores. */
  public static final DiscoveryMethod METHOD = DiscoveryMethod.of("CONFIGURED_URL");

  private final Map<String, Candidate> byDomain;

  /**
   * Takes the Autodiscover URL for each mail domain.
   *
   * @throws IllegalArgumentException when a URL is not https: refused here, not mid-resolution
   */
  public ConfiguredUrlStrategy(Map<String, URI> urlByDomain) {
    Map<String, Candidate> candidates = new HashMap<>();
    urlByDomain.forEach((domain, url) ->
        candidates.put(domain.toLowerCase(Locale.ROOT), Candidate.direct(url, METHOD)));
    this.byDomain = Map.copyOf(candidates);
  }

  @Override
  public DiscoveryMethod method() {
    return METHOD;
  }

  @Override
  public List<Candidate> candidates(DiscoveryContext context) {
    // domain() is lower case; after a redirectAddr it is the new address's domain.
    Candidate configured = byDomain.get(context.domain());
    // A direct candidate needs no consent: the URL comes from the application, not the network.
    return configured == null ? List.of() : List.of(configured);
  }
}
