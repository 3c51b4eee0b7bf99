package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.Dialect;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.RedirectType;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.CachedEndpoint;
import dev.autodiscover.spi.EndpointCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resolver's use of its {@link EndpointCache}: what a hit puts first in the race, what a race
 * leaves behind, and one discovery at a time per domain, so that resolutions of many addresses in
 * one domain share the work. A cache that fails is logged and passed over.
 *
 * <p>A failure is remembered for the dialect that met it, which its reason names (see
 * {@link #failureReason}): the cache holds one entry a domain whichever dialect learned it, and a
 * domain that answers no POX request may well answer Autodiscover v2. A resolver of another
 * dialect passes such an entry over and discovers the domain for itself. An endpoint, on the other
 * hand, is a host that answered, and every dialect asks it first: as it answered when the
 * resolution can end in its dialect (see {@link dev.autodiscover.internal.dialect.DialectChoice#forRemembered}),
 * else at the resolver's own path on its host. Thread-safe.
 */
public final class LastKnownGood {
  private static final Logger log = LoggerFactory.getLogger(LastKnownGood.class);

  /** How long an endpoint is remembered when its settings name no TTL. */
  static final Duration FOUND_TTL = Duration.ofHours(1);
  /** How long a domain whose discovery failed is remembered. */
  static final Duration FAILED_TTL = Duration.ofMinutes(5);
  /** The method of the attempt that says a remembered failure was used. */
  static final DiscoveryMethod CACHE = DiscoveryMethod.of("CACHE");

  /**
   * Outcomes that depend on the address, the credentials or the host application's decisions: a
   * race that met one of them says nothing about other addresses of the domain.
   */
  private static final Set<AttemptOutcome> PERSONAL = EnumSet.of(AttemptOutcome.UNAUTHORIZED,
      AttemptOutcome.AUTODISCOVER_ERROR, AttemptOutcome.CERTIFICATE_REJECTED, AttemptOutcome.REDIRECT_DENIED,
      AttemptOutcome.ABANDONED);

  private final EndpointCache cache;
  private final Clock clock;
  private final Dialect dialect;
  private final Map<String, CountDownLatch> discovering = new ConcurrentHashMap<>();

  /**
   * @param dialect the dialect of the resolver: the failures it remembers are its own, and it
   *     passes over those another dialect remembered
   */
  public LastKnownGood(EndpointCache cache, Clock clock, Dialect dialect) {
    this.cache = cache;
    this.clock = clock;
    this.dialect = dialect;
  }

  /**
   * Returns what is remembered about {@code domain}. When nothing is and another resolution is
   * discovering the domain, waits for it (at most {@code patience}) and looks again.
   */
  Optional<CachedEndpoint> recall(String domain, Duration patience) {
    Optional<CachedEndpoint> known = get(domain);
    CountDownLatch other = discovering.get(domain);
    if (known.isPresent() || other == null || cache == EndpointCache.NONE) {
      return known;
    }
    try {
      log.debug("{}: waiting for the discovery already under way", domain);
      other.await(Math.max(1, patience.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return get(domain);
  }

  /**
   * Marks {@code domain} as being discovered; the returned handle ends that when closed. Others
   * that {@link #recall} the domain meanwhile wait for it.
   */
  Discovery discover(String domain) {
    if (cache == EndpointCache.NONE) {
      return () -> {};
    }
    CountDownLatch mine = new CountDownLatch(1);
    boolean lead = discovering.putIfAbsent(domain, mine) == null;
    return () -> {
      if (lead) {
        discovering.remove(domain, mine);
        mine.countDown();
      }
    };
  }

  /** The discovery of one domain by one resolution; closing it lets waiting resolutions go on. */
  interface Discovery extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Returns the candidate a remembered endpoint gives: consent is asked again when the endpoint
   * came from an insecure source or lies outside the email's registrable domain.
   */
  static Candidate candidate(CachedEndpoint known, String emailDomain) {
    Endpoint endpoint = known.endpoint().orElseThrow();
    String source = "the last known good endpoint of " + known.domain();
    DiscoveryMethod method = endpoint.method();
    if (method.equals(DiscoveryMethod.SRV)) {
      return Candidate.redirected(endpoint.url(), method, RedirectType.SRV, source);
    }
    if (method.equals(DiscoveryMethod.HTTP_REDIRECT)) {
      return Candidate.redirected(endpoint.url(), method, RedirectType.HTTP_REDIRECT, source);
    }
    if (!DomainRules.withinDomain(endpoint.url().getHost(), emailDomain)) {
      return Candidate.redirected(endpoint.url(), method, RedirectType.REDIRECT_URL, source);
    }
    return Candidate.direct(endpoint.url(), method);
  }

  /** Returns what the attempts of a remembered endpoint say of where it came from. */
  String label(CachedEndpoint known) {
    long minutes = Duration.between(known.learned(), clock.instant()).toMinutes();
    return "last known good endpoint (learned " + (minutes < 1 ? "less than a minute" : minutes + " min") + " ago)";
  }

  /** Returns the attempt that stands for a remembered failure. */
  Attempt failureAttempt(CachedEndpoint known) {
    return new Attempt(CACHE, known.domain(), AttemptOutcome.SKIPPED, OptionalInt.empty(), Duration.ZERO,
        Optional.empty(), "discovery for " + known.domain() + " failed at " + known.learned() + " ("
            + known.reason() + "); not tried again before " + known.expires());
  }

  /**
   * Remembers that {@code endpoint} answered for {@code domain}, for {@code ttl} or an hour, less
   * up to a tenth at random so that many entries do not expire together. An entry for the same URL
   * with more than half its life left is kept as it is, to spare a file cache its writes.
   */
  void found(String domain, Endpoint endpoint, Optional<Duration> ttl, Optional<CachedEndpoint> known) {
    Duration life = ttl.orElse(FOUND_TTL);
    if (life.isZero() || life.isNegative()) {
      forget(domain);
      return;
    }
    Instant now = clock.instant();
    if (known.isPresent() && known.get().endpoint().filter(endpoint::equals).isPresent()
        && Duration.between(now, known.get().expires()).compareTo(life.dividedBy(2)) > 0) {
      return;
    }
    put(CachedEndpoint.found(domain, endpoint, now, jittered(life)));
  }

  /**
   * Remembers, for five minutes, that every candidate of {@code domain} failed — when the failures
   * say nothing about the address (no 401, no Autodiscover error, no refused certificate or
   * redirect); otherwise forgets what was remembered.
   */
  void exhausted(String domain, List<Attempt> attempts) {
    if (attempts.isEmpty() || attempts.stream().anyMatch(attempt -> PERSONAL.contains(attempt.outcome()))) {
      forget(domain);
      return;
    }
    String outcomes = attempts.stream()
        .collect(Collectors.groupingBy(Attempt::outcome, TreeMap::new, Collectors.counting()))
        .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    put(CachedEndpoint.failed(domain, failureReason(dialect) + outcomes, clock.instant(), jittered(FAILED_TTL)));
  }

  /** Forgets what was remembered about {@code domain}. */
  void forget(String domain) {
    try {
      cache.remove(domain);
    } catch (RuntimeException e) {
      log.warn("the endpoint cache could not forget {}", domain, e);
    }
  }

  /**
   * Returns how the reason of a failure remembered in {@code spoken} starts: {@code "no candidate
   * answered: "} in POX, as before there were other dialects, and {@code "no candidate answered in
   * JSON: "} and so on in the others.
   */
  static String failureReason(Dialect spoken) {
    return spoken == Dialect.POX ? "no candidate answered: " : "no candidate answered in " + spoken + ": ";
  }

  /**
   * Returns the dialect a remembered failure was learned in: the one its reason names, or POX, the
   * only dialect there was when entries that name none were written.
   */
  static Dialect learnedIn(CachedEndpoint failure) {
    for (Dialect spoken : Dialect.values()) {
      if (spoken != Dialect.POX && failure.reason().startsWith(failureReason(spoken))) {
        return spoken;
      }
    }
    return Dialect.POX;
  }

  /** Returns what is remembered about {@code domain} that this resolver's dialect may use. */
  private Optional<CachedEndpoint> get(String domain) {
    Optional<CachedEndpoint> known;
    try {
      known = cache.get(domain, clock.instant());
    } catch (RuntimeException e) {
      log.warn("the endpoint cache failed to look up {}; discovering it", domain, e);
      return Optional.empty();
    }
    if (known.isPresent() && !known.get().found() && learnedIn(known.get()) != dialect) {
      log.debug("{}: the failure remembered in {} says nothing about {}; discovering it", domain,
          learnedIn(known.get()), dialect);
      return Optional.empty();
    }
    return known;
  }

  private void put(CachedEndpoint entry) {
    try {
      cache.put(entry);
    } catch (RuntimeException e) {
      log.warn("the endpoint cache could not remember {}", entry.domain(), e);
    }
  }

  private static Duration jittered(Duration life) {
    return life.minus(life.dividedBy(10).multipliedBy(ThreadLocalRandom.current().nextInt(1000)).dividedBy(1000));
  }
}
