package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.ActiveSyncResponses;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import dev.autodiscover.testkit.SoapResponses;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code resolve --protocol}: each dialect asked of a fixture host, and what the JSON output says of it. */
class ResolveDialectsTest extends LoopbackCommandTest {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";
  private static final String HOST = "autodiscover.contoso.test";
  private static final String JSON_URL =
      "https://autodiscover.contoso.test/autodiscover/autodiscover.json/v1.0/alice@contoso.test?Protocol=Ews";
  private static final Pattern SOAP_SETTING = Pattern.compile("<a:Setting>([^<]*)</a:Setting>");

  private CommandRun resolve(String... args) {
    return run("resolve", args);
  }

  @Test
  void jsonDialectFindsTheEwsUrlAndKeepsEveryContractField() {
    network.httpsHost(HOST).respondWithJson("Ews", JsonResponses.answer("Ews", EWS));

    CommandRun run = resolve("--json", "--protocol", "json", "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.fieldNames()).toIterable()
        .contains("email", "resolved", "finalEmail", "endpoint", "settings", "attempts", "redirects", "error");
    assertThat(json.get("email").asText()).isEqualTo("alice@contoso.test");
    assertThat(json.get("resolved").asBoolean()).isTrue();
    assertThat(json.get("finalEmail").asText()).isEqualTo("alice@contoso.test");
    assertThat(json.at("/endpoint/url").asText()).isEqualTo(JSON_URL);
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
    assertThat(json.at("/endpoint/dialect").asText()).isEqualTo("JSON");
    assertThat(json.at("/settings/ewsUrl").asText()).isEqualTo(EWS);
    assertThat(json.get("redirects").isArray()).isTrue();
    assertThat(json.get("error").isNull()).isTrue();
    JsonNode attempts = json.get("attempts");
    assertThat(attempts).isNotEmpty();
    for (JsonNode attempt : attempts) {
      assertThat(attempt.fieldNames()).toIterable().as(attempt.toString()).contains(
          "method", "url", "outcome", "httpStatus", "elapsedMs", "detail", "certificate", "dialect", "errorCode");
    }
    assertThat(attempts).filteredOn(attempt -> attempt.get("method").asText().equals("SCP"))
        .singleElement().satisfies(scp -> assertThat(scp.get("dialect").isNull()).isTrue());
    JsonNode success = attempts.get(attempts.size() - 1);
    assertThat(success.get("outcome").asText()).isEqualTo("SUCCESS");
    assertThat(success.get("url").asText()).isEqualTo(JSON_URL);
    assertThat(success.get("dialect").asText()).isEqualTo("JSON");
    assertThat(success.get("httpStatus").asInt()).isEqualTo(200);
    assertThat(success.get("errorCode").isNull()).isTrue();
  }

  @Test
  void jsonDialectAsksWithAGetAndTheProtocolNamed() {
    FixtureHost host = network.httpsHost(HOST).respondWithJson("Ews", JsonResponses.answer("Ews", EWS));

    resolve("--json", "--protocol", "json", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(host.requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo("/autodiscover/autodiscover.json/v1.0/alice@contoso.test");
      assertThat(request.queryParameter("Protocol")).contains("Ews");
    });
  }

  @Test
  void jsonProtocolAutodiscoverV1GoesOnInPoxAtTheUrlTheAnswerNames() {
    String poxUrl = "https://autodiscover.contoso.test/autodiscover/autodiscover.xml";
    FixtureHost host = network.httpsHost(HOST)
        .respondWithJson("AutodiscoverV1", JsonResponses.answer("AutodiscoverV1", poxUrl))
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = resolve("--json", "--protocol", "json", "--json-protocol", "AutodiscoverV1",
        "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/dialect").asText()).isEqualTo("POX");
    assertThat(json.at("/endpoint/url").asText()).isEqualTo(poxUrl);
    assertThat(json.at("/settings/ewsUrl").asText()).isEqualTo(EWS);
    assertThat(json.get("attempts")).extracting(attempt -> attempt.get("dialect").asText())
        .containsExactly("JSON", "POX");
    assertThat(host.requests()).extracting(ReceivedRequest::method).containsExactly("GET", "POST");
    assertThat(host.requests().get(0).queryParameter("Protocol")).contains("AutodiscoverV1");
  }

