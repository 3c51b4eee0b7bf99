package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.FixtureDirectory;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedLdapRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCP step (Active Directory serviceConnectionPoint lookup) as the command line runs and shows it. */
class ScpCommandTest extends LoopbackCommandTest {
  private static final String EWS = "https://mail.corp.test/EWS/Exchange.asmx";
  private static final String BERLIN = "https://ex-berlin.corp.test/autodiscover/autodiscover.xml";
  private static final String HQ = "https://ex-hq.corp.test/autodiscover/autodiscover.xml";
  private static final String OSLO = "https://ex-oslo.corp.test/autodiscover/autodiscover.xml";
  private static final String SEARCH_BASE = "CN=Configuration,DC=corp,DC=test";

  private FixtureDirectory directory;

  @BeforeEach
  void startDirectory() {
    directory = FixtureDirectory.forDomain("corp.test").start();
  }

  @AfterEach
  void stopDirectory() {
    directory.close();
  }

  private CommandRun resolve(String... args) {
    return run("resolve", args);
  }

  /**
   * Three URL SCPs: Oslo's (the oldest), one without a site, Berlin's (the newest). From Berlin the
   * order is Berlin, no site, Oslo; only Oslo's server answers with settings.
   */
  private void publishThreeSitesWhereOnlyOsloAnswers() {
    directory.addServiceUrl("EX-OSLO", OSLO, Instant.parse("2015-04-01T08:00:00Z"), "Site=Oslo");
    directory.addServiceUrl("EX-HQ", HQ, Instant.parse("2017-06-01T08:00:00Z"));
    directory.addServiceUrl("EX-BERLIN", BERLIN, Instant.parse("2021-09-01T08:00:00Z"), "Site=Berlin");
    network.unreachableHost("ex-berlin.corp.test");
    network.httpsHost("ex-hq.corp.test").respond(503, "busy", "text/plain");
    network.httpsHost("ex-oslo.corp.test").respondWithPox(PoxResponses.settings("Alice", "alice@corp.test", EWS));
  }

  @Test
  void triesTheScpUrlsOfTheClientsSiteFirstThenThoseWithoutSiteThenOtherSites() {
    publishThreeSitesWhereOnlyOsloAnswers();

    CommandRun run = resolve("--json", "alice@corp.test", "--scp-ldap", directory.url().toString(), "--site", "Berlin");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("SCP");
    assertThat(json.at("/endpoint/url").asText()).isEqualTo(OSLO);
    assertThat(json.at("/settings/ewsUrl").asText()).isEqualTo(EWS);
    assertThat(json.get("attempts")).extracting(a -> a.get("method").asText())
        .containsExactly("SCP", "SCP", "SCP", "SCP");
    assertThat(json.get("attempts")).extracting(a -> a.get("url").asText())
        .containsExactly(directory.url().toString(), BERLIN, HQ, OSLO);
    assertThat(json.get("attempts")).extracting(a -> a.get("outcome").asText())
        .containsExactly("REDIRECTED", "CONNECT_FAILED", "HTTP_ERROR", "SUCCESS");
    assertThat(json.at("/attempts/0/detail").asText())
        .startsWith("3 serviceConnectionPoints under " + SEARCH_BASE + ": ")
        .containsSubsequence(
            "1. EX-BERLIN URL " + BERLIN + " [Site=Berlin, this site, created 2021-09-01T08:00:00Z]",
            "2. EX-HQ URL " + HQ + " [no site, created 2017-06-01T08:00:00Z]",
            "3. EX-OSLO URL " + OSLO + " [Site=Oslo, another site, created 2015-04-01T08:00:00Z]");
    assertThat(json.get("error").isNull()).isTrue();
  }

