package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.Redirect;
import dev.autodiscover.RedirectDecision;
import dev.autodiscover.RedirectRequest;
import dev.autodiscover.RedirectType;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.event.ResolutionFinished;
import dev.autodiscover.event.ResolutionStarted;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.net.URI;
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
 * One resolution of one address: runs the strategies in order, POSTs to each candidate, follows
 * redirects under the rules, and keeps the story. Used once, on one thread.
 */
public final class Resolution {
  private static final Logger log = LoggerFactory.getLogger(Resolution.class);

  private final ResolverConfig config;
  private final String requested;
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
    this.exchange = new CandidateExchange(config, this::begin, this::remaining, this::hostDecided);
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
      return finish(null, null, new ResolutionError(ErrorCode.NO_ENDPOINT,
          "no candidate for " + current.address() + " answered with settings (" + attempts.size()
              + " attempts)"));
    }
  }

  /** Tries every strategy for the current address. */
  private Step resolveCurrent() {
    Set<String> triedUrls = new HashSet<>();
    StrategyContext context = new StrategyContext(current, config, exchange::client, () -> deadline, this::remaining, this::begin);
    for (DiscoveryStrategy strategy : config.strategies()) {
      if (timeUp()) {
        return timeout();
      }
      log.debug("{}: running {}", current.address(), strategy.method());
      for (Candidate candidate : candidates(strategy, context)) {
        if (timeUp()) {
          return timeout();
        }
        Step step = tryCandidate(candidate, triedUrls);
        if (!(step instanceof Step.NextCandidate)) {
          return step;
        }
      }
    }
    return new Step.Exhausted();
  }

  /** Asks {@code strategy} for its candidates; a strategy that throws is recorded and passed over. */
  private List<Candidate> candidates(DiscoveryStrategy strategy, StrategyContext context) {
    try {
      return strategy.candidates(context);
    } catch (RuntimeException e) {
      log.warn("{}: the {} strategy failed", current.address(), strategy.method(), e);
      begin(strategy.method(), "").finish(AttemptOutcome.SKIPPED, "the strategy failed: " + e);
      return List.of();
    }
  }

  private Step tryCandidate(Candidate candidate, Set<String> triedUrls) {
    URI url = candidate.url();
    DiscoveryMethod method = candidate.method();
    if (candidate.redirect().isPresent()) {
      if (triedUrls.contains(key(url))) {
        begin(method, url.toString()).finish(AttemptOutcome.INVALID_REDIRECT,
            candidate.redirect().get() + " from " + candidate.source() + " leads to a URL already tried");
        return new Step.NextCandidate();
      }
      Optional<Step> refused = consent(candidate.redirect().get(), candidate.source(), url, method);
      if (refused.isPresent()) {
        return refused.get();
      }
    } else if (triedUrls.contains(key(url))) {
      log.debug("{} was already tried for {}", url, current.address());
      return new Step.NextCandidate();
    }
    while (true) {
      triedUrls.add(key(url));
      Answer answer = exchange.post(url, method, current.address());
      if (answer instanceof Answer.Settings settings) {
        settings.attempt().finish(AttemptOutcome.SUCCESS, settings.status(), "Autodiscover settings received");
        return new Step.Found(new Endpoint(url, method), settings.settings());
      }
      if (answer instanceof Answer.RedirectAddr redirect) {
        return redirectAddress(redirect);
      }
      if (answer instanceof Answer.Aborted aborted) {
        return new Step.Stop(new ResolutionError(ErrorCode.ABORTED, aborted.reason()));
      }
      if (!(answer instanceof Answer.RedirectUrl redirect)) {
        return new Step.NextCandidate();
      }
      URI target = redirectTarget(url, redirect, triedUrls);
      if (target == null) {
        return new Step.NextCandidate();
      }
      if (redirectCount >= ResolverConfig.MAX_REDIRECTS) {
        redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
            redirect.via() + " to " + target + " not followed: more than " + ResolverConfig.MAX_REDIRECTS
                + " redirects");
        return redirectLimit();
      }
      redirect.attempt().finish(AttemptOutcome.REDIRECTED, redirect.status(), redirect.via() + " to " + target);
      if (DomainRules.withinDomain(target.getHost(), current.domain())) {
        record(new Redirect(RedirectType.REDIRECT_URL, url.toString(), target.toString(), true));
        redirectCount++;
      } else {
        Optional<Step> refused = consent(RedirectType.REDIRECT_URL, url.toString(), target, method);
        if (refused.isPresent()) {
          return refused.get();
        }
      }
      url = target;
    }
  }

  /** Asks the host application about a redirect; returns the step to take when it is not followed. */
  private Optional<Step> consent(RedirectType type, String from, URI to, DiscoveryMethod method) {
    if (redirectCount >= ResolverConfig.MAX_REDIRECTS) {
      begin(method, to.toString()).finish(AttemptOutcome.INVALID_REDIRECT,
          "not followed: more than " + ResolverConfig.MAX_REDIRECTS + " redirects");
      return Optional.of(redirectLimit());
    }
    boolean within = DomainRules.withinDomain(to.getHost(), current.domain());
    RedirectDecision decision;
    String failure = "";
    Instant asked = config.clock().instant();
    try {
      decision = config.redirectConsent().decide(new RedirectRequest(type, current.address(), from, to, within));
    } catch (RuntimeException e) {
      log.warn("{}: the redirect consent policy failed; refusing the redirect to {}", current.address(), to, e);
      decision = RedirectDecision.DENY;
      failure = " (the policy failed: " + e + ")";
    } finally {
      hostDecided(Duration.between(asked, config.clock().instant()));
    }
    boolean allowed = decision == RedirectDecision.ALLOW;
    record(new Redirect(type, from, to.toString(), allowed));
    if (allowed) {
      redirectCount++;
      return Optional.empty();
    }
    begin(method, to.toString()).finish(AttemptOutcome.REDIRECT_DENIED,
        type + " from " + from + " refused by the redirect policy" + failure
            + (within ? "" : " (" + to.getHost() + " is outside " + DomainRules.registrableDomain(current.domain()) + ")"));
    return Optional.of(new Step.NextCandidate());
  }

  /** Resolves and checks a redirectUrl or 3xx target; finishes the attempt and returns null when it breaks the rules. */
  private URI redirectTarget(URI from, Answer.RedirectUrl redirect, Set<String> triedUrls) {
    URI target;
    try {
      target = from.resolve(new URI(redirect.location())).normalize();
    } catch (Exception e) {
      target = null;
    }
    String problem = null;
    if (target == null || target.getHost() == null) {
      problem = "is not a valid URL";
    } else if (!"https".equalsIgnoreCase(target.getScheme())) {
      problem = "is not https";
    } else if (target.getRawUserInfo() != null) {
      problem = "carries user information";
    } else if (triedUrls.contains(key(target))) {
      problem = "was already tried for " + current.address();
    }
    if (problem == null) {
      return target;
    }
    redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
        redirect.via() + " to '" + redirect.location() + "' refused: the target " + problem);
    return null;
  }

  private Step redirectAddress(Answer.RedirectAddr redirect) {
    EmailAddress.Parsed parsed = EmailAddress.parse(redirect.address());
    String from = current.address();
    if (parsed.email().isEmpty()) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          "redirectAddr to '" + redirect.address() + "' refused: " + parsed.problem());
      return new Step.NextCandidate();
    }
    EmailAddress target = parsed.email().get();
    String key = target.address().toLowerCase(Locale.ROOT);
    if (key.equals(from.toLowerCase(Locale.ROOT))) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          "redirectAddr names the address being resolved, " + from);
      return new Step.NextCandidate();
    }
    if (seenAddresses.contains(key)) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          "redirectAddr to " + target.address() + " leads back to an address already resolved");
      record(new Redirect(RedirectType.REDIRECT_ADDR, from, target.address(), false));
      return new Step.Stop(new ResolutionError(ErrorCode.REDIRECT_LOOP,
          "redirectAddr loop: " + String.join(" -> ", addressChain()) + " -> " + target.address()));
    }
    if (redirectCount >= ResolverConfig.MAX_REDIRECTS) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          "redirectAddr to " + target.address() + " not followed: more than "
              + ResolverConfig.MAX_REDIRECTS + " redirects");
      return redirectLimit();
    }
    redirect.attempt().finish(AttemptOutcome.REDIRECTED, redirect.status(), "redirectAddr to " + target.address());
    redirectCount++;
    seenAddresses.add(key);
    record(new Redirect(RedirectType.REDIRECT_ADDR, from, target.address(), true));
    return new Step.Restart(target);
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

  private Step redirectLimit() {
    return new Step.Stop(new ResolutionError(ErrorCode.REDIRECT_LIMIT,
        "more than " + ResolverConfig.MAX_REDIRECTS + " redirects while resolving " + requested));
  }

  private Step timeout() {
    return new Step.Stop(new ResolutionError(ErrorCode.TIMEOUT,
        "the resolution took longer than " + config.timeout().toMillis() + " ms"));
  }

  /** Time the host application spent deciding does not count against the resolution's limit. */
  private void hostDecided(Duration spent) {
    if (!spent.isNegative()) {
      deadline = deadline.plus(spent);
    }
  }

  private boolean timeUp() {
    return !config.clock().instant().isBefore(deadline);
  }

  private Duration remaining() {
    Duration left = Duration.between(config.clock().instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private AttemptTimer begin(DiscoveryMethod method, String url) {
    String email = current.address();
    log.debug("{}: {} {} started", email, method, url);
    config.listener().attemptStarted(new AttemptStarted(email, method, url, config.clock().instant()));
    return new AttemptTimer(method, url, attempt -> {
      attempts.add(attempt);
      log.debug("{}: {}", email, attempt);
      config.listener().attemptFinished(new AttemptFinished(email, attempt));
    });
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

  private static String key(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort() == -1 ? 443 : url.getPort();
    String path = url.getRawPath() == null ? "" : url.getRawPath().toLowerCase(Locale.ROOT);
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    return host + ":" + port + path + query;
  }

  /** Where the resolution goes after a candidate. */
  private sealed interface Step {
    record Found(Endpoint endpoint, AutodiscoverSettings settings) implements Step {}

    record Restart(EmailAddress address) implements Step {}

    record Stop(ResolutionError error) implements Step {}

    record NextCandidate() implements Step {}

    record Exhausted() implements Step {}
  }
}
