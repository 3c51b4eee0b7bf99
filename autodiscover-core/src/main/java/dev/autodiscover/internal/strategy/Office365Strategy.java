package dev.autodiscover.internal.strategy;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Office365Cloud;
import dev.autodiscover.internal.DnsNames;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft's own Autodiscover hosts ({@code OFFICE365}): asked directly, or only when
 * {@code autodiscover.<domain>} is a CNAME to one of the clouds' alias targets. The hosts come from
 * the resolver's configuration, never from DNS, which only decides whether to ask them: the
 * candidates are direct ones, under the certificate and credential rules of any other. Thread-safe.
 */
public final class Office365Strategy implements DiscoveryStrategy {
  private static final Logger log = LoggerFactory.getLogger(Office365Strategy.class);

  private final List<Office365Cloud> clouds;
  private final boolean onlyWhenAliased;

  private Office365Strategy(List<Office365Cloud> clouds, boolean onlyWhenAliased) {
    if (clouds.isEmpty()) {
      throw new IllegalArgumentException("the Office 365 step needs at least one cloud");
    }
    this.clouds = List.copyOf(clouds);
    this.onlyWhenAliased = onlyWhenAliased;
  }

  /** Asks every cloud's host, in order, for every address. */
  public static Office365Strategy always(List<Office365Cloud> clouds) {
    return new Office365Strategy(clouds, false);
  }

  /** Asks a cloud's host only when {@code autodiscover.<domain>} is an alias of one of its targets. */
  public static Office365Strategy whenAliased(List<Office365Cloud> clouds) {
    return new Office365Strategy(clouds, true);
  }

  @Override
  public DiscoveryMethod method() {
    return DiscoveryMethod.OFFICE365;
  }

  @Override
  public List<Candidate> candidates(DiscoveryContext context) {
    if (!onlyWhenAliased) {
      return clouds.stream().map(Office365Strategy::candidate).toList();
    }
    String prefixed = "autodiscover." + context.domain();
    if (DnsNames.tooLong(prefixed).isPresent()) {
      return List.of(); // the PREFIXED_HOST step already records why
    }
    List<String> chain;
    try {
      chain = context.dns().lookupAliases(prefixed, context.stepTimeout());
    } catch (UnknownHostException e) {
      log.debug("{}: no Office 365 alias check: {}", context.emailAddress(), e.getMessage());
      return List.of();
    }
    for (String target : chain) {
      Optional<Office365Cloud> cloud = clouds.stream().filter(c -> c.isAliasTarget(target)).findFirst();
      if (cloud.isPresent()) {
        context.begin(method(), prefixed).finish(AttemptOutcome.REDIRECTED, prefixed + " is an alias of " + target
            + ", the Autodiscover service of " + cloud.get().name() + ": asking " + cloud.get().host());
        return List.of(candidate(cloud.get()));
      }
    }
    log.debug("{}: {} is not an alias of an Office 365 Autodiscover service ({})",
        context.emailAddress(), prefixed, chain);
    return List.of();
  }

  private static Candidate candidate(Office365Cloud cloud) {
    return Candidate.direct(URI.create("https://" + cloud.host() + WellKnownHostStrategy.PATH), DiscoveryMethod.OFFICE365);
  }

  @Override
  public String toString() {
    return method().name() + (onlyWhenAliased ? " (when aliased) " : " ") + clouds;
  }
}
