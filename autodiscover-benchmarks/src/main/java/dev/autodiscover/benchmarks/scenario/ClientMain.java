package dev.autodiscover.benchmarks.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The child JVM's entry point: runs one contender's job against the fixtures described in a
 * folder, and prints the result as {@link ResultLines}.
 *
 * <pre>
 * ClientMain CONTENDER FIXTURE-FOLDER REQUEST-TIMEOUT repeated WARM-UP EMAIL REPETITIONS
 * ClientMain CONTENDER FIXTURE-FOLDER REQUEST-TIMEOUT bulk WARM-UP ADDRESS-FILE CONCURRENCY
 * </pre>
 *
 * REQUEST-TIMEOUT is in milliseconds, or {@code -} for the default.
 * Exit status 0 when the job ran, 3 when the warm-up failed, 2 for bad arguments.
 */
public final class ClientMain {

  private ClientMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 7) {
      System.err.println("usage: ClientMain CONTENDER FOLDER TIMEOUT-MS|- "
          + "(repeated WARM-UP EMAIL N | bulk WARM-UP FILE CONCURRENCY); got " + Arrays.toString(args));
      System.exit(2);
    }
    Contender contender = Contender.byId(args[0]);
    FixtureMap fixtures = FixtureMap.readFrom(Path.of(args[1]));
    Optional<Duration> requestTimeout = args[2].equals("-")
        ? Optional.empty() : Optional.of(Duration.ofMillis(Long.parseLong(args[2])));
    ClientJob job = switch (args[3]) {
      case "repeated" -> new ClientJob.Repeated(args[4], args[5], Integer.parseInt(args[6]));
      case "bulk" -> new ClientJob.Bulk(args[4],
          Files.readAllLines(Path.of(args[5]), StandardCharsets.UTF_8), Integer.parseInt(args[6]));
      default -> throw new IllegalArgumentException("unknown job kind: " + args[3]);
    };
    JobResult result;
    try (ScenarioClient client = ScenarioClient.of(contender, fixtures, requestTimeout)) {
      result = job.run(client);
    } catch (IllegalStateException e) {
      System.err.println(contender + ": " + e.getMessage());
      System.exit(3);
      return;
    }
    ResultLines.write(result, System.out);
    System.exit(0); // clients may leave non-daemon threads behind
  }
}
