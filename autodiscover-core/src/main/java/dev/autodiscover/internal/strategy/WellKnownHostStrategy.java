package dev.autodiscover.internal.strategy;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.internal.DnsNames;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.net.URI;
import java.util.List;
import java.util.Optional;

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

  /**
   * Returns the one URL on the derived host; none when the host name is longer than DNS allows (a
   * domain of more than 240 characters for {@code autodiscover.<domain>}), which is then recorded as
   * a failed attempt.
   */
  @Override
  public List<Candidate> candidates(DiscoveryContext context) {
    String host = prefix + context.domain();
    String url = "https://" + host + PATH;
    Optional<String> tooLong = DnsNames.tooLong(host);
    if (tooLong.isPresent()) {
      context.begin(method, url).finish(AttemptOutcome.DNS_FAILED, "not tried: " + host + " is " + tooLong.get());
      return List.of();
    }
    return List.of(Candidate.direct(URI.create(url), method));
  }

  @Override
  public String toString() {
    return method.name();
  }
}
