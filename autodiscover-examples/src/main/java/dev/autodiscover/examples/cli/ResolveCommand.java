package dev.autodiscover.examples.cli;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.EmailAddresses;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autodiscover resolve}: resolves addresses and prints what was found and tried. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = "Finds the Autodiscover endpoint of each address and shows every step.",
    footer = {
        "",
        "Bulk runs (--input, or more than one EMAIL) print results in input order,",
        "end with a summary on standard error (resolved, endpoint methods, error codes,",
        "attempt outcomes, bad lines), and show a progress bar on standard error when",
        "it is a terminal.",
        "",
        "Exit status: 0 all resolved, 1 some not resolved, 2 bad usage or bad input.",
        "",
        "Examples:",
        "  autodiscover resolve alice@contoso.com",
        "  autodiscover resolve --json --dns-server 10.0.0.53 alice@contoso.com",
        "  autodiscover resolve --json --concurrency 16 --input users.txt > out.jsonl",
        "  cut -d, -f2 users.csv | autodiscover resolve --json --input - > out.jsonl",
        "  autodiscover resolve --user alice --password-env PASS alice@contoso.com",
        "  autodiscover resolve --ad-domain corp.contoso.com --site Berlin alice@corp.com"
    })
final class ResolveCommand implements Callable<Integer> {
  private static final int MAX_CONCURRENCY = 256;
  /** How many addresses may be read ahead of the oldest unfinished one, per address resolved at once. */
  private static final int WINDOW_PER_THREAD = 4;

  @Spec
  CommandSpec spec;

  @ParentCommand
  AutodiscoverCommand parent;

  @Parameters(paramLabel = "EMAIL", arity = "0..*", description = "The addresses to resolve.")
  List<String> emails = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object per address (JSON lines).")
  boolean json;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Read addresses from FILE, one a line ('-' for standard input), as they are"
          + " needed; blank lines and lines starting with # are skipped.")
  String input;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Resolve up to N addresses at once (1 to " + MAX_CONCURRENCY + ")."
          + " Results still come out in input order. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--progress", paramLabel = "auto|always|never", defaultValue = "auto",
      description = "Show a progress bar on standard error: when it is a terminal and there is"
          + " more than one address (auto, the default), always, or never.")
  String progress;

  @Mixin
  ResolverOptions options;

  @Override
  public Integer call() {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new BadInputException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ": " + concurrency);
    }
    String progressMode = progress.toLowerCase(Locale.ROOT);
    if (!List.of("auto", "always", "never").contains(progressMode)) {
      throw new BadInputException("--progress: expected auto, always or never, not '" + progress + "'");
    }
    for (String email : emails) {
      EmailAddresses.problemWith(email).ifPresent(problem -> {
        throw new BadInputException("'" + email + "' is not a valid address: " + problem);
      });
    }
    AutodiscoverResolver resolver = options.resolverBuilder(System::getenv).build();
    boolean bulk = input != null || emails.size() > 1;
    try (AddressSource source = AddressSource.open(emails, input, parent.stdin())) {
      if (!source.hasNext()) {
        throw new BadInputException(source.readError()
            .orElse("no address to resolve: give EMAIL arguments or --input FILE"));
      }
      return resolveAll(resolver, source, display(progressMode, bulk), bulk);
    } catch (IOException e) {
      throw new BadInputException("--input: cannot close " + input + ": " + e.getMessage(), e);
    }
  }

  private int resolveAll(AutodiscoverResolver resolver, AddressSource source, ProgressDisplay display, boolean bulk) {
    BulkSummary summary = new BulkSummary();
    source.whenEnded(display::total);
    try (display) {
      new BulkResolver(resolver, concurrency, WINDOW_PER_THREAD * concurrency).run(source, (line, result) -> {
        if (BulkSummary.isBadAddress(result)) {
          display.printErr("autodiscover: " + source.inputName() + " line " + line.number() + ": "
              + result.error().get().message());
        }
        summary.add(line, result);
        display.step(result.resolved());
        display.printOut(json ? ResultJson.line(result) : result.describe());
      });
      source.readError().ifPresent(message -> display.printErr("autodiscover: " + message));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      spec.commandLine().getErr().println("autodiscover: interrupted");
      return ExitStatus.SOME_NOT_RESOLVED;
    }
    if (bulk) {
      PrintWriter err = spec.commandLine().getErr();
      summary.lines().forEach(err::println);
      err.flush();
    }
    if (summary.hasBadLines() || source.readError().isPresent()) {
      return ExitStatus.BAD_INPUT;
    }
    return summary.allResolved() ? ExitStatus.ALL_RESOLVED : ExitStatus.SOME_NOT_RESOLVED;
  }

  private ProgressDisplay display(String mode, boolean bulk) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean show = mode.equals("always") || (mode.equals("auto") && bulk && TerminalStreams.stderrIsTerminal());
    if (!show) {
      return ProgressDisplay.plain(out, err);
    }
    // A regular file is counted up front, which costs one extra read of it and gives the bar its
    // percentage and time left from the start; standard input or a pipe can only be read once, so
    // its bar shows "?" for the total until the last line has been read.
    Optional<Long> total = AddressSource.countAddresses(input).map(count -> count + emails.size());
    boolean onTerminal = TerminalStreams.stderrIsTerminal();
    return ProgressDisplay.withBar(out, err, total.orElse(-1L),
        onTerminal ? TerminalStreams.stderrWidth() : -1,
        onTerminal && TerminalStreams.stdoutIsTerminal());
  }
}
