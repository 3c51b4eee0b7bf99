package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.SilentHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many addresses through one resolver: every result handed out, domains discovered once, no thread left behind. */
class BulkResolutionTest extends LoopbackTest {

  @Test
  void everyAddressIsResolvedAndEachDomainIsDiscoveredOnce() {
    List<FixtureHost> hosts = new ArrayList<>();
    for (String domain : List.of("contoso.test", "fabrikam.test", "tailspin.test")) {
      hosts.add(network.httpsHost("autodiscover." + domain).respondWithPox(Loopback.settings("user@" + domain)));
    }
    SilentHost brokenRoot = network.silentHost("tailspin.test");
    List<String> addresses = IntStream.range(0, 30)
        .mapToObj(i -> "user" + i + "@" + List.of("contoso.test", "fabrikam.test", "tailspin.test").get(i % 3))
        .toList();

    List<AutodiscoverResult> results = new ArrayList<>();
    try (BulkResolution bulk = Loopback.resolver(network).probing(Probing.staggered()).build()
        .resolveAll(addresses, BulkOptions.defaults().withConcurrency(6))) {
      bulk.forEach(results::add);
      assertThat(bulk.started()).isEqualTo(30);
    }

    assertThat(results).extracting(AutodiscoverResult::email).containsExactlyInAnyOrderElementsOf(addresses);
    assertThat(results).allSatisfy(result -> assertThat(result.resolved()).as(result.describe()).isTrue());
    assertThat(hosts).allSatisfy(host -> assertThat(host.requests()).hasSize(10));
    assertThat(brokenRoot.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void closingCancelsTheResolutionsUnderWayAndLeavesNoThreadBehind() {
    network.silentHost("contoso.test");
    network.silentHost("autodiscover.contoso.test");
    List<String> addresses = IntStream.range(0, 100).mapToObj(i -> "user" + i + "@contoso.test").toList();
    AutodiscoverResolver resolver = Loopback.resolver(network).endpointCache(dev.autodiscover.spi.EndpointCache.NONE)
        .requestTimeout(Duration.ofSeconds(30)).build();

    BulkResolution bulk = resolver.resolveAll(addresses, BulkOptions.defaults().withConcurrency(4));
    while (bulk.started() < 4) {
      Thread.onSpinWait();
    }
    bulk.close();

    assertThat(bulk.started()).isLessThan(100);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.isAlive() && thread.getName().startsWith("autodiscover-bulk-"));
    assertThat(bulk).allSatisfy(result ->
        assertThat(result.error()).map(ResolutionError::code).contains(ErrorCode.ABORTED));
  }

  @Test
  void aNullAddressGivesAnInvalidEmailResult() {
    try (BulkResolution bulk = Loopback.resolver(network).build()
        .resolveAll(Arrays.asList("alice@", null), BulkOptions.defaults())) {
      List<AutodiscoverResult> results = new ArrayList<>();
      bulk.forEach(results::add);
      assertThat(results).hasSize(2).allSatisfy(result ->
          assertThat(result.error()).map(ResolutionError::code).contains(ErrorCode.INVALID_EMAIL));
    }
  }

  @Test
  void theResultsCanBeIteratedOnce() {
    try (BulkResolution bulk = Loopback.resolver(network).build().resolveAll(List.of(), BulkOptions.defaults())) {
      assertThat(bulk.iterator().hasNext()).isFalse();
      assertThatThrownBy(bulk::iterator).isInstanceOf(IllegalStateException.class)
          .hasMessage("the results of a bulk resolution can be iterated once");
    }
  }

  @Test
  void optionsRejectValuesBelowOne() {
    assertThatThrownBy(() -> BulkOptions.defaults().withConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("concurrency must be at least 1: 0");
    assertThatThrownBy(() -> BulkOptions.defaults().withPerHost(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("perHost must be at least 1: -1");
  }
}
