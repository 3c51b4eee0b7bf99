package dev.autodiscover.benchmarks.scenario;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.Probing;
import dev.autodiscover.Strategies;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.RoutingSocketFactory;
import dev.autodiscover.tls.TrustConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/**
 * This library as a scenario contender: DNS from the fixtures' stub server, sockets routed to
 * the fixtures, trust in the fixtures' authority, and otherwise the resolver's defaults.
 *
 * <p>What differs between the contenders is said in one place each: {@link #configure} for the
 * probing and the strategies, {@link #bulk} for resolving many addresses.
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
    return bulk(configure(builder()).build(), addresses, concurrency);
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
   * Resolves {@code addresses} with {@code concurrency} in flight on one resolver. Until the
   * library has a bulk API, a fixed pool calling {@code resolve}; then
   * {@code resolver.resolveAll(addresses, BulkOptions.defaults().withConcurrency(concurrency))}.
   */
  private static List<Resolution> bulk(
      AutodiscoverResolver resolver, List<String> addresses, int concurrency) {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      CompletionService<Resolution> done = new ExecutorCompletionService<>(pool);
      for (String email : addresses) {
        done.submit(() -> {
          long start = System.nanoTime();
          AutodiscoverResult result = resolver.resolve(email);
          return resolution(result, System.nanoTime() - start);
        });
      }
      List<Resolution> results = new ArrayList<>(addresses.size());
      for (int i = 0; i < addresses.size(); i++) {
        results.add(done.take().get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a resolution threw", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Resolution resolution(AutodiscoverResult result, long nanos) {
    String detail = result.endpoint()
        .map(endpoint -> endpoint.method() + " " + endpoint.url())
        .orElseGet(() -> result.error().map(Object::toString).orElse("no endpoint"));
    return new Resolution(result.email(), result.resolved(), nanos, detail);
  }
}
