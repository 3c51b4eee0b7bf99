package dev.autodiscover.benchmarks.scenario;

import dev.autodiscover.testkit.FixtureHost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Scenario 2, {@code bulk}: many addresses over many domains, a third of whose root domains
 * accept TCP and never answer TLS, resolved by one client with a fixed number in flight.
 *
 * <p>Fixtures ({@link BulkLayout} names them): {@code tenantNNN.test} for each domain; a broken
 * domain's root is a {@code SilentHost} (ports 443 and 80), a healthy domain's root is a public
 * web site without Autodiscover (one HTTPS server for all of them answering 404 at once); every
 * {@code autodiscover.tenantNNN.test} is served by one HTTPS server answering POX settings for
 * its domain. Both HTTPS servers count the requests they receive per address.
 */
final class BulkScenario {

  static final String WARM_UP_DOMAIN = "warmup.test";
  static final String WARM_UP = "warmup@" + WARM_UP_DOMAIN;

  /**
   * @param contenders who runs, in this order
   * @param addresses how many addresses in all
   * @param domains over how many domains
   * @param concurrency resolutions in flight, the same for every contender
   * @param sample how many addresses the sampled contenders resolve
   * @param sampled the contenders that resolve a stratified sample instead of every address
   * @param seed the order of the addresses
   * @param run how the contenders are run
   */
  record Settings(List<Contender> contenders, int addresses, int domains, int concurrency,
      int sample, Set<Contender> sampled, long seed, RunOptions run) {

    static final List<Contender> DEFAULT_CONTENDERS =
        List.of(Contender.AUTODISCOVER_SEQUENTIAL, Contender.AUTODISCOVER, Contender.EWS_JAVA_API);

    Settings {
      contenders = List.copyOf(contenders);
      sampled = Set.copyOf(sampled);
      if (contenders.contains(Contender.AUTODISCOVER_HOST_ALONE)) {
        throw new IllegalArgumentException("bulk has no " + Contender.AUTODISCOVER_HOST_ALONE + " row");
      }
    }
  }

  /**
   * What one contender did.
   *
   * @param input the addresses it was given, in order
   * @param sampled whether they are a sample of the full list
   * @param requests HTTP requests received for these addresses
   * @param laterRequests of those, for addresses that are not their domain's first in the input
   * @param laterAddresses how many addresses are not their domain's first
   * @param silentConnections TCP connections the silent roots accepted during the run
   * @param unattributed HTTP requests that named no address (GETs and the like)
   */
  record Row(Contender contender, List<String> input, boolean sampled, JobResult result,
      long requests, long laterRequests, int laterAddresses, long silentConnections,
      long unattributed) {

    double seconds() {
      return result.wallNanos() / 1e9;
    }

    double throughput() {
      return input.size() / seconds();
    }

    double requestsPerAddress() {
      return (double) requests / input.size();
    }

    double laterRequestsPerAddress() {
      return laterAddresses == 0 ? Double.NaN : (double) laterRequests / laterAddresses;
    }
  }

  private BulkScenario() {}

  static List<Row> run(Settings settings, PrintStream progress) {
    BulkLayout layout = BulkLayout.of(settings.domains(), settings.addresses(), settings.seed());
    try (ScenarioNetwork fixtures = new ScenarioNetwork()) {
      List<String> autodiscoverNames = new ArrayList<>();
      List<String> webSites = new ArrayList<>(List.of(WARM_UP_DOMAIN));
      for (String domain : layout.domains()) {
        autodiscoverNames.add("autodiscover." + domain);
        if (layout.isBroken(domain)) {
          fixtures.silentHost(domain);
        } else {
          webSites.add(domain);
        }
      }
      autodiscoverNames.add("autodiscover." + WARM_UP_DOMAIN);
      FixtureHost autodiscover = fixtures.httpsHost(autodiscoverNames);
      for (String name : autodiscoverNames) {
        Answers.autodiscover(autodiscover, name, name.substring("autodiscover.".length()));
      }
      Answers.webSiteWithoutAutodiscover(fixtures.httpsHost(webSites));

      List<Row> rows = new ArrayList<>();
      for (Contender contender : settings.contenders()) {
        boolean sampled = settings.sampled().contains(contender)
            && settings.sample() < layout.addresses().size();
        List<String> input = sampled ? layout.sample(settings.sample()) : layout.addresses();
        progress.printf(Locale.ROOT, "bulk: %s, %d addresses%s over %d domains, %d in flight...%n",
            contender, input.size(), sampled ? " (a stratified sample)" : "",
            input.stream().map(BulkLayout::domainOf).distinct().count(), settings.concurrency());
        fixtures.ledger().reset();
        long silentBefore = fixtures.silentConnections();
        JobResult result = fixtures.run(contender,
            new ClientJob.Bulk(WARM_UP, input, settings.concurrency()), settings.run());
        rows.add(row(contender, input, sampled, result, fixtures,
            fixtures.silentConnections() - silentBefore));
      }
      return rows;
    }
  }

