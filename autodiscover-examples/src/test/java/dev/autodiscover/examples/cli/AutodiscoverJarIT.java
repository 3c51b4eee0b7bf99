package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code autodiscover.jar} with {@code java -jar}, as a user would. */
class AutodiscoverJarIT {
  private static final Path JAR = Path.of("target", "autodiscover.jar");

  @TempDir
  Path directory;

  private record Exit(int status, String out, String err) {}

  private Exit run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(args);
    Path out = directory.resolve("out.txt");
    Path err = directory.resolve("err.txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
            System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")))
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ended within 60 s").isTrue();
    return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void resolvesAgainstRealDnsAndHttpsServersOnLoopback() throws Exception {
    try (FixtureNetwork network = FixtureNetwork.start()) {
      network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test")).serveWebSite();
      network.httpsHost("autodiscover.contoso.test")
          .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", "https://mail.contoso.test/EWS/Exchange.asmx"));
      List<String> args = new ArrayList<>(List.of("resolve", "--json"));
      args.addAll(LoopbackArguments.of(network, directory));
      args.add("alice@contoso.test");

      Exit exit = run(args);

      assertThat(exit.status()).as(exit.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(exit.out().strip());
      assertThat(json.at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
      assertThat(json.at("/attempts/1/certificate/problems/0").asText()).isEqualTo("NAME_MISMATCH");
      assertThat(json.get("error").isNull()).isTrue();
    }
  }

  @Test
  void drawsNoProgressBarWhenStderrGoesToAFileAndSummarisesThere() throws Exception {
    try (FixtureNetwork network = FixtureNetwork.start()) {
      network.httpsHost("autodiscover.contoso.test")
          .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", "https://mail.contoso.test/EWS/Exchange.asmx"));
      Path input = directory.resolve("mailboxes.txt");
      Files.writeString(input, "alice@contoso.test\nbob@contoso.test\nnot-an-address\ncarol@contoso.test\n");
      List<String> args = new ArrayList<>(List.of("resolve", "--json", "--methods", "prefixed-host",
          "--concurrency", "3", "--input", input.toString()));
      args.addAll(LoopbackArguments.of(network, directory));

      Exit exit = run(args);

      assertThat(exit.status()).as(exit.err()).isEqualTo(2);
      assertThat(exit.err()).doesNotContain("\r").doesNotContain("Resolving")
          .contains(input + " line 3: 'not-an-address'")
          .contains("Summary: 4 addresses: 3 resolved, 0 not resolved, 1 bad line")
          .containsPattern("endpoint method: +PREFIXED_HOST 3");
      List<String> emails = new ArrayList<>();
      for (String line : exit.out().strip().split("\n")) {
        emails.add(new ObjectMapper().readTree(line).get("email").asText());
      }
      assertThat(emails).containsExactly("alice@contoso.test", "bob@contoso.test", "not-an-address", "carol@contoso.test");
    }
  }

  @Test
  void exitsTwoWithOneLineForAnAddressWithoutDomain() throws Exception {
    Exit exit = run(List.of("resolve", "--json", "alice"));

    assertThat(exit.status()).isEqualTo(2);
    assertThat(exit.err().strip()).startsWith("autodiscover:").contains("alice").doesNotContain("\n");
    assertThat(exit.out()).isEmpty();
  }

  @Test
  void printsItsVersionAndHelp() throws Exception {
    assertThat(run(List.of("--version")).out()).startsWith("autodiscover ");
    assertThat(run(List.of("resolve", "--help")).out()).contains("--dns-server").contains("Exit status")
        .contains("--concurrency=N").contains("--progress=auto|always|never")
        .contains("autodiscover resolve --json --concurrency 16 --input users.txt > out.jsonl");
  }
}
