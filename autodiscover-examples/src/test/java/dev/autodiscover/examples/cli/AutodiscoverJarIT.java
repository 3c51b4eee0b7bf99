package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodiscover.testkit.FixtureDirectory;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedLdapRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code autodiscover.jar} with {@code java -jar}, as a user would. */
class AutodiscoverJarIT {
  private static final Path JAR = Path.of("target", "autodiscover.jar");
  private static final String SCP_BIND_DN = "CN=svc-mail,CN=Users,DC=corp,DC=test";
  private static final String SCP_PASSWORD = "Zq7-corr3ct-h0rse";
  private static final String PASSWORD_VARIABLE = "AUTODISCOVER_IT_SCP_PASSWORD";
  private static final String SCP_URL = "https://ex01.corp.test/autodiscover/autodiscover.xml";

  @TempDir
  Path directory;

  private record Exit(int status, String out, String err) {}

  private Exit run(List<String> args) throws IOException, InterruptedException {
    return run(args, Map.of());
  }

  /** Runs the jar with {@code environment} added to the child process's environment. */
  private Exit run(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(args);
    Path out = directory.resolve("out.txt");
    Path err = directory.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
            System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ended within 60 s").isTrue();
    return new Exit(process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        Files.readString(err, StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
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
  void bindsToTheDirectoryWithThePasswordFromTheEnvironmentAndNeverPrintsIt() throws Exception {
    try (FixtureNetwork network = FixtureNetwork.start();
        FixtureDirectory dc = directoryPublishingEx01(network)) {

      Exit exit = run(scpArguments(network, dc), Map.of(PASSWORD_VARIABLE, SCP_PASSWORD));

      assertThat(exit.status()).as(exit.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(exit.out().strip());
      assertThat(json.at("/endpoint/method").asText()).isEqualTo("SCP");
      assertThat(json.at("/endpoint/url").asText()).isEqualTo(SCP_URL);
      assertThat(json.at("/attempts/0/url").asText()).isEqualTo(dc.url().toString());
      assertThat(json.at("/attempts/0/outcome").asText()).isEqualTo("REDIRECTED");
      assertThat(dc.requests())
          .contains(new ReceivedLdapRequest(ReceivedLdapRequest.BIND, SCP_BIND_DN, "", ""))
          .extracting(ReceivedLdapRequest::dn).contains(dc.configurationNamingContext());
      assertThat(exit.out()).doesNotContain(SCP_PASSWORD);
      assertThat(exit.err()).doesNotContain(SCP_PASSWORD);
    }
  }

  @Test
  void aRefusedDirectoryBindIsUnauthorizedAndTheResolutionGoesOnWithoutPrintingThePassword() throws Exception {
    String wrong = "Wr0ng-battery-5521";
    try (FixtureNetwork network = FixtureNetwork.start();
        FixtureDirectory dc = directoryPublishingEx01(network)) {

      Exit exit = run(scpArguments(network, dc), Map.of(PASSWORD_VARIABLE, wrong));

      assertThat(exit.status()).as(exit.err()).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(exit.out().strip());
      assertThat(json.get("attempts")).extracting(a -> a.get("method").asText())
          .containsExactly("SCP", "A_RECORD", "PREFIXED_HOST", "HTTP_REDIRECT", "SRV");
      JsonNode refused = json.at("/attempts/0");
      assertThat(refused.get("url").asText()).isEqualTo(dc.url().toString());
      assertThat(refused.get("outcome").asText()).isEqualTo("UNAUTHORIZED");
      assertThat(refused.get("detail").asText()).contains(SCP_BIND_DN);
      assertThat(json.at("/error/code").asText()).isEqualTo("NO_ENDPOINT");
      assertThat(dc.requests())
          .contains(new ReceivedLdapRequest(ReceivedLdapRequest.BIND, SCP_BIND_DN, "", ""))
          .extracting(ReceivedLdapRequest::dn).doesNotContain(dc.configurationNamingContext());
      assertThat(exit.out()).doesNotContain(wrong).doesNotContain(SCP_PASSWORD);
      assertThat(exit.err()).doesNotContain(wrong).doesNotContain(SCP_PASSWORD);
    }
  }

  /**
   * Starts a directory that refuses anonymous searches and publishes {@link #SCP_URL}, served by
   * ex01.corp.test in {@code network}.
   */
  private static FixtureDirectory directoryPublishingEx01(FixtureNetwork network) {
    FixtureDirectory dc = FixtureDirectory.forDomain("corp.test").user(SCP_BIND_DN, SCP_PASSWORD).requireBind().start();
    dc.addServiceUrl("EX01", SCP_URL, Instant.parse("2019-03-12T10:15:22Z"));
    network.httpsHost("ex01.corp.test")
        .respondWithPox(PoxResponses.settings("Alice", "alice@corp.test", "https://ex01.corp.test/EWS/Exchange.asmx"));
    return dc;
  }

  /** {@code resolve --json} for alice@corp.test, searching {@code dc} with a simple bind. */
  private List<String> scpArguments(FixtureNetwork network, FixtureDirectory dc) {
    List<String> args = new ArrayList<>(List.of("resolve", "--json", "--timeout", "30"));
    args.addAll(LoopbackArguments.of(network, directory));
    args.addAll(List.of("--scp-ldap", dc.url().toString(), "--scp-bind-dn", SCP_BIND_DN,
        "--scp-password-env", PASSWORD_VARIABLE, "alice@corp.test"));
    return args;
  }

  @Test
  void doctorPrintsAPlainTreeWhenItsOutputIsNotATerminal() throws Exception {
    try (FixtureNetwork network = FixtureNetwork.start()) {
      network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test")).serveWebSite();
      network.httpsHost("autodiscover.contoso.test")
          .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", "https://mail.contoso.test/EWS/Exchange.asmx"));
      List<String> args = new ArrayList<>(List.of("doctor"));
      args.addAll(LoopbackArguments.of(network, directory));
      args.add("alice@contoso.test");

      Exit exit = run(args);

      assertThat(exit.status()).as(exit.err()).isZero();
      assertThat(exit.out())
          .startsWith("Autodiscover doctor: alice@contoso.test")
          .contains("|  |- TLS handshake failed: certificate rejected")
          .contains("|  |  `- problems NAME_MISMATCH")
          .contains("Verdict: resolved")
          .contains("What to change:\n  - Add contoso.test to the certificate of the web site https://contoso.test")
          .doesNotContain("\u001B[")
          .doesNotContain("├─");
    }
  }

  @Test
  void demoPlaysEveryStoryWithoutNetworkAndPrintsPlainReports() throws Exception {
    Exit exit = run(List.of("demo"));

    assertThat(exit.status()).as(exit.err()).isZero();
    assertThat(exit.out())
        .contains("Set-ClientAccessServer -Identity CASSERVER -AutoDiscoverServiceInternalUri")
        .contains("\nSummary\n")
        .containsPattern("scp-netbios-name\\s+resolved\\s+PREFIXED_HOST\\s+NAME_MISMATCH at casserver")
        .containsPattern("redirect-to-self-signed\\s+failed\\s+NO_ENDPOINT\\s+SELF_SIGNED at ex2019.contoso.test")
        .doesNotContain("\u001B[");
    for (String story : List.of("working-domain", "root-certificate-www-only", "expired-root-certificate",
        "wildcard-root-certificate", "srv-record-fix", "scp-netbios-name", "redirect-to-self-signed",
        "redirect-addr", "office365-alias", "nothing-published")) {
      assertThat(exit.out()).contains("== " + story + ": ");
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
    assertThat(run(List.of("--help")).out()).contains("doctor").contains("autodiscover doctor alice@contoso.com");
    assertThat(run(List.of("doctor", "--help")).out()).contains("--no-color").contains("--scp-ldap")
        .contains("autodiscover doctor --json alice@contoso.com");
  }
}