  private static Row row(Contender contender, List<String> input, boolean sampled,
      JobResult result, ScenarioNetwork fixtures, long silentConnections) {
    RequestLedger ledger = fixtures.ledger();
    Set<String> seenDomains = new HashSet<>();
    long requests = 0;
    long laterRequests = 0;
    int laterAddresses = 0;
    for (String email : input) {
      long count = ledger.forAddress(email);
      requests += count;
      if (!seenDomains.add(BulkLayout.domainOf(email))) {
        laterRequests += count;
        laterAddresses++;
      }
    }
    return new Row(contender, input, sampled, result, requests, laterRequests, laterAddresses,
        silentConnections, ledger.unattributed());
  }

  static Table table(List<Row> rows, int fullCount) {
    Table table = new Table("contender", ">addresses", ">resolved", ">wall", ">addresses/s",
        ">HTTP req / address", ">… after each domain's first", ">TCP to silent roots",
        ">median / max per address", ">peak heap (live)", ">wall for " + fullCount);
    for (Row row : rows) {
      Summary latency = Summary.ofNanos(
          row.result().resolutions().stream().mapToLong(Resolution::nanos).toArray());
      table.row(row.contender() + (row.sampled() ? " (sample)" : ""),
          row.input().size(),
          row.result().resolvedCount(),
          Table.decimal(row.seconds(), 1) + " s",
          Table.decimal(row.throughput(), 1),
          Table.decimal(row.requestsPerAddress(), 2)
              + (row.unattributed() > 0 ? " +" + row.unattributed() + " unattributed" : ""),
          Table.decimal(row.laterRequestsPerAddress(), 2),
          row.silentConnections(),
          Table.seconds(latency.median()) + " / " + Table.seconds(latency.max()),
          HeapPeak.mebibytes(row.result().heap().usedBytes())
              + " (" + HeapPeak.mebibytes(row.result().heap().liveBytes()) + ")",
          (row.sampled() ? "≈ " : "") + Table.decimal(fullCount / row.throughput(), 0) + " s");
    }
    return table;
  }

  /** The targets of the issue, measured: lines to print under the table. */
  static List<String> verdicts(List<Row> rows) {
    List<String> lines = new ArrayList<>();
    Optional<Row> ours = rows.stream().filter(row -> row.contender() == Contender.AUTODISCOVER).findFirst();
    Optional<Row> ews = rows.stream().filter(row -> row.contender() == Contender.EWS_JAVA_API).findFirst();
    ours.ifPresent(row -> lines.add(String.format(Locale.ROOT,
        "autodiscover (defaults): %.2f HTTP requests per address after each domain's first"
            + " (target: at most 1.1)", row.laterRequestsPerAddress())));
    if (ours.isPresent() && ews.isPresent()) {
      lines.add(String.format(Locale.ROOT,
          "autodiscover's throughput / ews-java-api's: %.0f (target: at least 10)",
          ours.get().throughput() / ews.get().throughput()));
    }
    rows.stream().filter(Row::sampled).findAny().ifPresent(row -> lines.add(
        "(sample): a stratified sample of the addresses (the same share of broken domains),"
            + " run with the same concurrency; 'wall for N' extrapolates its throughput"));
    return lines;
  }
}
