package dev.autodiscover.examples.cli;

import dev.autodiscover.EmailAddresses;
import dev.autodiscover.examples.cli.doctor.Doctor;
import dev.autodiscover.examples.cli.doctor.DoctorReport;
import dev.autodiscover.examples.cli.doctor.JsonReport;
import dev.autodiscover.examples.cli.doctor.Style;
import dev.autodiscover.examples.cli.doctor.TextReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autodiscover doctor}: resolves one address and reports every step, the diagnosis and the fix. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
        "Examines one address step by step and says what to change.",
        "",
        "Resolves the address as resolve does and shows every step as a tree: the DNS answer,"
            + " the TCP connection, the TLS handshake and certificate (subject, names, validity,"
            + " issuer, SHA-256, every problem), the HTTP exchange and what its answer was, each"
            + " redirect and the decision on it, with the milliseconds each step took. Then the"
            + " diagnosis, the verdict, and what to change.",
        ""
    },
    footer = {
        "",
        "Colour and box-drawing glyphs on a terminal; a plain ASCII tree when the output is"
            + " piped or redirected, with --no-color, or when NO_COLOR is set.",
        "",
        "Exit status: 0 resolved, 1 not resolved, 2 bad usage or bad input.",
        "",
        "Examples:",
        "  autodiscover doctor alice@contoso.com",
        "  autodiscover doctor --json alice@contoso.com | jq .verdict",
        "  autodiscover doctor --methods prefixed-host,srv alice@contoso.com",
        "  autodiscover doctor --scp-ldap ldap://dc1.corp.contoso.com alice@contoso.com",
        "  autodiscover doctor --trust ex2019.pem alice@contoso.com > report.txt"
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "EMAIL", description = "The address to examine.")
  String email;

  @Option(names = "--json", description = "Print the report as one JSON object (one line).")
  boolean json;

  @Mixin
  ColorOptions colors;

  @Mixin
  ResolverOptions options;

  @Override
  public Integer call() {
    EmailAddresses.problemWith(email).ifPresent(problem -> {
      throw new BadInputException("'" + email + "' is not a valid address: " + problem);
    });
    Style style = colors.style(System::getenv);
    DoctorReport report = Doctor.examine(options.resolverBuilder(System::getenv), options.trust(), email);
    PrintWriter out = spec.commandLine().getOut();
    String text = json ? JsonReport.line(report) : TextReport.render(report, style);
    out.println(text.replace("\n", System.lineSeparator()));
    out.flush();
    return report.verdict().resolved() ? ExitStatus.ALL_RESOLVED : ExitStatus.SOME_NOT_RESOLVED;
  }
}
