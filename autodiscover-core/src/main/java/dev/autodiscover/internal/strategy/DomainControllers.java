package dev.autodiscover.internal.strategy;

import dev.autodiscover.ActiveDirectory;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.SrvRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Finds the domain controllers of an Active Directory domain through DNS: the site's own ({@code
 * _ldap._tcp.<site>._sites.dc._msdcs.<domain>}) first when a site is known, then every one ({@code
 * _ldap._tcp.dc._msdcs.<domain>}), each list in RFC 2782 order. Each lookup is an attempt.
 */
final class DomainControllers {
  private DomainControllers() {}

  /** Returns the LDAP URLs of {@code directory}'s domain controllers, best first, without repeats. */
  static List<URI> find(DiscoveryContext context, ActiveDirectory directory, IntUnaryOperator random) {
    String domain = directory.domain().orElseThrow();
    List<String> names = new ArrayList<>();
    directory.site().ifPresent(site -> names.add("_ldap._tcp." + site + "._sites.dc._msdcs." + domain));
    names.add("_ldap._tcp.dc._msdcs." + domain);
    Set<URI> servers = new LinkedHashSet<>();
    for (String name : names) {
      for (SrvRecord record : lookup(context, name, random)) {
        servers.add(directory.ldaps()
            ? URI.create("ldaps://" + record.target() + ":636")
            : URI.create("ldap://" + record.target() + ":" + record.port()));
      }
    }
    return List.copyOf(servers);
  }

  private static List<SrvRecord> lookup(DiscoveryContext context, String name, IntUnaryOperator random) {
    String notOffered = "no domain controller is offered at " + name;
    Optional<SrvLookup> lookup = SrvLookup.of(context, DiscoveryMethod.SCP, name, notOffered, random);
    if (lookup.isEmpty()) {
      return List.of();
    }
    List<SrvRecord> ordered = lookup.get().ordered();
    if (ordered.isEmpty() && lookup.get().ignored().isEmpty()) {
      lookup.get().attempt().finish(AttemptOutcome.DNS_FAILED, "SRV target '.' says " + notOffered);
      return List.of();
    }
    if (ordered.isEmpty()) {
      lookup.get().attempt().finish(AttemptOutcome.INVALID_REDIRECT, lookup.get().count() + lookup.get().ignoredNote());
      return List.of();
    }
    lookup.get().attempt().finish(AttemptOutcome.REDIRECTED, ordered.size() + " domain controller(s): "
        + ordered.stream().map(r -> r.target() + ":" + r.port()).toList()
        + (lookup.get().capped() ? "; " + lookup.get().count() : "") + lookup.get().ignoredNote());
    return ordered;
  }
}
