package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DemoCommandTest {
  /** One run of every story, shared: each test reads the part it is about. */
  private static CommandRun everyStory;
  private static final Map<String, String> REPORTS = new LinkedHashMap<>();

  @BeforeAll
  static void playEveryStory() {
    everyStory = CommandRun.of(List.of("demo"));
    String[] sections = everyStory.out().split("(?m)^== ");
    for (String section : sections) {
      if (!section.isBlank()) {
        REPORTS.put(section.substring(0, section.indexOf(':')), section);
      }
    }
  }

  /** Each story, the cause its report names, and the fix it names (the story's own words in DESIGN.md). */
  static List<Arguments> stories() {
    return List.of(
        Arguments.of("working-domain", "no problem found", "What to change: nothing."),
        Arguments.of("root-certificate-www-only", "x NAME_MISMATCH at contoso.test",
            "Add contoso.test to the certificate of the web site https://contoso.test (it holds www.contoso.test only),"
                + " or stop serving HTTPS on contoso.test: Autodiscover then falls through to autodiscover.contoso.test."),
        Arguments.of("expired-root-certificate", "x EXPIRED at contoso.test",
            "Renew the certificate of contoso.test: it expired on"),
        Arguments.of("wildcard-root-certificate", "x NAME_MISMATCH, WILDCARD_NOT_COVERING_APEX at contoso.test",
            "Add contoso.test to the certificate of the web site https://contoso.test (it holds *.contoso.test only;"
                + " a wildcard never covers contoso.test itself)"),
        Arguments.of("srv-record-fix", "x NAME_MISMATCH at autodiscover.contoso.test",
            "publish an SRV record _autodiscover._tcp.contoso.test pointing to mail.contoso.test."),
        Arguments.of("scp-netbios-name", "x NAME_MISMATCH at casserver",
            "Point the SCP at a name on the certificate of casserver (it holds mail.contoso.test only):"
                + " Set-ClientAccessServer -Identity CASSERVER -AutoDiscoverServiceInternalUri"
                + " https://mail.contoso.test/autodiscover/autodiscover.xml"),
        Arguments.of("redirect-to-self-signed", "x SELF_SIGNED at ex2019.contoso.test",
            "Install a certificate from a trusted certificate authority on ex2019.contoso.test, or trust this exact"
                + " certificate (SHA-256 "),
        Arguments.of("redirect-addr", "* REDIRECT_ADDR to alice@contoso.mail.example.test", "What to change: nothing."),
        Arguments.of("office365-alias", "* NAME_MISMATCH at autodiscover.contoso.test, an alias of Microsoft 365",
            "What to change: nothing."),
        Arguments.of("nothing-published", "x nothing published for fabrikam.test",
            "What to change: no advice from the library"));
  }

  @Test
  void listsEveryStoryByName() {
    CommandRun run = CommandRun.of(List.of("demo", "--list"));

    assertThat(run.status()).isZero();
    assertThat(run.out().lines().map(line -> line.split("\\s+")[0]))
        .containsExactlyElementsOf(DemoScenario.all().stream().map(DemoScenario::name).toList());
  }

  @Test
  void playsEveryStoryInOrderAndPrintsPlainText() {
    assertThat(everyStory.status()).as(everyStory.err()).isZero();
    assertThat(REPORTS.keySet()).containsExactlyElementsOf(DemoScenario.all().stream().map(DemoScenario::name).toList());
    assertThat(everyStory.out()).doesNotContain("\u001B[");
    assertThat(everyStory.out().chars()).noneMatch(c -> c > 0x7e);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void eachStorysReportNamesItsCauseAndItsFix(String story, String cause, String fix) {
    String report = REPORTS.get(story);

    assertThat(report).as(story).startsWith(story + ": ").contains("Autodiscover doctor: ");
    assertThat(report).contains("Diagnosis:\n  " + cause);
    assertThat(report).contains(fix);
  }

  @Test
  void theScpStoryShowsTheDirectorySearchAndTheRejectedNetbiosName() {
    assertThat(REPORTS.get("scp-netbios-name"))
        .contains("|- SCP ldap://dc1.contoso.test: REDIRECTED")
        .contains("|  `- LDAP search: 1 serviceConnectionPoint under CN=Configuration,DC=contoso,DC=test:"
            + " 1. CASSERVER URL https://casserver/autodiscover/autodiscover.xml")
        .contains("|- SCP https://casserver/autodiscover/autodiscover.xml: CERTIFICATE_REJECTED")
        .contains("|  |  |- names mail.contoso.test")
        .contains("`- PREFIXED_HOST https://autodiscover.contoso.test/autodiscover/autodiscover.xml: SUCCESS");
  }

  @Test
  void theSelfSignedStoryFollowsTheRedirectSkipsTheCertificateAndSaysHowToTrustIt() {
    assertThat(REPORTS.get("redirect-to-self-signed"))
        .contains("|  `- redirect to https://ex2019.contoso.test/autodiscover/autodiscover.xml: followed")
        .contains("|- PREFIXED_HOST https://ex2019.contoso.test/autodiscover/autodiscover.xml: CERTIFICATE_REJECTED")
        .contains("|  |  |- issuer CN=ex2019.contoso.test")
        .contains("|  |  `- problems SELF_SIGNED")
        .contains("Verdict: not resolved (NO_ENDPOINT)")
        .contains("With this command:")
        .contains("save it as PEM and pass --trust FILE")
        .contains("--untrusted accept accepts every certificate that fails validation, for this run only.");
  }

  @Test
  void endsWithOneSummaryLinePerStory() {
    String summary = everyStory.out().substring(everyStory.out().lastIndexOf("\nSummary\n") + 1);

    assertThat(summary.lines().skip(1)).hasSize(DemoScenario.all().size());
    assertThat(summary)
        .containsPattern("working-domain\\s+resolved\\s+PREFIXED_HOST\\s+no problem found")
        .containsPattern("root-certificate-www-only\\s+resolved\\s+PREFIXED_HOST\\s+NAME_MISMATCH at contoso.test")
        .containsPattern("expired-root-certificate\\s+resolved\\s+PREFIXED_HOST\\s+EXPIRED at contoso.test")
        .containsPattern("wildcard-root-certificate\\s+resolved\\s+PREFIXED_HOST\\s+NAME_MISMATCH, WILDCARD_NOT_COVERING_APEX")
        .containsPattern("srv-record-fix\\s+resolved\\s+SRV\\s+NAME_MISMATCH at autodiscover.contoso.test")
        .containsPattern("scp-netbios-name\\s+resolved\\s+PREFIXED_HOST\\s+NAME_MISMATCH at casserver")
        .containsPattern("redirect-to-self-signed\\s+failed\\s+NO_ENDPOINT\\s+SELF_SIGNED at ex2019.contoso.test")
        .containsPattern("redirect-addr\\s+resolved\\s+PREFIXED_HOST\\s+REDIRECT_ADDR to alice@contoso.mail.example.test")
        .containsPattern("office365-alias\\s+resolved\\s+OFFICE365\\s+NAME_MISMATCH at autodiscover.contoso.test, an alias")
        .containsPattern("nothing-published\\s+failed\\s+NO_ENDPOINT\\s+nothing published for fabrikam.test");
  }

  @Test
  void playsOnlyTheNamedStories() {
    CommandRun run = CommandRun.of(List.of("demo", "expired-root-certificate", "working-domain"));

    assertThat(run.status()).isZero();
    assertThat(run.out().lines().filter(line -> line.startsWith("== ")).map(line -> line.substring(3, line.indexOf(':'))))
        .containsExactly("expired-root-certificate", "working-domain");
    assertThat(run.out()).contains("Summary");
  }

  @Test
  void printsDoctorsJsonForEachStoryAsJsonLines() {
    CommandRun run = CommandRun.of(List.of("demo", "--json", "redirect-addr", "srv-record-fix"));

    assertThat(run.status()).isZero();
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).extracting(line -> line.get("story").asText()).containsExactly("redirect-addr", "srv-record-fix");
    JsonNode redirectAddr = lines.get(0);
    assertThat(redirectAddr.get("email").asText()).isEqualTo("alice@contoso.test");
    assertThat(redirectAddr.at("/verdict/finalEmail").asText()).isEqualTo("alice@contoso.mail.example.test");
    assertThat(redirectAddr.get("steps")).anySatisfy(step -> assertThat(step.get("children"))
        .anySatisfy(child -> assertThat(child.path("type").asText()).isEqualTo("REDIRECT_ADDR")));
    JsonNode srv = lines.get(1);
    assertThat(srv.at("/verdict/method").asText()).isEqualTo("SRV");
    assertThat(srv.get("cause").asText()).isEqualTo("NAME_MISMATCH at autodiscover.contoso.test");
    assertThat(srv.get("remediation")).singleElement().extracting(JsonNode::asText).asString()
        .contains("publish an SRV record _autodiscover._tcp.contoso.test pointing to mail.contoso.test");
    assertThat(run.out()).doesNotContain("Summary");
  }
}
