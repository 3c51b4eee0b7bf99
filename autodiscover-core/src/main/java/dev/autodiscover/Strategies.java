package dev.autodiscover;

import dev.autodiscover.internal.strategy.HttpRedirectStrategy;
import dev.autodiscover.internal.strategy.ScpStrategy;
import dev.autodiscover.internal.strategy.SrvStrategy;
import dev.autodiscover.internal.strategy.WellKnownHostStrategy;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in discovery strategies, and the order Outlook runs them in.
 *
 * <p>Every strategy returned is immutable and thread-safe.
 *
 * <pre>{@code
 * AutodiscoverResolver resolver = AutodiscoverResolver.builder()
 *     .strategies(Strategies.prefixedHost(), Strategies.srv())  // skip the root domain
 *     .build();
 * }</pre>
 */
public final class Strategies {
  private static final DiscoveryStrategy SCP = new ScpStrategy(new SecureRandom()::nextInt);
  private static final DiscoveryStrategy A_RECORD = WellKnownHostStrategy.aRecord();
  private static final DiscoveryStrategy PREFIXED_HOST = WellKnownHostStrategy.prefixedHost();
  private static final DiscoveryStrategy HTTP_REDIRECT = new HttpRedirectStrategy();
  private static final DiscoveryStrategy SRV = srv(443);

  private Strategies() {}

  /**
   * Returns the default order, Outlook's: {@link #scp()}, {@link #aRecord()},
   * {@link #prefixedHost()}, {@link #httpRedirect()}, {@link #srv()}. The SCP step runs only when
   * the resolver has an {@link ActiveDirectory}; without one it is recorded as skipped.
   */
  public static List<DiscoveryStrategy> defaults() {
    return List.of(SCP, A_RECORD, PREFIXED_HOST, HTTP_REDIRECT, SRV);
  }

  /**
   * The Autodiscover URLs published in Active Directory serviceConnectionPoint objects, searched in
   * the resolver's {@link AutodiscoverResolver.Builder#activeDirectory ActiveDirectory} as a
   * domain-joined Outlook does: objects of the client's site first, then those without a site,
   * then other sites, the oldest first within each; a pointer tagged {@code Domain=<the address's
   * domain>} restarts the search on the server it names, an unscoped pointer is followed only when
   * no URL was found, at most 10 pointers in all. An unreachable directory, a refused bind or an
   * empty search are recorded and the resolution goes on with the next step.
   */
  public static DiscoveryStrategy scp() {
    return SCP;
  }

  /** {@code POST https://<domain>/autodiscover/autodiscover.xml}. */
  public static DiscoveryStrategy aRecord() {
    return A_RECORD;
  }

  /** {@code POST https://autodiscover.<domain>/autodiscover/autodiscover.xml}. */
  public static DiscoveryStrategy prefixedHost() {
    return PREFIXED_HOST;
  }

  /**
   * {@code GET http://autodiscover.<domain>/autodiscover/autodiscover.xml} without credentials;
   * an https redirect to {@code /autodiscover/autodiscover.xml} is POSTed to after consent.
   */
  public static DiscoveryStrategy httpRedirect() {
    return HTTP_REDIRECT;
  }

  /**
   * The targets of {@code _autodiscover._tcp.<domain>} on port 443, in RFC 2782 order, each
   * followed after consent.
   */
  public static DiscoveryStrategy srv() {
    return SRV;
  }

  /**
   * Like {@link #srv()}, accepting targets on these ports instead of 443 alone.
   *
   * @throws IllegalArgumentException when no port is given or one is outside 1..65535
   */
  public static DiscoveryStrategy srv(int... allowedPorts) {
    Set<Integer> ports = new LinkedHashSet<>();
    for (int port : allowedPorts) {
      ports.add(port);
    }
    SecureRandom random = new SecureRandom();
    return new SrvStrategy(ports, random::nextInt);
  }
}
