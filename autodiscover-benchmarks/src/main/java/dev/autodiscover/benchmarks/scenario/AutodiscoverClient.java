package dev.autodiscover.benchmarks.scenario;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.BulkOptions;
import dev.autodiscover.BulkResolution;
import dev.autodiscover.Probing;
import dev.autodiscover.Strategies;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.event.ResolutionStarted;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.RoutingSocketFactory;
import dev.autodiscover.tls.TrustConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * This library as a scenario contender: DNS from the fixtures' stub server, sockets routed to
 * the fixtures, trust in the fixtures' authority, and otherwise the resolver's defaults.
 *
 * <p>What differs between the contenders is said in one place: {@link #configure}. Many
 * addresses go through the resolver's bulk API, {@link #bulk}.
 */
final class AutodiscoverClient implements ScenarioClient {

  private final Contender contender;
  private final FixtureMap fixtures;
  private final Optional<Duration> requestTimeout;
  private final RoutingSocketFactory sockets = new RoutingSocketFactory();

  AutodiscoverClient(Contender contender, FixtureMap fixtures, Optional<Duration> requestTimeout) {
    if (!contender.isOurs()) {
      throw new IllegalArgumentException(contender + " is not this library");
    }
    this.contender = contender;
    this.fixtures = fixtures;
    this.requestTimeout = requestTimeout;
    fixtures.routes().forEach((from, to) -> sockets.route(from.getAddress(), from.getPort(), to));
  }

  @Override
  public Resolution resolveOnce(String email) {
    OkHttpClient fresh = new OkHttpClient(); // no connection kept from an earlier repetition
    try {
      long start = System.nanoTime();
      AutodiscoverResolver resolver = configure(builder().httpClient(fresh)).build();
      AutodiscoverResult result = resolver.resolve(email);
      return resolution(result, System.nanoTime() - start);
    } finally {
      fresh.connectionPool().evictAll();
      fresh.dispatcher().executorService().shutdown();
    }
  }

  @Override
  public List<Resolution> resolveAll(List<String> addresses, int concurrency) {
    return bulk(configure(builder()), addresses, concurrency);
  }

  @Override
  public void close() {}

  private AutodiscoverResolver.Builder builder() {
    AutodiscoverResolver.Builder builder = AutodiscoverResolver.builder()
        .dnsClient(DnsClient.usingServers(fixtures.dnsServer()))
        .socketFactory(sockets)
        .trust(TrustConfiguration.of(List.of(fixtures.authority())));
    requestTimeout.ifPresent(builder::requestTimeout);
    return builder;
  }

  /** What makes each of our contenders what it is; everything else is the resolver's default. */
  private AutodiscoverResolver.Builder configure(AutodiscoverResolver.Builder builder) {
    return switch (contender) {
      case AUTODISCOVER_SEQUENTIAL -> builder.probing(Probing.sequential());
      case AUTODISCOVER -> builder;
      case AUTODISCOVER_HOST_ALONE -> builder.strategies(Strategies.prefixedHost());
      case EWS_JAVA_API -> throw new AssertionError(contender);
    };
  }

  /**
   * Resolves {@code addresses} with {@code concurrency} in flight on one resolver, through its bulk
   * API. A listener notes when each resolution starts, for the time each address took.
   */
  private static List<Resolution> bulk(
      AutodiscoverResolver.Builder builder, List<String> addresses, int concurrency) {
    Map<String, Long> started = new ConcurrentHashMap<>();
    AutodiscoverResolver resolver = builder.listener(new AutodiscoverListener() {
      @Override
      public void resolutionStarted(ResolutionStarted event) {
        started.putIfAbsent(event.email(), System.nanoTime());
      }
    }).build();
    List<Resolution> results = new ArrayList<>(addresses.size());
    try (BulkResolution bulk =
        resolver.resolveAll(addresses, BulkOptions.defaults().withConcurrency(concurrency))) {
      for (AutodiscoverResult result : bulk) {
        long finished = System.nanoTime();
        results.add(resolution(result, finished - started.getOrDefault(result.email(), finished)));
      }
    }
    return results;
  }

  private static Resolution resolution(AutodiscoverResult result, long nanos) {
    String detail = result.endpoint()
        .map(endpoint -> endpoint.method() + " " + endpoint.url())
        .orElseGet(() -> result.error().map(Object::toString).orElse("no endpoint"));
    return new Resolution(result.email(), result.resolved(), nanos, detail);
  }
}
