package dev.autodiscover.internal.strategy;

import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.net.URI;
import java.util.List;

/**
 * The two hosts derived from the email's domain and nothing else: {@code <domain>}
 * ({@code A_RECORD}) and {@code autodiscover.<domain>} ({@code PREFIXED_HOST}). Never a label
 * higher up, never {@code autodiscover.<tld>}. Thread-safe.
 */
public final class WellKnownHostStrategy implements DiscoveryStrategy {
  /** The path every Autodiscover POX endpoint answers on. */
  public static final String PATH = "/autodiscover/autodiscover.xml";

  private final DiscoveryMethod method;
  private final String prefix;

  private WellKnownHostStrategy(DiscoveryMethod method, String prefix) {
    this.method = method;
    this.prefix = prefix;
  }

  /** {@code https://<domain>/autodiscover/autodiscover.xml}. */
  public static WellKnownHostStrategy aRecord() {
    return new WellKnownHostStrategy(DiscoveryMethod.A_RECORD, "");
  }

  /** {@code https://autodiscover.<domain>/autodiscover/autodiscover.xml}. */
  public static WellKnownHostStrategy prefixedHost() {
    return new WellKnownHostStrategy(DiscoveryMethod.PREFIXED_HOST, "autodiscover.");
  }

  @Override
  public DiscoveryMethod method() {
    return method;
  }

  @Override
  public List<Candidate> candidates(DiscoveryContext context) {
    return List.of(Candidate.direct(URI.create("https://" + prefix + context.domain() + PATH), method));
  }

  @Override
  public String toString() {
    return method.name();
  }
}
