package dev.autodiscover.examples.cli;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.EmailAddresses;
import dev.autodiscover.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autodiscover resolve}: resolves addresses and prints what was found and tried. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = "Finds the Autodiscover endpoint of each address and shows every step.",
    footer = {
        "",
        "Exit status: 0 all resolved, 1 some not resolved, 2 bad usage or bad input.",
        "",
        "Examples:",
        "  autodiscover resolve alice@contoso.com",
        "  autodiscover resolve --json --dns-server 10.0.0.53 alice@contoso.com bob@fabrikam.com",
        "  autodiscover resolve --json --input mailboxes.txt > results.jsonl",
        "  autodiscover resolve --user alice@contoso.com --password-env AD_PASSWORD alice@contoso.com"
    })
final class ResolveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "EMAIL", arity = "0..*", description = "The addresses to resolve.")
  List<String> emails = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object per address (JSON lines).")
  boolean json;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Read addresses from FILE, one a line ('-' for standard input);"
          + " blank lines and lines starting with # are skipped.")
  String input;

  @Mixin
  ResolverOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Line> addresses = addresses(err);
    if (addresses.isEmpty()) {
      throw new BadInputException("no address to resolve: give EMAIL arguments or --input FILE");
    }
    for (Line line : addresses) {
      if (line.number() == 0) {
        EmailAddresses.problemWith(line.text()).ifPresent(problem -> {
          throw new BadInputException("'" + line.text() + "' is not a valid address: " + problem);
        });
      }
    }
    AutodiscoverResolver resolver = options.resolverBuilder(System::getenv).build();
    boolean allResolved = true;
    boolean badInput = false;
    for (Line line : addresses) {
      AutodiscoverResult result = resolver.resolve(line.text());
      if (result.error().filter(error -> error.code() == ErrorCode.INVALID_EMAIL).isPresent()) {
        err.println("autodiscover: " + input + " line " + line.number() + ": "
            + result.error().get().message());
        badInput = true;
      }
      allResolved &= result.resolved();
      out.println(json ? ResultJson.line(result) : result.describe());
      out.flush();
    }
    if (badInput) {
      return ExitStatus.BAD_INPUT;
    }
    return allResolved ? ExitStatus.ALL_RESOLVED : ExitStatus.SOME_NOT_RESOLVED;
  }

  /** An address and the input line it came from (0 for a command-line argument). */
  private record Line(String text, int number) {}

  private List<Line> addresses(PrintWriter err) {
    List<Line> lines = new ArrayList<>();
    for (String email : emails) {
      lines.add(new Line(email, 0));
    }
    if (input == null) {
      return lines;
    }
    try (BufferedReader reader = input.equals("-")
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
      String text;
      int number = 0;
      while ((text = reader.readLine()) != null) {
        number++;
        String trimmed = text.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(new Line(trimmed, number));
        }
      }
    } catch (IOException e) {
      throw new BadInputException("--input: cannot read " + input + ": " + e.getMessage(), e);
    }
    return lines;
  }
}
