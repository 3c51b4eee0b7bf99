package dev.autodiscover.internal;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.Redirect;
import dev.autodiscover.RedirectDecision;
import dev.autodiscover.RedirectRequest;
import dev.autodiscover.RedirectType;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.internal.dialect.DialectCodec;
import dev.autodiscover.internal.http.RedirectTarget;
import dev.autodiscover.spi.Candidate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries one candidate for one address: asks consent when it needs it, asks the candidate in the
 * resolver's dialect, and follows URL redirects (redirectUrl answers, 3xx statuses, an Autodiscover
 * v2 answer naming the POX URL) under the rules, until the candidate answers or fails.
 * Thread-safe: each call works within its own probe.
 */
final class CandidateTrial {
  private static final Logger log = LoggerFactory.getLogger(CandidateTrial.class);

  private final ResolverConfig config;
  private final CandidateExchange exchange;
  private final String requested;
  private final EmailAddress current;
  private final Set<String> seenAddresses;
  private final String addressChain;
  private final Consumer<Duration> hostDecided;

  CandidateTrial(
      ResolverConfig config,
      CandidateExchange exchange,
      String requested,
      EmailAddress current,
      Set<String> seenAddresses,
      String addressChain,
      Consumer<Duration> hostDecided) {
    this.config = config;
    this.exchange = exchange;
    this.requested = requested;
    this.current = current;
    this.seenAddresses = Set.copyOf(seenAddresses);
    this.addressChain = addressChain;
    this.hostDecided = hostDecided;
  }

  /** Tries {@code candidate} in the resolver's dialect. */
  Step run(Probe probe, Candidate candidate) {
    return run(probe, candidate, config.dialects().codec());
  }

