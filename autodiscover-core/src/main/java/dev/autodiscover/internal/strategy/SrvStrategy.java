package dev.autodiscover.internal.strategy;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.RedirectType;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.SrvRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * The targets of {@code _autodiscover._tcp.<domain>}, in RFC 2782 order, as candidates that need
 * the host application's consent. Only the first {@value SrvLookup#MAX_TARGETS} records are
 * considered; targets that are not host names, and targets on a port that is not allowed (only 443
 * unless configured), are reported and skipped. Thread-safe.
 */
public final class SrvStrategy implements DiscoveryStrategy {
  private final Set<Integer> allowedPorts;
  private final IntUnaryOperator random;

  /**
   * @param allowedPorts the ports an SRV target may name
   * @param random returns a uniformly chosen int in {@code [0, bound)} for a bound it is given
   */
  public SrvStrategy(Set<Integer> allowedPorts, IntUnaryOperator random) {
    if (allowedPorts.isEmpty()) {
      throw new IllegalArgumentException("allowedPorts must name at least one port");
    }
    for (int port : allowedPorts) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("allowedPorts must be 1..65535: " + port);
      }
    }
    this.allowedPorts = Set.copyOf(allowedPorts);
    this.random = random;
  }

  @Override
  public DiscoveryMethod method() {
    return DiscoveryMethod.SRV;
  }

  @Override
  public List<Candidate> candidates(DiscoveryContext context) {
    String name = "_autodiscover._tcp." + context.domain();
    Optional<SrvLookup> lookup = SrvLookup.of(
        context, method(), name, "Autodiscover is not offered at " + context.domain(), random);
    if (lookup.isEmpty()) {
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (SrvRecord record : lookup.get().ordered()) {
      if (!allowedPorts.contains(record.port())) {
        refused.add(record.target() + ":" + record.port());
        continue;
      }
      String authority = record.port() == 443 ? record.target() : record.target() + ":" + record.port();
      URI url = URI.create("https://" + authority + WellKnownHostStrategy.PATH);
      candidates.add(Candidate.redirected(url, method(), RedirectType.SRV, name));
    }
    StringBuilder detail = new StringBuilder(lookup.get().count());
    if (!candidates.isEmpty()) {
      detail.append(": ").append(candidates.stream().map(c -> c.url().getAuthority()).toList());
    }
    detail.append(lookup.get().ignoredNote());
    if (!refused.isEmpty()) {
      detail.append("; ignored ").append(refused).append(": only port(s) ")
          .append(new TreeSet<>(allowedPorts)).append(" are allowed");
    }
    lookup.get().attempt().finish(candidates.isEmpty() ? AttemptOutcome.INVALID_REDIRECT : AttemptOutcome.REDIRECTED,
        detail.toString());
    return candidates;
  }

  @Override
  public String toString() {
    return method().name();
  }
}
