package dev.autodiscover.benchmarks.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The domains and addresses of the bulk scenario.
 *
 * <p>Domains are {@code tenant000.test}, {@code tenant001.test}, ...; every third one, starting
 * with {@code tenant002.test}, has a broken root (33 of 100). Address {@code k} is
 * {@code user<k>@} domain {@code k mod domains}, so every domain has the same number of
 * addresses give or take one; the list is then shuffled with a fixed seed, as a real list of
 * mailboxes mixes its domains.
 *
 * @param domains every domain, in index order
 * @param broken the domains whose root accepts TCP and never answers
 * @param addresses every address, in the order the contenders get them
 */
record BulkLayout(List<String> domains, Set<String> broken, List<String> addresses) {

  BulkLayout {
    domains = List.copyOf(domains);
    broken = Set.copyOf(broken);
    addresses = List.copyOf(addresses);
  }

  static BulkLayout of(int domainCount, int addressCount, long seed) {
    if (domainCount < 1 || addressCount < domainCount) {
      throw new IllegalArgumentException("need at least one domain and one address per domain, not "
          + addressCount + " addresses over " + domainCount + " domains");
    }
    List<String> domains = new ArrayList<>();
    for (int i = 0; i < domainCount; i++) {
      domains.add(String.format(Locale.ROOT, "tenant%03d.test", i));
    }
    Set<String> broken = domains.stream()
        .filter(domain -> index(domain) % 3 == 2)
        .collect(Collectors.toSet());
    List<String> addresses = new ArrayList<>(addressCount);
    for (int k = 0; k < addressCount; k++) {
      addresses.add(String.format(Locale.ROOT, "user%05d@%s", k, domains.get(k % domainCount)));
    }
    Collections.shuffle(addresses, new Random(seed));
    return new BulkLayout(domains, broken, addresses);
  }

  boolean isBroken(String domain) {
    return broken.contains(domain);
  }

  /** The share of addresses whose domain is broken. */
  double brokenShare() {
    return (double) addresses.stream().filter(email -> isBroken(domainOf(email))).count()
        / addresses.size();
  }

  /**
   * {@code size} addresses with the same share of broken domains as the whole list (rounded),
   * the first of each kind in list order, so they spread over the domains; in list order.
   */
  List<String> sample(int size) {
    if (size >= addresses.size()) {
      return addresses;
    }
    long brokenWanted = Math.round(size * brokenShare());
    long healthyWanted = size - brokenWanted;
    List<String> sample = new ArrayList<>(size);
    for (String email : addresses) {
      boolean isBroken = isBroken(domainOf(email));
      if (isBroken && brokenWanted > 0) {
        sample.add(email);
        brokenWanted--;
      } else if (!isBroken && healthyWanted > 0) {
        sample.add(email);
        healthyWanted--;
      }
    }
    return sample;
  }

  static String domainOf(String email) {
    return email.substring(email.indexOf('@') + 1);
  }

  private static int index(String domain) {
    return Integer.parseInt(domain.substring("tenant".length(), domain.indexOf('.')));
  }
}
