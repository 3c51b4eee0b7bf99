package dev.autodiscover.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autodiscover.examples.cli.doctor.Doctor;
import dev.autodiscover.examples.cli.doctor.DoctorReport;
import dev.autodiscover.examples.cli.doctor.JsonReport;
import dev.autodiscover.examples.cli.doctor.Style;
import dev.autodiscover.examples.cli.doctor.TextReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code autodiscover demo}: plays the built-in stories on loopback (a stub DNS server, HTTPS hosts
 * with generated certificates, an LDAP directory) and shows doctor's report for each, then a
 * summary. Needs no network and no setup.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Plays the built-in stories on loopback and shows doctor's report for each.",
        "",
        "Each story starts its own stub DNS server, HTTPS hosts with generated certificates"
            + " and, for the SCP story, an Active Directory-like LDAP server, all on 127.0.0.1:"
            + " no network and no setup needed. A summary line per story ends the output.",
        ""
    },
    footer = {
        "",
        "Exit status: 0 when the stories were played (resolved or not), 2 for an unknown"
            + " name.",
        "",
        "Examples:",
        "  autodiscover demo",
        "  autodiscover demo --list",
        "  autodiscover demo srv-record-fix scp-netbios-name",
        "  autodiscover demo --json | jq -r '[.story, .cause] | @tsv'"
    })
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--list", description = "List the stories and exit.")
  boolean list;

  @Option(names = "--json", description = "Print doctor's JSON report for each story, one a line, and no summary.")
  boolean json;

  @Mixin
  ColorOptions colors;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Play only these stories (see --list).")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Style style = colors.style(System::getenv);
    List<DemoScenario> scenarios = selected();
    if (list) {
      for (DemoScenario scenario : scenarios) {
        out.printf("%-26s %s%n", scenario.name(), scenario.title());
      }
      return ExitStatus.ALL_RESOLVED;
    }
    List<String> summary = new ArrayList<>();
    for (DemoScenario scenario : scenarios) {
      DoctorReport report = play(scenario);
      if (json) {
        ObjectNode line = JsonReport.toJson(report);
        ObjectNode story = line.objectNode().put("story", scenario.name()).put("title", scenario.title());
        story.setAll(line);
        out.println(JsonReport.line(story));
      } else {
        out.println(style.bold("== " + scenario.name() + ": " + scenario.title()));
        out.println(TextReport.render(report, style).replace("\n", System.lineSeparator()));
        out.println();
      }
      summary.add(summaryLine(scenario, report));
      out.flush();
    }
    if (!json) {
      out.println(style.bold("Summary"));
      summary.forEach(out::println);
    }
    return ExitStatus.ALL_RESOLVED;
  }

  private static String summaryLine(DemoScenario scenario, DoctorReport report) {
    String how = report.verdict().resolved()
        ? report.verdict().method().orElse("-")
        : report.verdict().errorCode().orElse("-");
    return String.format("%-26s %-9s %-14s %s", scenario.name(),
        report.verdict().resolved() ? "resolved" : "failed", how, report.cause());
  }

  private List<DemoScenario> selected() {
    if (names.isEmpty()) {
      return DemoScenario.all();
    }
    List<DemoScenario> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(DemoScenario.named(name).orElseThrow(() -> new BadInputException(
          "no demo story named '" + name + "'; see autodiscover demo --list")));
    }
    return chosen;
  }

  private static DoctorReport play(DemoScenario scenario) {
    try (DemoStage stage = new DemoStage()) {
      scenario.setUp().accept(stage);
      return Doctor.examine(stage.resolver(), stage.trust(), scenario.email());
    }
  }
}