  @Test
  void withoutJsonPrintsTheDirectorySearchAndEveryScpUrlTried() {
    publishThreeSitesWhereOnlyOsloAnswers();

    CommandRun run = resolve("alice@corp.test", "--scp-ldap", directory.url().toString(), "--site", "Berlin");

    assertThat(run.status()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Autodiscover for alice@corp.test found " + OSLO + " (SCP)");
    assertThat(lines.get(1)).startsWith("  SCP " + directory.url() + ": REDIRECTED - 3 serviceConnectionPoints under "
        + SEARCH_BASE + ": 1. EX-BERLIN URL " + BERLIN);
    assertThat(lines.get(2)).startsWith("  SCP " + BERLIN + ": CONNECT_FAILED");
    assertThat(lines.get(3)).startsWith("  SCP " + HQ + ": HTTP_ERROR (HTTP 503)");
    assertThat(lines.get(4)).startsWith("  SCP " + OSLO + ": SUCCESS (HTTP 200)");
    assertThat(lines).hasSize(5);
  }

  @Test
  void anScpUrlOnASingleLabelHostFallsBackToTheAutodiscoverHostAndSaysHowToFixTheScp() {
    String internal = "https://casserver/autodiscover/autodiscover.xml";
    directory.addServiceUrl("CASSERVER", internal, Instant.parse("2019-03-12T10:15:22Z"));
    network.httpsHost("casserver", network.certificateAuthority().issue("mail.corp.test"))
        .respondWithPox(PoxResponses.settings("Alice", "alice@corp.test", EWS));
    network.httpsHost("autodiscover.corp.test").respondWithPox(PoxResponses.settings("Alice", "alice@corp.test", EWS));

    CommandRun run = resolve("--json", "alice@corp.test", "--scp-ldap", directory.url().toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
    assertThat(json.at("/endpoint/url").asText()).isEqualTo("https://autodiscover.corp.test/autodiscover/autodiscover.xml");
    JsonNode rejected = json.at("/attempts/1");
    assertThat(rejected.get("method").asText()).isEqualTo("SCP");
    assertThat(rejected.get("url").asText()).isEqualTo(internal);
    assertThat(rejected.get("outcome").asText()).isEqualTo("CERTIFICATE_REJECTED");
    assertThat(rejected.at("/certificate/problems")).extracting(JsonNode::asText).containsExactly("NAME_MISMATCH");
    assertThat(rejected.at("/certificate/dnsNames")).extracting(JsonNode::asText).containsExactly("mail.corp.test");
    assertThat(json.get("attempts")).extracting(a -> a.get("method").asText() + " " + a.get("outcome").asText())
        .containsExactly("SCP REDIRECTED", "SCP CERTIFICATE_REJECTED", "A_RECORD DNS_FAILED", "PREFIXED_HOST SUCCESS");
    assertThat(json.get("remediation")).extracting(JsonNode::asText).singleElement().asString()
        .contains("Set-ClientAccessServer -Identity CASSERVER"
            + " -AutoDiscoverServiceInternalUri https://mail.corp.test/autodiscover/autodiscover.xml");
  }

  @Test
  void findsTheDomainControllerOfAnAdDomainThroughItsSrvRecordAfterTheSitesOwn() {
    directory.addServiceUrl("EX-OSLO", OSLO, Instant.parse("2015-04-01T08:00:00Z"), "Site=Oslo");
    network.httpsHost("ex-oslo.corp.test").respondWithPox(PoxResponses.settings("Alice", "alice@corp.test", EWS));
    network.dns().addSrv("_ldap._tcp.dc._msdcs.corp.test", 0, 100, 389, "dc1.corp.test");
    network.route("dc1.corp.test", 389, directory.port());
    String dc = network.addressOf("dc1.corp.test").getHostAddress();

    CommandRun run = resolve("--json", "alice@corp.test", "--ad-domain", "corp.test", "--site", "Berlin",
        "--route", dc + ":389=127.0.0.1:" + directory.port());

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("SCP");
    assertThat(json.at("/endpoint/url").asText()).isEqualTo(OSLO);
    assertThat(json.get("attempts")).extracting(a -> a.get("method").asText())
        .containsExactly("SCP", "SCP", "SCP", "SCP");
    assertThat(json.get("attempts")).extracting(a -> a.get("url").asText()).containsExactly(
        "_ldap._tcp.Berlin._sites.dc._msdcs.corp.test",
        "_ldap._tcp.dc._msdcs.corp.test",
        "ldap://dc1.corp.test:389",
        OSLO);
    assertThat(json.get("attempts")).extracting(a -> a.get("outcome").asText())
        .containsExactly("DNS_FAILED", "REDIRECTED", "REDIRECTED", "SUCCESS");
    assertThat(json.at("/attempts/1/detail").asText()).isEqualTo("1 domain controller(s): [dc1.corp.test:389]");
    assertThat(json.at("/attempts/2/detail").asText())
        .startsWith("1 serviceConnectionPoint under " + SEARCH_BASE + ": 1. EX-OSLO URL " + OSLO);
    assertThat(directory.requests()).extracting(ReceivedLdapRequest::dn)
        .contains(directory.configurationNamingContext());
  }

  @Test
  void anAnonymousSearchOfADirectoryThatRequiresABindIsUnauthorizedAndTheResolutionGoesOn() {
    network.httpsHost("autodiscover.corp.test").respondWithPox(PoxResponses.settings("Alice", "alice@corp.test", EWS));
    try (FixtureDirectory guarded = FixtureDirectory.forDomain("corp.test").requireBind().start()) {
      guarded.addServiceUrl("EX-OSLO", OSLO, Instant.parse("2015-04-01T08:00:00Z"));

      CommandRun run = resolve("--json", "alice@corp.test", "--scp-ldap", guarded.url().toString());

      assertThat(run.status()).as(run.err()).isZero();
      JsonNode json = run.jsonLines().get(0);
      assertThat(json.at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
      JsonNode refused = json.at("/attempts/0");
      assertThat(refused.get("method").asText()).isEqualTo("SCP");
      assertThat(refused.get("url").asText()).isEqualTo(guarded.url().toString());
      assertThat(refused.get("outcome").asText()).isEqualTo("UNAUTHORIZED");
      assertThat(refused.get("detail").asText()).contains("anonymous").contains("000004DC");
      assertThat(json.get("attempts")).extracting(a -> a.get("method").asText())
          .containsExactly("SCP", "A_RECORD", "PREFIXED_HOST");
    }
  }

  @Test
  void withoutADirectoryThePlainStorySaysTheScpStepWasSkippedAndWhatTurnsItOn() {
    network.httpsHost("autodiscover.corp.test").respondWithPox(PoxResponses.settings("Alice", "alice@corp.test", EWS));

    CommandRun run = resolve("alice@corp.test");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().lines().toList().get(1))
        .isEqualTo("  SCP: SKIPPED - no Active Directory configured (ActiveDirectory on the resolver;"
            + " --scp-ldap or --ad-domain on the command line)");
  }
}
