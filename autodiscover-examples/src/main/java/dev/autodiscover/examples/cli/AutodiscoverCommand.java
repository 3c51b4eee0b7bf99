package dev.autodiscover.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code autodiscover} command: finds Exchange Autodiscover endpoints and explains each step. */
@Command(
    name = "autodiscover",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Finds a mailbox's Microsoft Exchange Autodiscover endpoint the way Outlook does,",
        "and explains every step it took."
    },
    subcommands = {ResolveCommand.class, DoctorCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
    footer = {
        "",
        "Exit status: 0 resolved, 1 not resolved, 2 bad usage or bad input.",
        "",
        "Examples:",
        "  autodiscover resolve alice@contoso.com",
        "  autodiscover resolve --json --methods prefixed-host,srv alice@contoso.com",
        "  autodiscover resolve --json --concurrency 16 --input users.txt > out.jsonl",
        "  autodiscover doctor alice@contoso.com",
        "  autodiscover demo",
        "  autodiscover help doctor"
    })
public final class AutodiscoverCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;

  private AutodiscoverCommand(InputStream stdin) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given output streams and returns its exit status; {@code
   * --input -} reads {@link System#in}. Whether {@code --progress auto} draws a bar depends on the
   * process's standard error, whatever {@code err} is.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.in, out, err);
  }

  /** Runs the command line with the given streams and returns its exit status. */
  static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new AutodiscoverCommand(stdin));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(exception -> ExitStatus.BAD_INPUT);
    commandLine.setParameterExceptionHandler((exception, arguments) -> {
      err.println("autodiscover: " + exception.getMessage());
      return ExitStatus.BAD_INPUT;
    });
    commandLine.setExecutionExceptionHandler((exception, parsed, result) -> {
      if (exception instanceof BadInputException || exception instanceof IllegalArgumentException) {
        err.println("autodiscover: " + exception.getMessage());
        return ExitStatus.BAD_INPUT;
      }
      throw exception;
    });
    return commandLine.execute(args);
  }

  /** The stream {@code --input -} reads. */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
