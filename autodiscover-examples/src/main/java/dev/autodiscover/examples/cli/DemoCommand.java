package dev.autodiscover.examples.cli;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.tls.TrustConfiguration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code autodiscover demo}: plays the built-in stories on loopback (a stub DNS server and HTTPS
 * hosts with generated certificates) and shows what the resolver did in each. Needs no network.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Plays the built-in stories on loopback and shows what the resolver did in each.",
    footer = {"", "Examples:", "  autodiscover demo", "  autodiscover demo --list",
        "  autodiscover demo srv-record-fix"})
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--list", description = "List the stories and exit.")
  boolean list;

  @Option(names = "--json", description = "Print each story's result as JSON lines instead.")
  boolean json;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Play only these stories.")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<DemoScenario> scenarios = selected();
    if (list) {
      for (DemoScenario scenario : scenarios) {
        out.printf("%-28s %s%n", scenario.name(), scenario.title());
      }
      return ExitStatus.ALL_RESOLVED;
    }
    List<String> summary = new ArrayList<>();
    for (DemoScenario scenario : scenarios) {
      AutodiscoverResult result = play(scenario);
      if (json) {
        out.println(ResultJson.line(result));
      } else {
        out.println("== " + scenario.name() + ": " + scenario.title());
        out.println(result.describe());
        out.println();
      }
      summary.add(String.format("%-28s %-10s %s", scenario.name(),
          result.resolved() ? "resolved" : "failed",
          result.resolved()
              ? result.endpoint().get().method() + " " + result.endpoint().get().url()
              : result.error().get().code().name()));
      out.flush();
    }
    if (!json) {
      out.println("Summary");
      summary.forEach(out::println);
    }
    return ExitStatus.ALL_RESOLVED;
  }

  private List<DemoScenario> selected() {
    if (names.isEmpty()) {
      return DemoScenario.all();
    }
    List<DemoScenario> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(DemoScenario.all().stream()
          .filter(scenario -> scenario.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new BadInputException("no demo story named '" + name
              + "'; see autodiscover demo --list")));
    }
    return chosen;
  }

  private static AutodiscoverResult play(DemoScenario scenario) {
    try (FixtureNetwork network = FixtureNetwork.start()) {
      scenario.setUp().accept(network);
      AutodiscoverResolver resolver = AutodiscoverResolver.builder()
          .dnsClient(DnsClient.usingServers(network.dnsServer()))
          .socketFactory(network.socketFactory())
          .trust(TrustConfiguration.of(List.of(network.certificateAuthority().certificate())))
          .connectTimeout(Duration.ofSeconds(2))
          .timeout(Duration.ofSeconds(30))
          .build();
      return resolver.resolve(scenario.email());
    }
  }
}
