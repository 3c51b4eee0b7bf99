package dev.autodiscover.examples.cli;

import java.io.PrintWriter;
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
        "  autodiscover doctor alice@contoso.com",
        "  autodiscover demo",
        "  autodiscover help doctor"
    })
public final class AutodiscoverCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new AutodiscoverCommand());
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

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
