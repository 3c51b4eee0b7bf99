package dev.autodiscover.internal.strategy;

import dev.autodiscover.ActiveDirectory;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DirectoryException;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.PendingAttempt;
import dev.autodiscover.spi.ServiceConnectionPoints;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The Autodiscover URLs Active Directory publishes in serviceConnectionPoint objects, found as a
 * domain-joined Outlook finds them. Without a configured directory the step is skipped (and says
 * so). Otherwise it searches the given server, or the domain's controllers one after another until
 * one answers; orders what it finds (see {@link ScpObjects}); restarts the search at a pointer
 * tagged with the address's domain; follows an unscoped pointer only when no URL was found; stops
 * after {@value #MAX_HOPS} pointer hops or when a pointer leads back to a directory already
 * searched. Every error is inconclusive: the resolution goes on with the next strategy.
 * Thread-safe.
 */
public final class ScpStrategy implements DiscoveryStrategy {
  /** At most this many pointers are followed in one SCP step. */
  public static final int MAX_HOPS = 10;

  private final IntUnaryOperator random;

  /** @param random returns a uniformly chosen int in {@code [0, bound)}, for ordering domain controllers */
  public ScpStrategy(IntUnaryOperator random) {
    this.random = random;
  }

  @Override
  public DiscoveryMethod method() {
    return DiscoveryMethod.SCP;
  }

  @Override
  public List<Candidate> candidates(DiscoveryContext context) {
    Optional<ActiveDirectory> configured = context.activeDirectory();
    if (configured.isEmpty()) {
      context.begin(method(), "").finish(AttemptOutcome.SKIPPED,
          "no Active Directory configured (ActiveDirectory on the resolver; --scp-ldap or --ad-domain on the command line)");
      return List.of();
    }
    ActiveDirectory directory = configured.get();
    List<URI> servers = directory.server().isPresent()
        ? List.of(directory.server().get())
        : DomainControllers.find(context, directory, random);
    Set<String> searched = new HashSet<>();
    for (int hops = 0; !servers.isEmpty(); hops++) {
      Optional<Search> answered = searchFirstAnswering(context, directory, servers);
      if (answered.isEmpty()) {
        return List.of();
      }
      Search search = answered.get();
      searched.add(key(search.server()));
      ScpObjects objects = ScpObjects.of(search.result(), context.domain(), directory.site());
      Optional<URI> pointer = objects.scopedPointer()
          .or(() -> objects.urls().isEmpty() ? objects.fallbackPointer() : Optional.empty());
      if (pointer.isEmpty()) {
        if (objects.urls().isEmpty()) {
          search.attempt().finish(AttemptOutcome.NOT_FOUND, search.result().found().isEmpty()
              ? "no Autodiscover serviceConnectionPoint under " + search.result().searchBase()
              : objects.describe() + "; none gives an Autodiscover URL");
          return List.of();
        }
        search.attempt().finish(AttemptOutcome.REDIRECTED, objects.describe());
        List<Candidate> candidates = new ArrayList<>();
        for (URI url : objects.urls()) {
          candidates.add(new Candidate(url, method(), Optional.empty(), search.server() + " " + search.result().searchBase()));
        }
        return candidates;
      }
      URI target = pointer.get();
      if (searched.contains(key(target))) {
        search.attempt().finish(AttemptOutcome.INVALID_REDIRECT, objects.describe()
            + "; the pointer leads back to " + target + ", already searched: the SCP step ends here");
        return List.of();
      }
      if (hops == MAX_HOPS) {
        search.attempt().finish(AttemptOutcome.INVALID_REDIRECT, objects.describe()
            + "; pointer to " + target + " not followed: more than " + MAX_HOPS + " pointer hops");
        return List.of();
      }
      search.attempt().finish(AttemptOutcome.REDIRECTED, objects.describe() + "; searching " + target + " next");
      servers = List.of(target);
    }
    return List.of();
  }

  /** Searches each server in turn until one answers; empty when none did or a bind was refused. */
  private Optional<Search> searchFirstAnswering(DiscoveryContext context, ActiveDirectory directory, List<URI> servers) {
    for (URI server : servers) {
      Duration timeout = context.stepTimeout();
      if (timeout.isZero()) {
        return Optional.empty();
      }
      PendingAttempt attempt = context.begin(method(), server.toString());
      try {
        return Optional.of(new Search(server, context.directory().search(server, directory.bind(), timeout), attempt));
      } catch (DirectoryException e) {
        switch (e.reason()) {
          case CERTIFICATE_REJECTED -> attempt.rejected(e.certificate().orElseThrow(), e.getMessage());
          case BIND_REFUSED -> {
            attempt.finish(AttemptOutcome.UNAUTHORIZED, e.getMessage());
            return Optional.empty();
          }
          case TIMEOUT -> attempt.finish(AttemptOutcome.TIMEOUT, e.getMessage());
          case UNREACHABLE -> attempt.finish(AttemptOutcome.CONNECT_FAILED, e.getMessage());
          case FAILED -> attempt.finish(AttemptOutcome.NOT_FOUND, e.getMessage());
        }
      } catch (RuntimeException e) {
        attempt.finish(AttemptOutcome.NOT_FOUND, "the directory client failed: " + e);
      }
    }
    return Optional.empty();
  }

  private static String key(URI server) {
    boolean secure = "ldaps".equalsIgnoreCase(server.getScheme());
    int port = server.getPort() != -1 ? server.getPort() : secure ? 636 : 389;
    return server.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  @Override
  public String toString() {
    return method().name();
  }

  /** A search that answered; its attempt is still open. */
  private record Search(URI server, ServiceConnectionPoints result, PendingAttempt attempt) {}
}
