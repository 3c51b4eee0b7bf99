package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.SignedZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --dnssec-anchors FILE}: with it, only DNS answers that DNSSEC validates from FILE's anchors are used. */
class DnssecOptionTest extends LoopbackCommandTest {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";

  /** Writes {@code text} to a file in the test's scratch directory and returns its path as an argument. */
  private String file(String name, String text) {
    try {
      return Files.writeString(scratch.resolve(name), text).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void autodiscoverHost() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
  }

  @Test
  void resolvesThroughASignedZoneWithItsAnchor() {
    autodiscoverHost();
    SignedZone zone = network.dns().signZone("contoso.test");

    CommandRun run = run("resolve", "--json", "--dnssec-anchors", file("contoso.key", zone.ds() + "\n"),
        "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
    assertThat(json.at("/attempts/1/detail").asText()).isEqualTo("DNS: contoso.test: no A or AAAA record");
  }

  @Test
  void refusesAnUnsignedZoneAndSaysNoAnchorCoversIt() {
    autodiscoverHost();
    SignedZone fabrikam = network.dns().signZone("fabrikam.test");

    CommandRun run = run("resolve", "--json", "--methods", "prefixed-host",
        "--dnssec-anchors", file("fabrikam.key", fabrikam.ds()), "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isEqualTo(1);
    JsonNode attempt = run.jsonLines().get(0).at("/attempts/0");
    assertThat(attempt.get("outcome").asText()).isEqualTo("DNS_FAILED");
    assertThat(attempt.get("detail").asText()).isEqualTo("DNS: the answer for autodiscover.contoso.test A is not"
        + " DNSSEC-validated: no trust anchor covers autodiscover.contoso.test (there are anchors for [fabrikam.test] only)");
  }

  @Test
  void refusesARecordChangedAfterSigningWhichResolvesWithoutTheOption() {
    autodiscoverHost();
    SignedZone zone = network.dns().signZone("contoso.test");
    network.dns().addA("autodiscover.contoso.test", "127.0.9.9");
    String anchors = file("contoso.key", zone.dnskey());

    CommandRun refused = run("resolve", "--json", "--methods", "prefixed-host", "--dnssec-anchors", anchors,
        "alice@contoso.test");
    CommandRun believed = run("resolve", "--json", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(refused.status()).as(refused.err()).isEqualTo(1);
    assertThat(refused.jsonLines().get(0).at("/attempts/0/detail").asText())
        .startsWith("DNS: the answer for autodiscover.contoso.test A is not DNSSEC-validated: it is bogus (");
    assertThat(believed.status()).as(believed.err()).isZero();
  }

  @Test
  void doctorReportsTheRefusedAnswersRatherThanNothingPublished() {
    autodiscoverHost();
    SignedZone fabrikam = network.dns().signZone("fabrikam.test");

    CommandRun run = run("doctor", "--methods", "prefixed-host,srv",
        "--dnssec-anchors", file("fabrikam.key", fabrikam.ds()), "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("x DNS_FAILED at autodiscover.contoso.test - PREFIXED_HOST https://autodiscover.contoso.test/"
            + "autodiscover/autodiscover.xml: DNS: the answer for autodiscover.contoso.test A is not DNSSEC-validated")
        .contains("x DNS_FAILED at _autodiscover._tcp.contoso.test")
        .doesNotContain("nothing published");
  }

  @Test
  void anAnchorFileOfOtherRecordsIsBadInputNamingTheFileAndTheLine() {
    String anchors = file("wrong.key", "; not a key\ncontoso.test. IN A 192.0.2.1\n");

    CommandRun run = run("resolve", "--dnssec-anchors", anchors, "alice@contoso.test");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().strip()).endsWith(
        "--dnssec-anchors: " + anchors + ": line 2: a record of type A; trust anchors are DS or DNSKEY records");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingAnchorFileIsBadInput() {
    Path missing = scratch.resolve("missing.key");

    CommandRun run = run("doctor", "--dnssec-anchors", missing.toString(), "alice@contoso.test");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--dnssec-anchors: no such file: " + missing);
    assertThat(run.out()).isEmpty();
  }
}
