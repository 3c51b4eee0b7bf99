package dev.autodiscover;

import dev.autodiscover.internal.strategy.HttpRedirectStrategy;
import dev.autodiscover.internal.strategy.Office365Strategy;
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
  private static final DiscoveryStrategy OFFICE365 = Office365Strategy.always(List.of(Office365Cloud.WORLDWIDE));
  private static final DiscoveryStrategy OFFICE365_WHEN_ALIASED =
      Office365Strategy.whenAliased(Office365Cloud.builtIn());

  private Strategies() {}

  /**
   * Returns the default order, Outlook's: {@link #scp()}, {@link #aRecord()},
   * {@link #prefixedHost()}, {@link #office365WhenAliased()}, {@link #httpRedirect()},
   * {@link #srv()}. The SCP step runs only when the resolver has an {@link ActiveDirectory}; without
   * one it is recorded as skipped. The Office 365 step proposes a candidate only when
   * {@code autodiscover.<domain>} is an alias of Microsoft's Autodiscover service, and is silent
   * otherwise.
   */
  public static List<DiscoveryStrategy> defaults() {
    return List.of(SCP, A_RECORD, PREFIXED_HOST, OFFICE365_WHEN_ALIASED, HTTP_REDIRECT, SRV);
  }

  /**
   * Returns the default order with Office 365 direct connect enabled: {@link #scp()},
   * {@link #office365()}, {@link #aRecord()}, {@link #prefixedHost()}, {@link #httpRedirect()},
   * {@link #srv()}. For host applications whose mailboxes mostly live in Microsoft 365: its
   * worldwide service is asked right after the directory, as Outlook does.
   */
  public static List<DiscoveryStrategy> defaultsWithOffice365() {
    return List.of(SCP, OFFICE365, A_RECORD, PREFIXED_HOST, HTTP_REDIRECT, SRV);
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
   * Office 365 direct connect ({@code OFFICE365}): asks Microsoft 365's worldwide Autodiscover host,
   * {@code https://outlook.office365.com/autodiscover/autodiscover.xml} (or that host's path of the
   * resolver's {@link Dialect}), for every address. Not in {@link #defaults()}; see
   * {@link #defaultsWithOffice365()}. The candidate is a direct one: no consent is asked, its
   * certificate must be valid for its host, and credentials go to it only in answer to its 401, as
   * for any other; its redirects follow the usual rules, so one to a host outside the address's
   * domain needs the host application's consent.
   */
  public static DiscoveryStrategy office365() {
    return OFFICE365;
  }

  /**
   * Office 365 direct connect for these clouds (the sovereign clouds' hosts, say), asked in order.
   *
   * @throws IllegalArgumentException when no cloud is given
   */
  public static DiscoveryStrategy office365(Office365Cloud... clouds) {
    return Office365Strategy.always(List.of(clouds));
  }

  /**
   * The Office 365 step of {@link #defaults()}: asks a cloud's host only when
   * {@code autodiscover.<domain>} is a CNAME (directly or through a chain) to that cloud's alias
   * target, such as {@code autodiscover.outlook.com}, as domains hosted in Microsoft 365 publish.
   * Such a domain's own {@code autodiscover.<domain>} serves Microsoft's certificate, which does not
   * name it, so asking Microsoft's host directly spares the plain-HTTP redirect and its consent. The
   * CNAME only decides whether to ask: the host asked is always the cloud's own. A lookup that fails
   * proposes nothing, and an address whose domain is no alias leaves no attempt.
   */
  public static DiscoveryStrategy office365WhenAliased() {
    return OFFICE365_WHEN_ALIASED;
  }

  /** The Office 365 step of {@link #defaults()} for these clouds only. */
  public static DiscoveryStrategy office365WhenAliased(Office365Cloud... clouds) {
    return Office365Strategy.whenAliased(List.of(clouds));
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
