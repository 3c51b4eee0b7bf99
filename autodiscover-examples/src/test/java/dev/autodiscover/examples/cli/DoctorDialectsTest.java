package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.SoapResponses;
import org.junit.jupiter.api.Test;

/** {@code doctor --protocol}: each attempt line names a dialect other than POX, and the JSON report names every one. */
class DoctorDialectsTest extends LoopbackCommandTest {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";
  private static final String SVC = "https://autodiscover.contoso.test/autodiscover/autodiscover.svc";

  private CommandRun doctor(String... args) {
    return run("doctor", args);
  }

  private void soapInvalidUser() {
    network.httpsHost("autodiscover.contoso.test").respondWithSoap(SoapResponses.userError("InvalidUser",
        "Invalid user: 'alice@contoso.test'"));
  }

  @Test
  void soapAttemptLineSaysSoapAndShowsTheServersError() {
    soapInvalidUser();

    CommandRun run = doctor("--protocol", "soap", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("`- PREFIXED_HOST " + SVC + " [SOAP]: AUTODISCOVER_ERROR (")
        .containsPattern("   `- HTTP/[0-9.]+ POST: 200, text/xml; charset=utf-8 \\(\\d+ ms\\)\n"
            + "      `- Autodiscover error InvalidUser: Invalid user: 'alice@contoso.test'")
        .contains("Verdict: not resolved (NO_ENDPOINT)");
  }

  @Test
  void soapErrorCodeAndDialectAreFieldsOfTheAttemptInJson() {
    soapInvalidUser();

    CommandRun run = doctor("--json", "--protocol", "soap", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
    JsonNode attempt = run.jsonLines().get(0).at("/steps/0");
    assertThat(attempt.get("kind").asText()).isEqualTo("attempt");
    assertThat(attempt.get("target").asText()).isEqualTo(SVC);
    assertThat(attempt.get("text").asText()).isEqualTo("PREFIXED_HOST " + SVC + " [SOAP]");
    assertThat(attempt.get("outcome").asText()).isEqualTo("AUTODISCOVER_ERROR");
    assertThat(attempt.get("dialect").asText()).isEqualTo("SOAP");
    assertThat(attempt.get("errorCode").asText()).isEqualTo("InvalidUser");
  }

  @Test
  void jsonAttemptLineSaysJsonAndShowsTheGet() {
    network.httpsHost("autodiscover.contoso.test").respondWithJson("Ews", JsonResponses.answer("Ews", EWS));

    CommandRun run = doctor("--protocol", "json", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("`- PREFIXED_HOST https://autodiscover.contoso.test/autodiscover/autodiscover.json/v1.0/"
            + "alice@contoso.test?Protocol=Ews [JSON]: SUCCESS (")
        .containsPattern("   `- HTTP/[0-9.]+ GET: 200, application/json; charset=utf-8")
        .contains("  EWS URL   " + EWS);
  }

  @Test
  void poxAttemptLinesCarryNoDialectMarkButTheJsonNamesIt() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(
        PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun text = doctor("alice@contoso.test");
    CommandRun json = doctor("--json", "alice@contoso.test");

    assertThat(text.status()).as(text.out() + text.err()).isZero();
    assertThat(text.out())
        .contains("`- PREFIXED_HOST https://autodiscover.contoso.test/autodiscover/autodiscover.xml: SUCCESS (")
        .doesNotContain("[POX]");
    JsonNode steps = json.jsonLines().get(0).get("steps");
    assertThat(steps).extracting(step -> step.get("method").asText())
        .containsExactly("SCP", "A_RECORD", "PREFIXED_HOST");
    assertThat(steps.get(0).get("dialect").isNull()).as("a skipped step spoke no dialect").isTrue();
    assertThat(steps.get(2).get("dialect").asText()).isEqualTo("POX");
    assertThat(steps.get(2).get("errorCode").isNull()).isTrue();
  }
}