  @Test
  void jsonRedirectToAnotherDomainIsFollowedOnlyWithRedirectsAllow() {
    String location = JsonResponses.redirectLocation("mail.fabrikam.test", "alice@contoso.test", "Ews", 1);
    network.httpsHost(HOST).redirectJson(302, location);
    network.httpsHost("mail.fabrikam.test").respondWithJson("Ews", JsonResponses.answer("Ews", EWS));

    CommandRun refused = resolve("--json", "--protocol", "json", "--methods", "prefixed-host", "alice@contoso.test");
    CommandRun allowed = resolve("--json", "--protocol", "json", "--methods", "prefixed-host", "--redirects", "allow",
        "alice@contoso.test");

    assertThat(refused.status()).as(refused.out() + refused.err()).isEqualTo(1);
    JsonNode denied = refused.jsonLines().get(0);
    assertThat(denied.get("attempts")).extracting(attempt -> attempt.get("outcome").asText())
        .containsExactly("REDIRECTED", "REDIRECT_DENIED");
    assertThat(denied.at("/attempts/0/httpStatus").asInt()).isEqualTo(302);
    assertThat(denied.at("/redirects/0/to").asText()).isEqualTo(location);
    assertThat(denied.at("/redirects/0/allowed").asBoolean()).isFalse();
    assertThat(allowed.status()).as(allowed.out() + allowed.err()).isZero();
    JsonNode json = allowed.jsonLines().get(0);
    assertThat(json.at("/endpoint/url").asText()).isEqualTo(location);
    assertThat(json.at("/endpoint/dialect").asText()).isEqualTo("JSON");
    assertThat(json.at("/settings/ewsUrl").asText()).isEqualTo(EWS);
    assertThat(json.get("attempts")).extracting(attempt -> attempt.get("dialect").asText())
        .containsExactly("JSON", "JSON");
  }

