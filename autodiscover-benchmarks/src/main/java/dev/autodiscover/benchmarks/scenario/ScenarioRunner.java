package dev.autodiscover.benchmarks.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the network scenarios on loopback and prints a Markdown table per scenario.
 *
 * <pre>
 * java -cp autodiscover-benchmarks/target/benchmarks.jar \
 *     dev.autodiscover.benchmarks.scenario.ScenarioRunner hanging-root
 * java -cp autodiscover-benchmarks/target/benchmarks.jar \
 *     dev.autodiscover.benchmarks.scenario.ScenarioRunner bulk --addresses 10000 --domains 100
 * </pre>
 *
 * Every fixture lives on 127.0.0.0/8 (servers on ports the system chooses), every name is
 * resolved by a stub DNS server or a hosts file, and no other address is ever connected to.
 * Progress goes to standard error, the tables to standard output. Exit status 0 when every
 * contender ran, 1 when one could not, 2 for bad usage.
 */
public final class ScenarioRunner {

  private static final String USAGE = """
      usage: ScenarioRunner hanging-root|bulk [options]

      Scenarios
        hanging-root   the root domain accepts TCP and never answers TLS; autodiscover.<domain>
                       answers: cold resolutions of one address, per contender
        bulk           many addresses over many domains, a third of them with such a root:
                       wall time, addresses/s, HTTP requests per address, peak heap

      Options
        --contenders LIST     comma-separated, of: autodiscover-host-alone (hanging-root only),
                              autodiscover-sequential, autodiscover, ews-java-api
                              (default: all that apply)
        --jvm-options "OPTS"  options of each contender's JVM (default: -Xmx1g)
        --in-process          run this library's contenders in this JVM (their heap figures
                              then include the fixtures); ews-java-api always gets its own
        --request-timeout S   this library's request timeout instead of its default (30 s);
                              for quick checks, not for the published numbers
      hanging-root
        --repetitions N       cold resolutions for this library's contenders (default 5)
        --ews-repetitions N   for ews-java-api, about 100 s each (default 1)
      bulk
        --addresses N         (default 10000)
        --domains N           (default 100)
        --concurrency N       resolutions in flight, for every contender (default 16)
        --seed N              order of the addresses (default 2026)
        --sampled LIST        contenders that resolve a stratified sample (default ews-java-api)
        --sample N            the sample's size (default 200)
      """;

  private ScenarioRunner() {}

  public static void main(String[] args) {
    if (args.length == 0 || List.of("-h", "--help").contains(args[0])) {
      System.out.print(USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    Map<String, String> options;
    try {
      options = options(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      switch (args[0]) {
        case "hanging-root" -> hangingRoot(options, System.out, System.err);
        case "bulk" -> bulk(options, System.out, System.err);
        default -> throw new IllegalArgumentException("unknown scenario '" + args[0]
            + "'; known: hanging-root, bulk (-h for help)");
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (RuntimeException e) {
      System.err.println("the scenario could not finish: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static void hangingRoot(Map<String, String> options, PrintStream out, PrintStream progress) {
    HangingRootScenario.Settings settings = new HangingRootScenario.Settings(
        contenders(options, HangingRootScenario.Settings.DEFAULT_CONTENDERS),
        positive(options, "repetitions", 5),
        positive(options, "ews-repetitions", 1),
        runOptions(options));
    checkKnown(options, "contenders", "repetitions", "ews-repetitions", "in-process", "jvm-options",
        "request-timeout");
    List<HangingRootScenario.Row> rows = HangingRootScenario.run(settings, progress);
    header(out, "hanging-root", options);
    out.print(HangingRootScenario.table(rows));
    out.println();
    HangingRootScenario.verdicts(rows).forEach(out::println);
  }

  static void bulk(Map<String, String> options, PrintStream out, PrintStream progress) {
    BulkScenario.Settings settings = new BulkScenario.Settings(
        contenders(options, BulkScenario.Settings.DEFAULT_CONTENDERS),
        positive(options, "addresses", 10_000),
        positive(options, "domains", 100),
        positive(options, "concurrency", 16),
        positive(options, "sample", 200),
        Set.copyOf(list(options.getOrDefault("sampled", Contender.EWS_JAVA_API.id()))),
        Long.parseLong(options.getOrDefault("seed", "2026")),
        runOptions(options));
    checkKnown(options, "contenders", "addresses", "domains", "concurrency", "sample", "sampled",
        "seed", "in-process", "jvm-options", "request-timeout");
    List<BulkScenario.Row> rows = BulkScenario.run(settings, progress);
    header(out, "bulk", options);
    out.print(BulkScenario.table(rows, settings.addresses()));
    out.println();
    BulkScenario.verdicts(rows).forEach(out::println);
  }

  private static void header(PrintStream out, String scenario, Map<String, String> options) {
    out.printf(Locale.ROOT, "%n## %s — %s, %d CPUs, Java %s (%s)%n", scenario,
        Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"));
    out.println("options: " + (options.isEmpty() ? "(defaults)" : options));
    out.println();
  }

  /** {@code --name value} and {@code --flag} pairs. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got '" + args[i] + "' (-h for help)");
      }
      String name = args[i].substring(2);
      if (name.equals("in-process")) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
    return options;
  }

  private static void checkKnown(Map<String, String> options, String... known) {
    List<String> unknown = new ArrayList<>(options.keySet());
    unknown.removeAll(List.of(known));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) for this scenario: "
          + unknown.stream().map(name -> "--" + name).collect(Collectors.joining(", ")));
    }
  }

  private static List<Contender> contenders(Map<String, String> options, List<Contender> defaults) {
    return options.containsKey("contenders") ? list(options.get("contenders")) : defaults;
  }

  private static List<Contender> list(String ids) {
    return ids.isBlank() ? List.of()
        : Arrays.stream(ids.split(",")).map(Contender::byId).distinct().toList();
  }

  private static RunOptions runOptions(Map<String, String> options) {
    String jvm = options.getOrDefault("jvm-options", String.join(" ", RunOptions.DEFAULT_JVM_OPTIONS)).trim();
    Optional<Duration> requestTimeout = options.containsKey("request-timeout")
        ? Optional.of(Duration.ofSeconds(positive(options, "request-timeout", 0)))
        : Optional.empty();
    return new RunOptions(options.containsKey("in-process"),
        jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")), requestTimeout);
  }

  private static int positive(Map<String, String> options, String name, int defaultValue) {
    String value = options.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + " needs a positive whole number, not '" + value + "'");
  }
}
