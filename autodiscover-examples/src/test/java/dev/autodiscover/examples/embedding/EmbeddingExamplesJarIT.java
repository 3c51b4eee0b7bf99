package dev.autodiscover.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each example's {@code main} from the packaged jar, as its javadoc says to, with inputs that
 * need no network.
 */
class EmbeddingExamplesJarIT {
  private static final Path JAR = Path.of("target", "autodiscover.jar").toAbsolutePath();

  @TempDir
  Path directory;

  private record Exit(int status, String out, String err) {}

  private Exit run(String example, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", JAR.toString(),
        "dev.autodiscover.examples.embedding." + example));
    command.addAll(List.of(args));
    Path out = directory.resolve("out.txt");
    Path err = directory.resolve("err.txt");
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(
            new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")))
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the example ended within 60 s").isTrue();
    return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BasicResolve", "RedirectConsentPrompt", "CertificateTrustPrompt", "CustomStrategyOrder"})
  void exampleExitsOneWithTheStoryForAnAddressWithoutDomain(String example) throws Exception {
    Exit exit = run(example, "alice");

    assertThat(exit.status()).as(exit.err()).isEqualTo(1);
    assertThat(exit.out()).startsWith("Autodiscover for alice failed: INVALID_EMAIL");
    assertThat(exit.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"BasicResolve", "RedirectConsentPrompt", "CertificateTrustPrompt", "CustomStrategyOrder"})
  void exampleExitsTwoWithItsUsageWithoutArguments(String example) throws Exception {
    Exit exit = run(example);

    assertThat(exit.status()).isEqualTo(2);
    assertThat(exit.err()).startsWith("usage: " + example).hasLineCount(1);
    assertThat(exit.out()).isEmpty();
  }
}
