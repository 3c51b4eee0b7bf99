package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.PoxResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolveCommandTest extends LoopbackCommandTest {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";

  private CommandRun resolve(String... args) {
    return run("resolve", args);
  }

  @Test
  void printsTheContractJsonForARootCertificateThatFallsBackToTheAutodiscoverHost() {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test")).serveWebSite();
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.settings()
        .displayName("Alice").emailAddress("alice@contoso.test")
        .protocol("EXCH").server("mail.contoso.test").ewsUrl(EWS).asUrl(EWS)
        .oabUrl("https://mail.contoso.test/OAB/").build());

    CommandRun run = resolve("--json", "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(1);
    JsonNode json = lines.get(0);
    assertThat(json.get("email").asText()).isEqualTo("alice@contoso.test");
    assertThat(json.get("resolved").asBoolean()).isTrue();
    assertThat(json.get("finalEmail").asText()).isEqualTo("alice@contoso.test");
    assertThat(json.at("/endpoint/url").asText())
        .isEqualTo("https://autodiscover.contoso.test/autodiscover/autodiscover.xml");
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
    assertThat(json.at("/settings/displayName").asText()).isEqualTo("Alice");
    assertThat(json.at("/settings/ewsUrl").asText()).isEqualTo(EWS);
    JsonNode protocol = json.at("/settings/protocols/0");
    assertThat(protocol.get("type").asText()).isEqualTo("EXCH");
    assertThat(protocol.get("server").asText()).isEqualTo("mail.contoso.test");
    assertThat(protocol.get("ewsUrl").asText()).isEqualTo(EWS);
    assertThat(protocol.get("asUrl").asText()).isEqualTo(EWS);
    assertThat(protocol.get("oabUrl").asText()).isEqualTo("https://mail.contoso.test/OAB/");

    JsonNode skipped = json.at("/attempts/0");
    assertThat(skipped.get("method").asText()).isEqualTo("SCP");
    assertThat(skipped.get("outcome").asText()).isEqualTo("SKIPPED");
    assertThat(skipped.get("detail").asText()).contains("--scp-ldap or --ad-domain");

    JsonNode rejected = json.at("/attempts/1");
    assertThat(rejected.get("method").asText()).isEqualTo("A_RECORD");
    assertThat(rejected.get("url").asText()).isEqualTo("https://contoso.test/autodiscover/autodiscover.xml");
    assertThat(rejected.get("outcome").asText()).isEqualTo("CERTIFICATE_REJECTED");
    assertThat(rejected.get("httpStatus").isNull()).isTrue();
    assertThat(rejected.get("elapsedMs").isIntegralNumber()).isTrue();
    assertThat(rejected.get("detail").asText()).contains("www.contoso.test");
    JsonNode certificate = rejected.get("certificate");
    assertThat(certificate.get("problems")).extracting(JsonNode::asText).containsExactly("NAME_MISMATCH");
    assertThat(certificate.get("subject").asText()).isEqualTo("CN=www.contoso.test");
    assertThat(certificate.get("dnsNames")).extracting(JsonNode::asText).containsExactly("www.contoso.test");
    assertThat(certificate.get("notBefore").asText()).isNotBlank();
    assertThat(certificate.get("notAfter").asText()).isNotBlank();
    assertThat(certificate.get("sha256").asText()).matches("[0-9a-f]{64}");

    JsonNode success = json.at("/attempts/2");
    assertThat(success.get("outcome").asText()).isEqualTo("SUCCESS");
    assertThat(success.get("httpStatus").asInt()).isEqualTo(200);
    assertThat(success.get("certificate").isNull()).isTrue();
    assertThat(json.get("redirects")).isEmpty();
    assertThat(json.get("error").isNull()).isTrue();
    assertThat(json.get("remediation")).singleElement().extracting(JsonNode::asText).asString()
        .contains("contoso.test").contains("www.contoso.test");
  }

  @Test
  void aSilentRootDomainIsAbandonedWhenStaggeredAndTimesOutWhenSequential() {
    network.silentHost("contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(
        PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun staggered = resolve("--json", "--methods", "a-record,prefixed-host", "alice@contoso.test");
    List<String> sequentialArguments = arguments("resolve", "--json", "--probing", "sequential",
        "--methods", "a-record,prefixed-host", "alice@contoso.test");
    sequentialArguments.set(sequentialArguments.indexOf("--timeout") + 1, "1");
    CommandRun sequential = CommandRun.of(sequentialArguments);

    assertThat(staggered.status()).as(staggered.err()).isZero();
    assertThat(staggered.jsonLines().get(0).at("/attempts/0/outcome").asText()).isEqualTo("ABANDONED");
    assertThat(staggered.jsonLines().get(0).at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
    assertThat(sequential.status()).as(sequential.err()).isEqualTo(1);
    assertThat(sequential.jsonLines().get(0).at("/attempts/0/outcome").asText()).isEqualTo("TIMEOUT");
    assertThat(sequential.jsonLines().get(0).at("/error/code").asText()).isEqualTo("TIMEOUT");
  }

  @Test
  void printsSrvRedirectsAndExitsZeroWhenEveryAddressResolves() {
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("legacy.contoso.test"));
    network.httpsHost("mail.contoso.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    CommandRun run = resolve("--json", "--methods", "prefixed-host,srv", "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("SRV");
    JsonNode redirect = json.at("/redirects/0");
    assertThat(redirect.get("type").asText()).isEqualTo("SRV");
    assertThat(redirect.get("from").asText()).isEqualTo("_autodiscover._tcp.contoso.test");
    assertThat(redirect.get("to").asText()).isEqualTo("https://mail.contoso.test/autodiscover/autodiscover.xml");
    assertThat(redirect.get("allowed").asBoolean()).isTrue();
  }

  @Test
  void exitsOneWithAnErrorCodeWhenAnAddressDoesNotResolve() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = resolve("--json", "alice@contoso.test", "bob@fabrikam.test");

    assertThat(run.status()).isEqualTo(1);
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).extracting(line -> line.get("email").asText())
        .containsExactly("alice@contoso.test", "bob@fabrikam.test");
    assertThat(lines.get(1).get("resolved").asBoolean()).isFalse();
    assertThat(lines.get(1).get("endpoint").isNull()).isTrue();
    assertThat(lines.get(1).at("/error/code").asText()).isEqualTo("NO_ENDPOINT");
    assertThat(lines.get(1).get("attempts")).extracting(a -> a.get("outcome").asText())
        .containsExactly("SKIPPED", "DNS_FAILED", "DNS_FAILED", "DNS_FAILED", "DNS_FAILED");
  }

  @Test
  void refusesRedirectsToOtherDomainsUnlessTold() {
    network.httpsHost("mail.fabrikam.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.fabrikam.test");

    CommandRun refused = resolve("--json", "--methods", "srv", "alice@contoso.test");
    CommandRun allowed = resolve("--json", "--methods", "srv", "--redirects", "allow", "alice@contoso.test");

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.jsonLines().get(0).at("/redirects/0/allowed").asBoolean()).isFalse();
    assertThat(refused.jsonLines().get(0).at("/attempts/1/outcome").asText()).isEqualTo("REDIRECT_DENIED");
    assertThat(allowed.status()).isZero();
  }

  @Test
  void acceptsAnUntrustedCertificateOnlyWhenTold() {
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issueExpired("autodiscover.contoso.test"))
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun skipped = resolve("--json", "--methods", "prefixed-host", "alice@contoso.test");
    CommandRun aborted = resolve("--json", "--methods", "prefixed-host", "--untrusted", "abort", "alice@contoso.test");
    CommandRun accepted = resolve("--json", "--methods", "prefixed-host", "--untrusted", "accept", "alice@contoso.test");

    assertThat(skipped.jsonLines().get(0).at("/error/code").asText()).isEqualTo("NO_ENDPOINT");
    assertThat(aborted.jsonLines().get(0).at("/error/code").asText()).isEqualTo("ABORTED");
    assertThat(accepted.status()).isZero();
    assertThat(accepted.jsonLines().get(0).get("attempts")).extracting(a -> a.get("outcome").asText())
        .containsExactly("CERTIFICATE_REJECTED", "SUCCESS");
  }

  @Test
  void answersA401WithTheUserAndThePasswordFromTheEnvironmentFile() throws Exception {
    String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes());
    network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", expected, PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    Path password = scratch.resolve("password");
    Files.writeString(password, "s3cret\n");

    CommandRun without = resolve("--json", "--methods", "prefixed-host", "alice@contoso.test");
    CommandRun with = resolve("--json", "--methods", "prefixed-host", "--user", "alice",
        "--password-file", password.toString(), "alice@contoso.test");

    assertThat(without.jsonLines().get(0).at("/attempts/0/outcome").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(without.jsonLines().get(0).at("/attempts/0/httpStatus").asInt()).isEqualTo(401);
    assertThat(with.status()).as(with.err()).isZero();
    assertThat(with.out()).doesNotContain("s3cret");
  }

  @Test
  void readsAddressesFromAnInputFileSkippingCommentsAndReportingBadLines() throws Exception {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    Path input = scratch.resolve("mailboxes.txt");
    Files.writeString(input, "# mailboxes\n\nalice@contoso.test\nnot-an-address\n");

    CommandRun run = resolve("--json", "--input", input.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 4").contains("not-an-address");
    assertThat(run.jsonLines()).extracting(line -> line.at("/error/code").asText(""))
        .containsExactly("", "INVALID_EMAIL");
  }

  @Test
  void printsAReadableStoryWithoutJson() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = resolve("alice@contoso.test");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("found https://autodiscover.contoso.test/autodiscover/autodiscover.xml (PREFIXED_HOST)")
        .contains("A_RECORD https://contoso.test/autodiscover/autodiscover.xml: DNS_FAILED");
  }
}
