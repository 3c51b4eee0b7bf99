package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.Redirect;
import dev.autodiscover.RedirectType;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.event.ResolutionFinished;
import dev.autodiscover.event.ResolutionStarted;
import dev.autodiscover.internal.dialect.DialectCodec;
import dev.autodiscover.spi.CachedEndpoint;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resolution of one address: races the strategies' candidates for it (see {@link Race}),
 * restarts for a redirectAddr, and keeps the story. Used once; the thread that calls {@link #run()}
 * coordinates, and with staggered probing the probes run on threads of their own.
 */
public final class Resolution {
  private static final Logger log = LoggerFactory.getLogger(Resolution.class);

  private final ResolverConfig config;
  private final String requested;
  private final Object deadlineLock = new Object();
  private Instant deadline;
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Redirect> redirects = new ArrayList<>();
  private final Set<String> seenAddresses = new HashSet<>();
  private final CandidateExchange exchange;
  private EmailAddress current;
  private int redirectCount;

  public Resolution(ResolverConfig config, String requested) {
    this.config = config;
    this.requested = requested;
    this.deadline = config.clock().instant().plus(config.timeout());
    this.exchange = new CandidateExchange(config, this::remaining, this::hostDecided);
  }

  /** Runs the resolution to its end. */
  public AutodiscoverResult run() {
    config.listener().resolutionStarted(new ResolutionStarted(requested.strip(), config.clock().instant()));
    EmailAddress.Parsed parsed = EmailAddress.parse(requested);
    if (parsed.email().isEmpty()) {
      return finish(null, null, new ResolutionError(ErrorCode.INVALID_EMAIL, parsed.problem()));
    }
    current = parsed.email().get();
    seenAddresses.add(current.address().toLowerCase(Locale.ROOT));
    while (true) {
      Step step = resolveCurrent();
      if (step instanceof Step.Found found) {
        return finish(found.endpoint(), found.settings(), null);
      }
      if (step instanceof Step.Restart restart) {
        current = restart.address();
        log.debug("restarting resolution for {}", current.address());
        continue;
      }
      if (step instanceof Step.Stop stop) {
        return finish(null, null, stop.error());
      }
      if (step instanceof Step.TimeUp) {
        return finish(null, null, new ResolutionError(ErrorCode.TIMEOUT,
            "the resolution took longer than " + config.timeout().toMillis() + " ms"));
      }
      return finish(null, null, new ResolutionError(ErrorCode.NO_ENDPOINT,
          "no candidate for " + current.address() + " answered with settings (" + attempts.size()
              + " attempts)"));
    }
  }

  /**
   * Races every strategy's candidates for the current address — after the domain's last known good
   * endpoint, when there is one — and takes the answer the race settles on.
   */
  private Step resolveCurrent() {
    EmailAddress address = current;
    String domain = address.domain();
    LastKnownGood lastKnownGood = config.lastKnownGood();
    Optional<CachedEndpoint> known = lastKnownGood.recall(domain, remaining());
    if (known.isPresent() && !known.get().found()) {
      Attempt remembered = lastKnownGood.failureAttempt(known.get());
      config.listener().attemptStarted(new AttemptStarted(address.address(), remembered.method(), remembered.url(),
          config.clock().instant()));
      attempts.add(remembered);
      config.listener().attemptFinished(new AttemptFinished(address.address(), remembered));
      return new Step.Stop(new ResolutionError(ErrorCode.NO_ENDPOINT, remembered.detail()));
    }
    try (LastKnownGood.Discovery discovery = known.isEmpty() ? lastKnownGood.discover(domain) : () -> { }) {
      Optional<Candidate> remembered = known.map(entry -> LastKnownGood.candidate(entry, domain));
      DialectCodec rememberedCodec = known.flatMap(CachedEndpoint::endpoint)
          .map(endpoint -> config.dialects().forRemembered(endpoint.dialect()))
          .orElse(config.dialects().codec());
      Race race = race(address, remembered, rememberedCodec);
      remembered.ifPresent(candidate -> race.addCandidate(candidate, lastKnownGood.label(known.get())));
      config.strategies().forEach(race::addStrategy);
      Step step = race.run();
      if (step instanceof Step.Found found) {
        found.attempt().finish(AttemptOutcome.SUCCESS, found.status(), "Autodiscover settings received"
            + (found.notes().isEmpty() ? "" : "; " + String.join("; ", found.notes())));
        lastKnownGood.found(domain, cacheable(found.endpoint()), found.settings().ttl(), known);
      } else if (step instanceof Step.Restart restart) {
        restart.attempt().finish(AttemptOutcome.REDIRECTED, restart.status(),
            restart.via() + " to " + restart.address().address());
        lastKnownGood.found(domain, cacheable(restart.answeredBy()), Optional.empty(), known);
      } else if (step instanceof Step.Exhausted) {
        lastKnownGood.exhausted(domain, race.attempts());
      }
      attempts.addAll(race.attempts());
      redirects.addAll(race.redirects());
      redirectCount += race.redirectsFollowed();
      if (step instanceof Step.Restart restart) {
        redirectCount++;
        seenAddresses.add(restart.address().address().toLowerCase(Locale.ROOT));
        record(new Redirect(RedirectType.REDIRECT_ADDR, address.address(), restart.address().address(), true));
      }
      return step;
    }
  }

  /** The endpoint as the cache keeps it: never with the address in it, for other addresses of the domain. */
  private Endpoint cacheable(Endpoint answered) {
    return new Endpoint(config.dialects().codec(answered.dialect()).cacheable(answered.url()), answered.method(),
        answered.dialect());
  }

  /**
   * Returns the race for {@code address}, in which {@code remembered}, the candidate of the last
   * known good endpoint, is asked with {@code rememberedCodec} and every other candidate in the
   * resolver's dialect.
   */
  private Race race(EmailAddress address, Optional<Candidate> remembered, DialectCodec rememberedCodec) {
    CandidateTrial trial = new CandidateTrial(
        config, exchange, requested, address, seenAddresses, String.join(" -> ", addressChain()), this::hostDecided);
    return new Race(config, address.address(), probe -> {
      if (probe.candidate().isEmpty()) {
        return lookup(probe, probe.strategy().orElseThrow(), address);
      }
      Candidate candidate = probe.candidate().get();
      return remembered.isPresent() && remembered.get() == candidate
          ? trial.run(probe, candidate, rememberedCodec)
          : trial.run(probe, candidate);
    }, this::remaining, redirectCount);
  }

  /** Asks {@code strategy} for its candidates; a strategy that throws is recorded and passed over. */
  private Step lookup(Probe probe, DiscoveryStrategy strategy, EmailAddress address) {
    log.debug("{}: running {}", address.address(), strategy.method());
    StrategyContext context = new StrategyContext(address, config, exchange::client, this::deadline,
        this::remaining, probe::begin);
    try {
      return new Step.Expand(List.copyOf(strategy.candidates(context)));
    } catch (RuntimeException e) {
      log.warn("{}: the {} strategy failed", address.address(), strategy.method(), e);
      probe.begin(strategy.method(), "").finish(AttemptOutcome.SKIPPED, "the strategy failed: " + e);
      return new Step.NextCandidate();
    }
  }

  private List<String> addressChain() {
    List<String> chain = new ArrayList<>();
    String first = EmailAddress.parse(requested).email().map(EmailAddress::address).orElse(requested);
    chain.add(first);
    for (Redirect redirect : redirects) {
      if (redirect.type() == RedirectType.REDIRECT_ADDR && redirect.allowed()) {
        chain.add(redirect.to());
      }
    }
    return chain;
  }

  /** Time the host application spent deciding does not count against the resolution's limit. */
  private void hostDecided(Duration spent) {
    if (!spent.isNegative()) {
      synchronized (deadlineLock) {
        deadline = deadline.plus(spent);
      }
    }
  }

  private Instant deadline() {
    synchronized (deadlineLock) {
      return deadline;
    }
  }

  private Duration remaining() {
    Duration left = Duration.between(config.clock().instant(), deadline());
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void record(Redirect redirect) {
    redirects.add(redirect);
    log.debug("{}: redirect {}", current.address(), redirect);
    config.listener().redirected(new Redirected(current.address(), redirect));
  }

  private AutodiscoverResult finish(Endpoint endpoint, AutodiscoverSettings settings, ResolutionError error) {
    String email = String.valueOf(requested).strip();
    AutodiscoverResult result = new AutodiscoverResult(
        email,
        current == null ? email : current.address(),
        Optional.ofNullable(endpoint),
        Optional.ofNullable(settings),
        attempts,
        redirects,
        Optional.ofNullable(error));
    log.debug("{}", result.describe());
    config.listener().resolutionFinished(new ResolutionFinished(result));
    return result;
  }
}