  @Test
  void soapDialectRequestsExactlyTheSettingsNamed() {
    FixtureHost host = network.httpsHost(HOST).respondWithSoap(SoapResponses.settings()
        .displayName("Alice").externalEwsUrl(EWS).build());

    CommandRun run = resolve("--json", "--protocol", "soap", "--soap-settings", "UserDisplayName,ExternalEwsUrl",
        "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/dialect").asText()).isEqualTo("SOAP");
    assertThat(json.at("/endpoint/url").asText())
        .isEqualTo("https://autodiscover.contoso.test/autodiscover/autodiscover.svc");
    assertThat(json.at("/settings/displayName").asText()).isEqualTo("Alice");
    assertThat(json.at("/settings/ewsUrl").asText()).isEqualTo(EWS);
    assertThat(host.requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/autodiscover/autodiscover.svc");
      assertThat(requestedSettings(request)).containsExactly("UserDisplayName", "ExternalEwsUrl");
    });
  }

  @Test
  void soapDialectWithoutSoapSettingsRequestsTheDefaultOnes() {
    FixtureHost host = network.httpsHost(HOST).respondWithSoap(SoapResponses.settings()
        .displayName("Alice").externalEwsUrl(EWS).build());

    CommandRun run = resolve("--json", "--protocol", "soap", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(host.requests()).singleElement()
        .satisfies(request -> assertThat(requestedSettings(request))
            .contains("UserDisplayName", "ExternalEwsUrl", "InternalEwsUrl").hasSizeGreaterThan(2));
  }

  @Test
  void soapInvalidUserExitsOneWithTheServersErrorCode() {
    network.httpsHost(HOST).respondWithSoap(SoapResponses.userError("InvalidUser",
        "Invalid user: 'alice@contoso.test'"));

    CommandRun run = resolve("--json", "--protocol", "soap", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.get("resolved").asBoolean()).isFalse();
    assertThat(json.get("endpoint").isNull()).isTrue();
    assertThat(json.get("error").isObject()).isTrue();
    assertThat(json.get("attempts")).singleElement().satisfies(attempt -> {
      assertThat(attempt.get("dialect").asText()).isEqualTo("SOAP");
      assertThat(attempt.get("errorCode").asText()).isEqualTo("InvalidUser");
      assertThat(attempt.get("outcome").asText()).isEqualTo("AUTODISCOVER_ERROR");
    });
  }

  @Test
  void srvLookupSpeaksNoDialectAndItsTargetIsAskedInTheOneChosen() {
    FixtureHost mail = network.httpsHost("mail.contoso.test").respondWithSoap(SoapResponses.settings()
        .displayName("Alice").externalEwsUrl(EWS).build());
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    CommandRun run = resolve("--json", "--protocol", "soap", "--methods", "srv", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.get("attempts")).hasSize(2);
    JsonNode lookup = json.at("/attempts/0");
    assertThat(lookup.get("url").asText()).isEqualTo("_autodiscover._tcp.contoso.test");
    assertThat(lookup.get("outcome").asText()).isEqualTo("REDIRECTED");
    assertThat(lookup.get("dialect").isNull()).isTrue();
    assertThat(lookup.get("errorCode").isNull()).isTrue();
    assertThat(json.at("/attempts/1/dialect").asText()).isEqualTo("SOAP");
    assertThat(json.at("/endpoint/url").asText())
        .isEqualTo("https://mail.contoso.test/autodiscover/autodiscover.svc");
    assertThat(json.at("/endpoint/method").asText()).isEqualTo("SRV");
    assertThat(mail.requests()).singleElement()
        .satisfies(request -> assertThat(request.path()).isEqualTo("/autodiscover/autodiscover.svc"));
  }

  @Test
  void activeSyncDialectGivesTheActiveSyncUrlAndTheCulture() {
    String activeSync = "https://mail.contoso.test/Microsoft-Server-ActiveSync";
    FixtureHost host = network.httpsHost(HOST).respondWithActiveSync(ActiveSyncResponses.settings()
        .displayName("Alice").emailAddress("alice@contoso.test").culture("de:de").mobileSync(activeSync).build());

    CommandRun run = resolve("--json", "--protocol", "activesync", "--methods", "prefixed-host",
        "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/dialect").asText()).isEqualTo("ACTIVESYNC");
    assertThat(json.at("/endpoint/url").asText())
        .isEqualTo("https://autodiscover.contoso.test/autodiscover/autodiscover.xml");
    assertThat(json.at("/settings/activeSyncUrl").asText()).isEqualTo(activeSync);
    assertThat(json.at("/settings/culture").asText()).isEqualTo("de:de");
    assertThat(json.at("/attempts/0/dialect").asText()).isEqualTo("ACTIVESYNC");
    assertThat(host.requests()).singleElement().satisfies(request ->
        assertThat(request.body()).contains(FixtureHost.ACTIVESYNC_REQUEST_NAMESPACE));
  }

  @Test
  void poxStaysTheDefaultAndItsSettingsHoldTheNewFieldsAsNull() {
    network.httpsHost(HOST).respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", EWS));

    CommandRun run = resolve("--json", "--methods", "prefixed-host", "alice@contoso.test");

    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode json = run.jsonLines().get(0);
    assertThat(json.at("/endpoint/dialect").asText()).isEqualTo("POX");
    assertThat(json.at("/attempts/0/dialect").asText()).isEqualTo("POX");
    assertThat(json.at("/attempts/0/errorCode").isNull()).isTrue();
    assertThat(json.get("settings").has("activeSyncUrl")).isTrue();
    assertThat(json.get("settings").has("culture")).isTrue();
    assertThat(json.at("/settings/culture").isNull()).isTrue();
  }

  private static List<String> requestedSettings(ReceivedRequest request) {
    Matcher matcher = SOAP_SETTING.matcher(request.body());
    List<String> names = new java.util.ArrayList<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
