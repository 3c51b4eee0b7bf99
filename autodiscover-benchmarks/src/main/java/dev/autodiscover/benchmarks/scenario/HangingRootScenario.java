package dev.autodiscover.benchmarks.scenario;

import dev.autodiscover.testkit.FixtureHost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scenario 1, {@code hanging-root}: the root domain {@code contoso.test} accepts TCP and never
 * answers TLS (a {@code SilentHost}); {@code autodiscover.contoso.test} answers at once. Each
 * contender resolves {@code alice@contoso.test} from cold (a new resolver or service, no
 * connection kept) a few times with its default timeouts, after a warm-up resolution of the
 * healthy {@code fabrikam.test} that must succeed.
 *
 * <p>Fixtures: {@code contoso.test} silent on 443 and 80; one HTTPS server for
 * {@code autodiscover.contoso.test} and {@code autodiscover.fabrikam.test} answering POX
 * settings; {@code fabrikam.test} a web site answering 404.
 */
final class HangingRootScenario {

  static final String EMAIL = "alice@contoso.test";
  static final String WARM_UP = "bob@fabrikam.test";

  /**
   * @param contenders who runs, in this order
   * @param repetitions how many timed resolutions for this library's contenders
   * @param ewsRepetitions how many for ews-java-api (about 100 s each)
   * @param run how the contenders are run
   */
  record Settings(List<Contender> contenders, int repetitions, int ewsRepetitions, RunOptions run) {

    static final List<Contender> DEFAULT_CONTENDERS = List.of(Contender.AUTODISCOVER_HOST_ALONE,
        Contender.AUTODISCOVER_SEQUENTIAL, Contender.AUTODISCOVER, Contender.EWS_JAVA_API);

    Settings {
      contenders = List.copyOf(contenders);
    }
  }

  /**
   * What one contender did.
   *
   * @param silentConnections TCP connections the silent root accepted during the timed runs
   * @param requests HTTP requests the HTTPS hosts received for {@link #EMAIL}
   */
  record Row(Contender contender, JobResult result, long silentConnections, long requests) {

    Summary times() {
      return Summary.ofNanos(result.resolutions().stream().mapToLong(Resolution::nanos).toArray());
    }
  }

  private HangingRootScenario() {}

  static List<Row> run(Settings settings, PrintStream progress) {
    try (ScenarioNetwork fixtures = new ScenarioNetwork()) {
      fixtures.silentHost("contoso.test");
      FixtureHost autodiscover =
          fixtures.httpsHost(List.of("autodiscover.contoso.test", "autodiscover.fabrikam.test"));
      Answers.autodiscover(autodiscover, "autodiscover.contoso.test", "contoso.test");
      Answers.autodiscover(autodiscover, "autodiscover.fabrikam.test", "fabrikam.test");
      Answers.webSiteWithoutAutodiscover(fixtures.httpsHost(List.of("fabrikam.test")));

      List<Row> rows = new ArrayList<>();
      for (Contender contender : settings.contenders()) {
        int repetitions = contender.isOurs() ? settings.repetitions() : settings.ewsRepetitions();
        progress.printf(Locale.ROOT, "hanging-root: %s, %d cold resolution(s) of %s...%n",
            contender, repetitions, EMAIL);
        fixtures.ledger().reset();
        long silentBefore = fixtures.silentConnections();
        JobResult result = fixtures.run(contender,
            new ClientJob.Repeated(WARM_UP, EMAIL, repetitions), settings.run());
        rows.add(new Row(contender, result, fixtures.silentConnections() - silentBefore,
            fixtures.ledger().forAddress(EMAIL)));
      }
      return rows;
    }
  }

  static Table table(List<Row> rows) {
    Table table = new Table("contender", ">runs", ">resolved", ">median", ">min", ">max",
        ">TCP to root / run", ">HTTP requests / run", "endpoint");
    for (Row row : rows) {
      Summary times = row.times();
      int runs = row.result().resolutions().size();
      table.row(row.contender(), runs, row.result().resolvedCount(),
          Table.seconds(times.median()), Table.seconds(times.min()), Table.seconds(times.max()),
          Table.decimal((double) row.silentConnections() / runs, 1),
          Table.decimal((double) row.requests() / runs, 1),
          row.result().resolutions().get(0).detail());
    }
    return table;
  }

  /** The targets of the issue, measured: lines to print under the table. */
  static List<String> verdicts(List<Row> rows) {
    List<String> lines = new ArrayList<>();
    Optional<Row> alone = find(rows, Contender.AUTODISCOVER_HOST_ALONE);
    Optional<Row> ours = find(rows, Contender.AUTODISCOVER);
    Optional<Row> ews = find(rows, Contender.EWS_JAVA_API);
    if (ours.isPresent() && alone.isPresent()) {
      double above = ours.get().times().median() - alone.get().times().median();
      lines.add(String.format(Locale.ROOT,
          "autodiscover (defaults): median %s above the autodiscover host alone (target: at most 1 s)",
          Table.seconds(above)));
    }
    if (ours.isPresent() && ews.isPresent()) {
      double ratio = ews.get().times().median() / ours.get().times().median();
      lines.add(String.format(Locale.ROOT,
          "ews-java-api's median / autodiscover's median: %.1f (target: at least 20)", ratio));
    }
    return lines;
  }

  private static Optional<Row> find(List<Row> rows, Contender contender) {
    return rows.stream().filter(row -> row.contender() == contender).findFirst();
  }
}
