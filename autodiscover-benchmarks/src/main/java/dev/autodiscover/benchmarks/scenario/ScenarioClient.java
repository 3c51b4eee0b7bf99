package dev.autodiscover.benchmarks.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A contender as the scenarios drive it: one cold resolution at a time, or many addresses with
 * a number of them in flight.
 *
 * <p>Thread safety: {@link #resolveOnce} and {@link #resolveAll} are called from one thread.
 */
interface ScenarioClient extends AutoCloseable {

  /**
   * Resolves {@code email} with nothing remembered from earlier resolutions: a new resolver, new
   * connections, an empty cache.
   */
  Resolution resolveOnce(String email);

  /**
   * Resolves every address with at most {@code concurrency} in flight, the way a migration tool
   * would with this client, and returns the results in completion order.
   */
  List<Resolution> resolveAll(List<String> addresses, int concurrency);

  @Override
  void close();

  /**
   * The client for {@code contender}, reaching the fixtures as {@code fixtures} says; a
   * {@code requestTimeout} applies to this library's contenders only.
   */
  static ScenarioClient of(
      Contender contender, FixtureMap fixtures, Optional<Duration> requestTimeout) {
    return contender.isOurs()
        ? new AutodiscoverClient(contender, fixtures, requestTimeout)
        : new EwsJavaApiClient(fixtures);
  }
}