  /** Tries {@code candidate} in the dialect of {@code codec}, at the path that dialect asks on its host. */
  Step run(Probe probe, Candidate candidate, DialectCodec codec) {
    URI url = codec.endpoint(candidate.url(), current.address());
    DiscoveryMethod method = candidate.method();
    if (candidate.redirect().isPresent()) {
      if (probe.tried(key(url))) {
        probe.begin(method, url.toString(), codec.dialect()).finish(AttemptOutcome.INVALID_REDIRECT,
            candidate.redirect().get() + " from " + candidate.source() + " leads to a URL already tried");
        return new Step.NextCandidate();
      }
      Optional<Step> refused = consent(probe, candidate.redirect().get(), candidate.source(), url, method, codec);
      if (refused.isPresent()) {
        return refused.get();
      }
    } else if (probe.tried(key(url))) {
      log.debug("{} was already tried for {}", url, current.address());
      return new Step.NextCandidate();
    }
    while (true) {
      probe.claim(key(url));
      Answer answer = exchange.ask(probe, url, method, current.address(), codec);
      if (answer instanceof Answer.Settings settings) {
        settings.attempt().stopClock();
        return new Step.Found(new Endpoint(url, method, codec.dialect()), settings.settings(), settings.notes(),
            settings.attempt(), settings.status());
      }
      if (answer instanceof Answer.RedirectAddr redirect) {
        return redirectAddress(probe, redirect, new Endpoint(url, method, codec.dialect()));
      }
      if (answer instanceof Answer.Aborted aborted) {
        return new Step.Stop(new ResolutionError(ErrorCode.ABORTED, aborted.reason()));
      }
      if (!(answer instanceof Answer.RedirectUrl redirect)) {
        return new Step.NextCandidate();
      }
      URI target = redirectTarget(probe, url, redirect);
      if (target == null) {
        return new Step.NextCandidate();
      }
      if (probe.redirectsSoFar() >= ResolverConfig.MAX_REDIRECTS) {
        redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
            redirect.via() + " to " + target + " not followed: more than " + ResolverConfig.MAX_REDIRECTS
                + " redirects");
        return redirectLimit();
      }
      redirect.attempt().finish(AttemptOutcome.REDIRECTED, redirect.status(), redirect.via() + " to " + target);
      if (DomainRules.withinDomain(target.getHost(), current.domain())) {
        probe.record(new Redirect(RedirectType.REDIRECT_URL, url.toString(), target.toString(), true));
        probe.followed();
      } else {
        Optional<Step> refused = consent(probe, RedirectType.REDIRECT_URL, url.toString(), target, method,
            config.dialects().codec(redirect.next()));
        if (refused.isPresent()) {
          return refused.get();
        }
      }
      url = target;
      codec = config.dialects().codec(redirect.next());
    }
  }

  /**
   * Asks the host application about a redirect once this candidate is next in line; returns the
   * step to take when it is not followed.
   */
  private Optional<Step> consent(
      Probe probe, RedirectType type, String from, URI to, DiscoveryMethod method, DialectCodec codec) {
    if (probe.redirectsSoFar() >= ResolverConfig.MAX_REDIRECTS) {
      probe.begin(method, to.toString(), codec.dialect()).finish(AttemptOutcome.INVALID_REDIRECT,
          "not followed: more than " + ResolverConfig.MAX_REDIRECTS + " redirects");
      return Optional.of(redirectLimit());
    }
    boolean within = DomainRules.withinDomain(to.getHost(), current.domain());
    RedirectRequest request = new RedirectRequest(type, current.address(), from, to, within);
    Optional<Consent> asked = probe.whenNextInLine(() -> ask(request));
    if (asked.isEmpty()) {
      return Optional.of(new Step.NextCandidate()); // overtaken while waiting its turn
    }
    boolean allowed = asked.get().decision() == RedirectDecision.ALLOW;
    probe.record(new Redirect(type, from, to.toString(), allowed));
    if (allowed) {
      probe.followed();
      return Optional.empty();
    }
    probe.begin(method, to.toString(), codec.dialect()).finish(AttemptOutcome.REDIRECT_DENIED,
        type + " from " + from + " refused by the redirect policy" + asked.get().failure()
            + (within ? "" : " (" + to.getHost() + " is outside " + DomainRules.registrableDomain(current.domain()) + ")"));
    return Optional.of(new Step.NextCandidate());
  }

  /** The host application's answer about a redirect, and a note when it could not answer. */
  private record Consent(RedirectDecision decision, String failure) {}

  private Consent ask(RedirectRequest request) {
    Instant asked = config.clock().instant();
    try {
      RedirectDecision decision = config.redirectConsent().decide(request);
      return new Consent(decision == null ? RedirectDecision.DENY : decision, "");
    } catch (RuntimeException e) {
      log.warn("{}: the redirect consent policy failed; refusing the redirect to {}", current.address(), request.to(), e);
      return new Consent(RedirectDecision.DENY, " (the policy failed: " + e + ")");
    } finally {
      hostDecided.accept(Duration.between(asked, config.clock().instant()));
    }
  }

  /** Resolves and checks a redirectUrl or 3xx target; finishes the attempt and returns null when it breaks the rules. */
  private URI redirectTarget(Probe probe, URI from, Answer.RedirectUrl redirect) {
    RedirectTarget checked = RedirectTarget.check(from, redirect.location());
    String problem = checked.problem();
    if (checked.url().isPresent() && probe.tried(key(checked.url().get()))) {
      problem = "was already tried for " + current.address();
    }
    if (problem.isEmpty()) {
      return checked.url().get();
    }
    redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
        redirect.via() + " to " + ServerText.quoted(RedirectTarget.shown(redirect.location())) + " refused: the target " + problem);
    return null;
  }


  /**
   * Checks a redirectAddr: a valid, new address is an answer, its attempt left open until the
   * answer is taken; anything else finishes the attempt.
   */
  private Step redirectAddress(Probe probe, Answer.RedirectAddr redirect, Endpoint answeredBy) {
    EmailAddress.Parsed parsed = EmailAddress.parse(redirect.address());
    String from = current.address();
    if (parsed.email().isEmpty()) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          redirect.via() + " to " + ServerText.quoted(redirect.address()) + " refused: " + parsed.problem());
      return new Step.NextCandidate();
    }
    EmailAddress target = parsed.email().get();
    String key = target.address().toLowerCase(Locale.ROOT);
    if (key.equals(from.toLowerCase(Locale.ROOT))) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          redirect.via() + " names the address being resolved, " + from);
      return new Step.NextCandidate();
    }
    if (seenAddresses.contains(key)) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          redirect.via() + " to " + target.address() + " leads back to an address already resolved");
      probe.record(new Redirect(RedirectType.REDIRECT_ADDR, from, target.address(), false));
      return new Step.Stop(new ResolutionError(ErrorCode.REDIRECT_LOOP,
          "address redirect loop: " + addressChain + " -> " + target.address()));
    }
    if (probe.redirectsSoFar() >= ResolverConfig.MAX_REDIRECTS) {
      redirect.attempt().finish(AttemptOutcome.INVALID_REDIRECT, redirect.status(),
          redirect.via() + " to " + target.address() + " not followed: more than "
              + ResolverConfig.MAX_REDIRECTS + " redirects");
      return redirectLimit();
    }
    redirect.attempt().stopClock();
    return new Step.Restart(target, redirect.via(), redirect.attempt(), redirect.status(), answeredBy);
  }

  private Step redirectLimit() {
    return new Step.Stop(new ResolutionError(ErrorCode.REDIRECT_LIMIT,
        "more than " + ResolverConfig.MAX_REDIRECTS + " redirects while resolving " + requested));
  }

  /**
   * Returns what makes two URLs the same request: host, port, path without case, and the query
   * without the {@code RedirectCount} an Autodiscover v2 server adds to each hop, so that a loop
   * through it is seen as one.
   */
  static String key(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort() == -1 ? 443 : url.getPort();
    String path = url.getRawPath() == null ? "" : url.getRawPath().toLowerCase(Locale.ROOT);
    String query = url.getRawQuery() == null ? "" : withoutRedirectCount(url.getRawQuery());
    return host + ":" + port + path + (query.isEmpty() ? "" : "?" + query);
  }

  private static String withoutRedirectCount(String query) {
    return Arrays.stream(query.split("&"))
        .filter(parameter -> !parameter.toLowerCase(Locale.ROOT).startsWith("redirectcount="))
        .collect(Collectors.joining("&"));
  }
}
