package dev.autodiscover.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs this library's side of both scenarios at a tiny scale, in this JVM, and checks that every
 * address resolves and that the counts add up. Timings are printed by the real runs only; none
 * is asserted here.
 */
class ScenarioSmokeTest {

  /**
   * A silent root costs one request timeout per sequential resolution: short here, yet long
   * enough for a cold TLS handshake with the answering host on a busy machine.
   */
  private static final RunOptions IN_PROCESS =
      new RunOptions(true, List.of(), Optional.of(Duration.ofSeconds(2)));

  private final PrintStream progress =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @Test
  void hangingRootResolvesThroughTheAutodiscoverHostForEachOfOurContenders() {
    List<Contender> contenders = List.of(
        Contender.AUTODISCOVER_HOST_ALONE, Contender.AUTODISCOVER_SEQUENTIAL, Contender.AUTODISCOVER);

    List<HangingRootScenario.Row> rows = HangingRootScenario.run(
        new HangingRootScenario.Settings(contenders, 2, 1, IN_PROCESS), progress);

    assertThat(rows).extracting(HangingRootScenario.Row::contender).containsExactlyElementsOf(contenders);
    for (HangingRootScenario.Row row : rows) {
      assertThat(row.result().warmUp().resolved()).isTrue();
      assertThat(row.result().resolutions()).hasSize(2).allSatisfy(resolution -> {
        assertThat(resolution.resolved()).as(resolution.detail()).isTrue();
        assertThat(resolution.detail())
            .isEqualTo("PREFIXED_HOST https://autodiscover.contoso.test/autodiscover/autodiscover.xml");
      });
      assertThat(row.requests()).as("one POST to the autodiscover host per run").isEqualTo(2);
    }
    assertThat(rows.get(0).silentConnections()).as("the host alone never asks the root").isZero();
    assertThat(rows.get(1).silentConnections()).as("one connection to the root per run").isEqualTo(2);
    assertThat(rows.get(2).silentConnections()).isEqualTo(2);
    assertThat(HangingRootScenario.table(rows).rows()).hasSize(3);
  }

  @Test
  void bulkResolvesEveryAddressAndCountsEveryRequestAgainstOne() {
    BulkScenario.Settings settings = new BulkScenario.Settings(
        List.of(Contender.AUTODISCOVER_SEQUENTIAL, Contender.AUTODISCOVER),
        20, 4, 4, 20, Set.of(), 7, IN_PROCESS);
    BulkLayout layout = BulkLayout.of(4, 20, 7);

    List<BulkScenario.Row> rows = BulkScenario.run(settings, progress);

    assertThat(layout.broken()).containsExactly("tenant002.test");
    assertThat(rows).hasSize(2);
    for (BulkScenario.Row row : rows) {
      List<Resolution> results = row.result().resolutions();
      assertThat(row.sampled()).isFalse();
      assertThat(row.input()).isEqualTo(layout.addresses());
      assertThat(results).allSatisfy(resolution ->
          assertThat(resolution.resolved()).as(resolution.email() + ": " + resolution.detail()).isTrue());
      assertThat(results.stream().map(Resolution::email).collect(Collectors.toSet()))
          .isEqualTo(Set.copyOf(layout.addresses()));

      // every address reached the autodiscover host once; a healthy root adds at most a 404
      long healthy = layout.addresses().stream()
          .filter(email -> !layout.isBroken(BulkLayout.domainOf(email))).count();
      assertThat(row.requests()).isBetween(20L, 20L + healthy);
      assertThat(row.laterAddresses()).isEqualTo(20 - 4);
      assertThat(row.laterRequests()).isBetween(16L, row.requests() - 4);
      assertThat(row.unattributed()).isZero();
      // each broken address may open one connection to its silent root; the first one must
      assertThat(row.silentConnections()).isBetween(1L, 20L - healthy);
      assertThat(row.result().heap().usedBytes()).isPositive();
    }
    assertThat(BulkScenario.table(rows, 20).rows()).hasSize(2);
  }
}
