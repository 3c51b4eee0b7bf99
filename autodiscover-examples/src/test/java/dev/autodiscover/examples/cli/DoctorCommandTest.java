package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.TestCertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DoctorCommandTest extends LoopbackCommandTest {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";
  private static final String ESCAPE = "\u001B[";

  private CommandRun doctor(String... args) {
    return run("doctor", args);
  }

  private void rootSiteWithACertificateForWwwOnly() {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test")).serveWebSite();
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
  }

  private String addressOf(String host) {
    return network.addressOf(host).getHostAddress();
  }

  @Test
  void reportsEachStepOfAnAttemptFromDnsToTheAnswer() {
    rootSiteWithACertificateForWwwOnly();

    CommandRun run = doctor("alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Autodiscover doctor: alice@contoso.test")
        .contains("|- A_RECORD https://contoso.test/autodiscover/autodiscover.xml: CERTIFICATE_REJECTED (")
        .contains("|  |- DNS contoso.test: " + addressOf("contoso.test") + " (")
        .contains("|  |- TCP " + addressOf("contoso.test") + ":443 connected (")
        .contains("|  |- TLS handshake failed: certificate rejected (")
        .contains("|  |  |- subject CN=www.contoso.test")
        .contains("|  |  |- names www.contoso.test")
        .contains("|  |  |- issuer CN=Autodiscover Testkit Root CA")
        .containsPattern("\\|  \\|  \\|- SHA-256 [0-9a-f]{64}")
        .contains("|  |  `- problems NAME_MISMATCH")
        .contains("`- PREFIXED_HOST https://autodiscover.contoso.test/autodiscover/autodiscover.xml: SUCCESS (")
        .contains("   |- TLS TLSv1.3")
        .contains("certificate accepted")
        .contains("   |  `- problems none for autodiscover.contoso.test")
        .containsPattern("   `- HTTP/[0-9.]+ POST: 200, text/xml; charset=utf-8 \\(\\d+ ms\\)")
        .contains("      `- Autodiscover settings received");
  }

  @Test
  void endsWithTheDiagnosisTheVerdictAndWhatToChange() {
    rootSiteWithACertificateForWwwOnly();

    CommandRun run = doctor("alice@contoso.test");

    String out = run.out();
    assertThat(out).contains("Diagnosis:\n  x NAME_MISMATCH at contoso.test - A_RECORD https://contoso.test/");
    assertThat(out).containsPattern("Verdict: resolved in \\d+ ms\n"
        + "  endpoint  https://autodiscover.contoso.test/autodiscover/autodiscover.xml \\(PREFIXED_HOST\\)\n"
        + "  EWS URL   " + EWS);
    assertThat(out).contains("What to change:\n  - Add contoso.test to the certificate of the web site"
        + " https://contoso.test (it holds www.contoso.test only)");
    assertThat(out.indexOf("Diagnosis:")).isLessThan(out.indexOf("Verdict:"));
    assertThat(out.indexOf("Verdict:")).isLessThan(out.indexOf("What to change:"));
  }

  @Test
  void plainOutputHasNoAnsiEscapesAndOnlyAsciiTreeGlyphs() {
    rootSiteWithACertificateForWwwOnly();

    CommandRun piped = doctor("alice@contoso.test");
    CommandRun noColor = doctor("--no-color", "alice@contoso.test");

    for (CommandRun run : List.of(piped, noColor)) {
      assertThat(run.out()).doesNotContain(ESCAPE).contains("|- ").contains("`- ");
      assertThat(run.out().chars()).noneMatch(c -> c > 0x7e);
    }
  }

  @Test
  void forcedColourPaintsWithAnsiCodesAndDrawsBoxes() {
    rootSiteWithACertificateForWwwOnly();

    CommandRun run = doctor("--color", "alice@contoso.test");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains(ESCAPE + "31mCERTIFICATE_REJECTED" + ESCAPE + "0m")
        .contains(ESCAPE + "32mSUCCESS" + ESCAPE + "0m")
        .contains("├─ ").contains("└─ ").contains("│  ")
        .doesNotContain("|- ");
  }

  @Test
  void placesTheSrvTargetAndItsDecisionUnderTheLookupThatFoundIt() {
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("mail.contoso.test"));
    network.httpsHost("mail.contoso.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    CommandRun run = doctor("--methods", "prefixed-host,srv", "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains(
        "|- SRV _autodiscover._tcp.contoso.test: REDIRECTED (",
        "|  |- SRV lookup: 1 SRV record(s): [mail.contoso.test]\n"
            + "|  `- SRV target https://mail.contoso.test/autodiscover/autodiscover.xml: followed\n"
            + "`- SRV https://mail.contoso.test/autodiscover/autodiscover.xml: SUCCESS (");
    assertThat(run.out()).contains("or publish an SRV record _autodiscover._tcp.contoso.test pointing to mail.contoso.test.");
  }

  @Test
  void saysWhichRedirectWasRefusedAndWhichOptionWouldFollowIt() {
    network.httpsHost("mail.fabrikam.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.fabrikam.test");

    CommandRun run = doctor("--methods", "srv", "alice@contoso.test");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("|  `- SRV target https://mail.fabrikam.test/autodiscover/autodiscover.xml: not followed")
        .contains("`- SRV https://mail.fabrikam.test/autodiscover/autodiscover.xml: REDIRECT_DENIED")
        .contains("x REDIRECT_DENIED at mail.fabrikam.test")
        .contains("Verdict: not resolved (NO_ENDPOINT)")
        .contains("With this command:\n  - --redirects allow follows");
  }

  @Test
  void saysWhenAConnectionWasReusedForTheAnswerToA401() throws Exception {
    String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes());
    network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", expected, PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    Path password = scratch.resolve("password");
    Files.writeString(password, "s3cret\n");

    CommandRun run = doctor("--methods", "prefixed-host", "--user", "alice", "--password-file", password.toString(),
        "alice@contoso.test");

    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out())
        .containsPattern("   \\|- HTTP/[0-9.]+ POST: 401, text/html; charset=utf-8")
        .contains("   |- connection reused: " + addressOf("autodiscover.contoso.test") + ":443, TLSv1.3"
            + " (opened by an earlier step; no DNS, TCP or TLS this time)")
        .containsPattern("   `- HTTP/[0-9.]+ POST: 200, text/xml")
        .doesNotContain("s3cret");
  }

  @Test
  void namesTheAnswerToA401AndTheOptionsThatGiveCredentials() {
    network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", "Basic never", PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = doctor("--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("   `- HTTP/[0-9.]+ POST: 401, text/html; charset=utf-8 \\(\\d+ ms\\)\n"
            + "      `- the server asks for credentials \\(Basic\\); none were supplied")
        .contains("x UNAUTHORIZED at autodiscover.contoso.test")
        .contains("With this command:\n  - --user NAME with --password-env VAR or --password-file FILE");
  }

  @Test
  void diagnosesACertificateTheUserAcceptedOnTheConnectionThatUsedIt() {
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issueExpired("autodiscover.contoso.test"))
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = doctor("--methods", "prefixed-host", "--untrusted", "accept", "alice@contoso.test");

    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("|- PREFIXED_HOST https://autodiscover.contoso.test/autodiscover/autodiscover.xml: CERTIFICATE_REJECTED")
        .contains("trusted once by the host application, retrying")
        .contains("certificate accepted although EXPIRED (trusted by the certificate handler or a pin)")
        .contains("`- problems EXPIRED")
        .contains("- Renew the certificate of autodiscover.contoso.test");
  }

  @Test
  void showsTheSelfSignedCertificateOfARedirectTargetTheUserAccepted() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(
        PoxResponses.redirectUrl("https://ex2019.contoso.test/autodiscover/autodiscover.xml"));
    network.httpsHost("ex2019.contoso.test", TestCertificateAuthority.selfSigned("ex2019.contoso.test"))
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = doctor("--methods", "prefixed-host", "--untrusted", "accept", "alice@contoso.test");

    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("|  `- redirect to https://ex2019.contoso.test/autodiscover/autodiscover.xml: followed")
        .contains("certificate accepted although SELF_SIGNED (trusted by the certificate handler or a pin)")
        .contains("   |  |- issuer CN=ex2019.contoso.test")
        .contains("   |  `- problems SELF_SIGNED")
        .contains("- Install a certificate from a trusted certificate authority on ex2019.contoso.test");
  }

  @Test
  void exitsOneAndSaysNothingIsPublishedWhenDnsKnowsNoName() {
    CommandRun run = doctor("bob@fabrikam.test");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("|  `- DNS fabrikam.test: no such domain (NXDOMAIN)")
        .contains("`- SRV _autodiscover._tcp.fabrikam.test: DNS_FAILED")
        .contains("x nothing published for fabrikam.test - DNS knows none of the names tried for fabrikam.test:"
            + " fabrikam.test, autodiscover.fabrikam.test, _autodiscover._tcp.fabrikam.test")
        .contains("Verdict: not resolved (NO_ENDPOINT)")
        .contains("What to change: no advice from the library");
  }

  @Test
  void namesTheFailedConnectionAsTheCauseWhenNothingAnswered() {
    CommandRun run = doctor("--methods", "scp", "--scp-ldap", "ldap://127.0.0.1:1", "alice@contoso.test");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("`- SCP ldap://127.0.0.1:1: CONNECT_FAILED")
        .contains("   `- LDAP search: cannot connect to ldap://127.0.0.1:1")
        .contains("Diagnosis:\n  x CONNECT_FAILED at 127.0.0.1 - SCP ldap://127.0.0.1:1: cannot connect");
  }

  @Test
  void printsTheSameTreeAsOneJsonObject() {
    rootSiteWithACertificateForWwwOnly();

    CommandRun run = doctor("--json", "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(1);
    JsonNode json = lines.get(0);
    assertThat(json.get("email").asText()).isEqualTo("alice@contoso.test");
    assertThat(json.at("/verdict/resolved").asBoolean()).isTrue();
    assertThat(json.at("/verdict/endpoint").asText()).isEqualTo("https://autodiscover.contoso.test/autodiscover/autodiscover.xml");
    assertThat(json.at("/verdict/method").asText()).isEqualTo("PREFIXED_HOST");
    assertThat(json.at("/verdict/ewsUrl").asText()).isEqualTo(EWS);
    assertThat(json.at("/verdict/error").isNull()).isTrue();
    assertThat(json.get("cause").asText()).isEqualTo("NAME_MISMATCH at contoso.test");
    assertThat(json.at("/diagnosis/0/severity").asText()).isEqualTo("PROBLEM");

    JsonNode steps = json.get("steps");
    assertThat(steps).extracting(step -> step.get("method").asText()).containsExactly("SCP", "A_RECORD", "PREFIXED_HOST");
    JsonNode rejected = steps.get(1);
    assertThat(rejected.get("kind").asText()).isEqualTo("attempt");
    assertThat(rejected.get("outcome").asText()).isEqualTo("CERTIFICATE_REJECTED");
    assertThat(rejected.get("status").asText()).isEqualTo("failed");
    assertThat(rejected.get("elapsedMs").isIntegralNumber()).isTrue();
    assertThat(rejected.get("children")).extracting(child -> child.get("kind").asText())
        .containsExactly("dns", "connect", "tls", "result");
    JsonNode dns = rejected.at("/children/0");
    assertThat(dns.get("host").asText()).isEqualTo("contoso.test");
    assertThat(dns.get("addresses")).extracting(JsonNode::asText).containsExactly(addressOf("contoso.test"));
    assertThat(rejected.at("/children/1/address").asText()).isEqualTo(addressOf("contoso.test") + ":443");
    JsonNode tls = rejected.at("/children/2");
    assertThat(tls.get("accepted").asBoolean()).isFalse();
    assertThat(tls.at("/certificate/problems")).extracting(JsonNode::asText).containsExactly("NAME_MISMATCH");
    assertThat(tls.at("/certificate/subject").asText()).isEqualTo("CN=www.contoso.test");
    assertThat(tls.at("/certificate/dnsNames")).extracting(JsonNode::asText).containsExactly("www.contoso.test");
    assertThat(tls.at("/certificate/sha256").asText()).matches("[0-9a-f]{64}");
    assertThat(tls.get("children")).extracting(line -> line.get("name").asText())
        .containsExactly("subject", "names", "issuer", "valid", "SHA-256", "problems");

    JsonNode found = steps.get(2);
    assertThat(found.get("outcome").asText()).isEqualTo("SUCCESS");
    assertThat(found.get("children")).extracting(child -> child.get("kind").asText())
        .containsExactly("dns", "connect", "tls", "http");
    assertThat(found.at("/children/2/accepted").asBoolean()).isTrue();
    assertThat(found.at("/children/2/protocol").asText()).startsWith("TLSv1.");
    assertThat(found.at("/children/2/certificate/problems")).isEmpty();
    JsonNode http = found.at("/children/3");
    assertThat(http.get("method").asText()).isEqualTo("POST");
    assertThat(http.get("httpStatus").asInt()).isEqualTo(200);
    assertThat(http.get("contentType").asText()).isEqualTo("text/xml; charset=utf-8");
    assertThat(http.at("/children/0/kind").asText()).isEqualTo("answer");
    assertThat(http.at("/children/0/text").asText()).isEqualTo("Autodiscover settings received");

    assertThat(json.get("remediation")).singleElement().extracting(JsonNode::asText).asString()
        .startsWith("Add contoso.test to the certificate of the web site https://contoso.test");
    assertThat(json.get("hints")).isEmpty();
    assertThat(StreamSupport.stream(steps.spliterator(), false)).allSatisfy(step -> assertThat(step.has("children")).isTrue());
  }

  @Test
  void printsRedirectsAsNodesOfTheAttemptTheyCameFromInJson() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectAddr("alice@contoso.mail.example.test"));
    network.httpsHost("autodiscover.contoso.mail.example.test")
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.mail.example.test", EWS));

    CommandRun run = doctor("--json", "--methods", "prefixed-host", "alice@contoso.test");

    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/verdict/finalEmail").asText()).isEqualTo("alice@contoso.mail.example.test");
    JsonNode steps = json.get("steps");
    assertThat(steps).extracting(step -> step.get("kind").asText()).containsExactly("attempt", "address", "attempt");
    JsonNode redirect = steps.at("/0/children/4");
    assertThat(redirect.get("kind").asText()).isEqualTo("redirect");
    assertThat(redirect.get("type").asText()).isEqualTo("REDIRECT_ADDR");
    assertThat(redirect.get("from").asText()).isEqualTo("alice@contoso.test");
    assertThat(redirect.get("to").asText()).isEqualTo("alice@contoso.mail.example.test");
    assertThat(redirect.get("allowed").asBoolean()).isTrue();
    assertThat(redirect.get("decision").asText()).isEqualTo("followed");
    assertThat(steps.at("/1/email").asText()).isEqualTo("alice@contoso.mail.example.test");
  }
}
