package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The office365 method and {@code --office365}: when {@code resolve} asks outlook.office365.com (a
 * fixture host of that name, reached through the stub DNS server) and when it never does.
 */
class ResolveOffice365Test extends LoopbackCommandTest {
  private static final String EWS = "https://outlook.office365.com/EWS/Exchange.asmx";
  private static final String O365_URL = "https://outlook.office365.com/autodiscover/autodiscover.xml";

  private CommandRun resolve(String... args) {
    return run("resolve", args);
  }

  private FixtureHost office365() {
    return network.httpsHost("outlook.office365.com")
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
  }

  /** autodiscover.contoso.test is a CNAME to Microsoft's service, whose certificate does not name it. */
  private void contosoHostedInMicrosoft365() {
    network.httpsHost("autodiscover.outlook.com")
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    network.dns().addCname("autodiscover.contoso.test", "autodiscover.outlook.com");
  }

  private static List<String> methods(JsonNode json) {
    return json.get("attempts").findValuesAsText("method");
  }

  @Test
  void office365OptionAsksOutlookFirstAfterScp() {
    FixtureHost office365 = office365();
    FixtureHost own = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = resolve("--json", "--office365", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/url").asText()).isEqualTo(O365_URL);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("OFFICE365");
    assertThat(json.at("/endpoint/dialect").asText()).isEqualTo("POX");
    assertThat(methods(json)).containsExactly("SCP", "OFFICE365");
    assertThat(office365.requests()).singleElement()
        .satisfies(request -> assertThat(request.body()).contains("alice@contoso.test"));
    assertThat(own.requests()).isEmpty();
  }

  @Test
  void office365OptionGoesRightAfterScpWhereverMethodsPutsScp() {
    FixtureHost office365 = office365();

    CommandRun run = resolve("--json", "--office365", "--methods", "a-record,scp,prefixed-host",
        "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(methods(run.jsonLines().get(0))).containsExactly("A_RECORD", "SCP", "OFFICE365");
    assertThat(office365.requests()).hasSize(1);
  }

  @Test
  void office365OptionAsksWhereMethodsPutsOffice365() {
    FixtureHost office365 = office365();

    CommandRun run = resolve("--json", "--office365", "--methods", "a-record,office365,prefixed-host",
        "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(methods(run.jsonLines().get(0))).containsExactly("A_RECORD", "OFFICE365");
    assertThat(office365.requests()).hasSize(1);
  }

  @Test
  void office365OptionKeepsOffice365WhereMethodsPutsItEvenInTheDefaultOrder() {
    FixtureHost office365 = office365();
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = resolve("--json", "--office365", "--methods",
        "scp,a-record,prefixed-host,office365,http-redirect,srv", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(methods(run.jsonLines().get(0))).containsExactly("SCP", "A_RECORD", "PREFIXED_HOST");
    assertThat(office365.requests()).isEmpty();
  }

  @Test
  void office365OptionWithoutScpInMethodsAsksOutlookFirst() {
    FixtureHost office365 = office365();

    CommandRun run = resolve("--json", "--office365", "--methods", "a-record,prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(methods(run.jsonLines().get(0))).containsExactly("OFFICE365");
    assertThat(office365.requests()).hasSize(1);
  }

  @Test
  void defaultMethodsReachOutlookWhenTheAutodiscoverNameIsACnameToMicrosoft() {
    contosoHostedInMicrosoft365();
    FixtureHost office365 = office365();

    CommandRun run = resolve("--json", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/url").asText()).isEqualTo(O365_URL);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("OFFICE365");
    assertThat(json.at("/settings/ewsUrl").asText()).isEqualTo(EWS);
    assertThat(methods(json)).containsExactly("SCP", "A_RECORD", "PREFIXED_HOST", "OFFICE365", "OFFICE365");
    JsonNode lookup = json.at("/attempts/3");
    assertThat(lookup.get("url").asText()).isEqualTo("autodiscover.contoso.test");
    assertThat(lookup.get("outcome").asText()).isEqualTo("REDIRECTED");
    assertThat(lookup.get("dialect").isNull()).isTrue();
    assertThat(lookup.get("detail").asText()).contains("autodiscover.outlook.com", "outlook.office365.com");
    assertThat(json.at("/attempts/4/dialect").asText()).isEqualTo("POX");
    assertThat(office365.requests()).hasSize(1);
  }

  @Test
  void defaultMethodsNeverAskOutlookForADomainThatIsNoAlias() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));
    FixtureHost office365 = office365();

    CommandRun run = resolve("--json", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(run.jsonLines().get(0).at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
    assertThat(methods(run.jsonLines().get(0))).doesNotContain("OFFICE365");
    assertThat(office365.requests()).isEmpty();
  }

  @Test
  void methodsWithoutOffice365NeverAskOutlookEvenForAnAlias() {
    contosoHostedInMicrosoft365();
    FixtureHost office365 = office365();

    CommandRun run = resolve("--json", "--methods", "a-record,prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/error/code").asText()).isEqualTo("NO_ENDPOINT");
    assertThat(methods(json)).containsExactly("A_RECORD", "PREFIXED_HOST");
    assertThat(office365.requests()).isEmpty();
  }
}
