package dev.autodiscover;

import static dev.autodiscover.DialectFixtures.ACTIVESYNC_URL;
import static dev.autodiscover.DialectFixtures.ALICE;
import static dev.autodiscover.DialectFixtures.EWS_URL;
import static dev.autodiscover.DialectFixtures.attempt;
import static dev.autodiscover.DialectFixtures.jsonPath;
import static dev.autodiscover.DialectFixtures.jsonUrl;
import static dev.autodiscover.DialectFixtures.received;
import static dev.autodiscover.DialectFixtures.soapUrl;
import static dev.autodiscover.DialectFixtures.xmlUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.ActiveSyncResponses;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import dev.autodiscover.testkit.SoapResponses;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One address, one host answering in all four dialects at once, and a resolver for each dialect:
 * each finds the host through the same steps, asks exactly what its dialect asks, and reads the
 * answer into settings whose EWS or ActiveSync URL, culture and user come out where a host
 * application looks for them.
 */
class DialectSameAddressTest extends LoopbackTest {
  private static final String HOST = "autodiscover.contoso.test";
  private static final String ROOT = "contoso.test";
  private static final String XML_URL = xmlUrl(HOST);
  private static final String SOAP_URL = soapUrl(HOST);
  private static final String CERT_ENROLL_URL = "https://mail.contoso.test/CertEnroll";

  private FixtureHost host;

  @BeforeEach
  void oneHostAnsweringEveryDialect() {
    host = network.httpsHost(HOST)
        .respondWithPox(PoxResponses.settings("Alice", ALICE, EWS_URL))
        .respondWithJson("Ews", JsonResponses.answer("Ews", EWS_URL))
        .respondWithJson("ActiveSync", JsonResponses.answer("ActiveSync", ACTIVESYNC_URL))
        .respondWithJson("AutodiscoverV1", JsonResponses.answer("AutodiscoverV1", XML_URL))
        .respondWithSoap(SoapResponses.settings().displayName("Alice").externalEwsUrl(EWS_URL).build())
        .respondWithActiveSync(ActiveSyncResponses.settings()
            .displayName("Alice").emailAddress(ALICE).culture("de:de")
            .mobileSync(ACTIVESYNC_URL)
            .certEnroll(CERT_ENROLL_URL, "MobileDevice")
            .build());
  }

  @Test
  void poxPostsTheOutlookRequestAndReadsEveryProtocol() {
    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.POX).build().resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(XML_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.POX));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, xmlUrl(ROOT), AttemptOutcome.DNS_FAILED, Dialect.POX),
        attempt(DiscoveryMethod.PREFIXED_HOST, XML_URL, AttemptOutcome.SUCCESS, Dialect.POX));
    assertThat(result.redirects()).isEmpty();
    AutodiscoverSettings settings = result.settings().orElseThrow();
    assertThat(settings.ewsUrl()).hasValue(EWS_URL);
    assertThat(settings.displayName()).hasValue("Alice");
    assertThat(settings.activeSyncUrl()).isEmpty();
    assertThat(settings.culture()).isEmpty();
    assertThat(settings.protocols()).extracting(ProtocolSettings::type).containsExactly("EXCH");

    assertThat(received(host)).containsExactly("POST " + FixtureHost.AUTODISCOVER_PATH);
    ReceivedRequest request = host.requests().get(0);
    assertThat(request.header("Content-Type")).hasValue("text/xml; charset=utf-8");
    assertThat(request.body()).contains(
        "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">",
        "<EMailAddress>alice@contoso.test</EMailAddress>",
        "<AcceptableResponseSchema>" + PoxResponses.OUTLOOK_NAMESPACE + "</AcceptableResponseSchema>");
    assertThat(request.body()).doesNotContain(FixtureHost.ACTIVESYNC_REQUEST_NAMESPACE);
  }

  @Test
  void jsonGetsTheEwsUrlWithoutBodyOrCredentials() {
    String jsonUrl = jsonUrl(HOST);

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).build().resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(jsonUrl), DiscoveryMethod.PREFIXED_HOST, Dialect.JSON));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, jsonUrl(ROOT), AttemptOutcome.DNS_FAILED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, jsonUrl, AttemptOutcome.SUCCESS, Dialect.JSON));
    assertThat(result.redirects()).isEmpty();
    AutodiscoverSettings settings = result.settings().orElseThrow();
    assertThat(settings.ewsUrl()).hasValue(EWS_URL);
    assertThat(settings.activeSyncUrl()).isEmpty();
    assertThat(settings.displayName()).isEmpty();
    assertThat(settings.culture()).isEmpty();
    assertThat(settings.protocols()).containsExactly(new ProtocolSettings("Ews", Map.of("Url", EWS_URL)));

    assertThat(received(host)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
    ReceivedRequest request = host.requests().get(0);
    assertThat(request.queryParameter("Protocol")).hasValue("Ews");
    assertThat(request.body()).isEmpty();
    assertThat(request.hasHeader("Authorization")).isFalse();
    assertThat(request.hasHeader("Content-Type")).isFalse();
    assertThat(request.header("Accept")).hasValue("application/json");
    assertThat(request.header("User-Agent")).hasValue("autodiscover/" + Version.VERSION);
  }

  @Test
  void jsonForActiveSyncGetsTheActiveSyncUrl() {
    String jsonUrl = jsonUrl(HOST, ALICE, "ActiveSync");

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).jsonProtocol("ActiveSync").build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(jsonUrl), DiscoveryMethod.PREFIXED_HOST, Dialect.JSON));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, jsonUrl(ROOT, ALICE, "ActiveSync"), AttemptOutcome.DNS_FAILED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, jsonUrl, AttemptOutcome.SUCCESS, Dialect.JSON));
    AutodiscoverSettings settings = result.settings().orElseThrow();
    assertThat(settings.activeSyncUrl()).hasValue(ACTIVESYNC_URL);
    assertThat(settings.ewsUrl()).isEmpty();
    assertThat(settings.protocols())
        .containsExactly(new ProtocolSettings("ActiveSync", Map.of("Url", ACTIVESYNC_URL)));

    assertThat(received(host)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=ActiveSync");
    assertThat(host.requests().get(0).body()).isEmpty();
  }

  @Test
  void jsonForAutodiscoverV1AsksTheUrlItNamesInPox() {
    String jsonUrl = jsonUrl(HOST, ALICE, "AutodiscoverV1");

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).jsonProtocol("AutodiscoverV1").build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(XML_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.POX));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, jsonUrl(ROOT, ALICE, "AutodiscoverV1"), AttemptOutcome.DNS_FAILED,
            Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, jsonUrl, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, XML_URL, AttemptOutcome.SUCCESS, Dialect.POX));
    assertThat(DialectFixtures.attemptAt(result, jsonUrl).detail()).isEqualTo("AutodiscoverV1 answer to " + XML_URL);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, jsonUrl, XML_URL, true));
    AutodiscoverSettings settings = result.settings().orElseThrow();
    assertThat(settings.ewsUrl()).hasValue(EWS_URL);
    assertThat(settings.displayName()).hasValue("Alice");

    assertThat(received(host)).containsExactly(
        "GET " + jsonPath(ALICE) + "?Protocol=AutodiscoverV1",
        "POST " + FixtureHost.AUTODISCOVER_PATH);
    assertThat(host.requests().get(1).body()).contains(
        "outlook/requestschema/2006", "<EMailAddress>alice@contoso.test</EMailAddress>");
  }

  @Test
  void soapPostsGetUserSettingsForTheSettingsNamed() {
    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.SOAP)
        .soapSettings(List.of("UserDisplayName", "ExternalEwsUrl"))
        .build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(SOAP_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.SOAP));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, soapUrl(ROOT), AttemptOutcome.DNS_FAILED, Dialect.SOAP),
        attempt(DiscoveryMethod.PREFIXED_HOST, SOAP_URL, AttemptOutcome.SUCCESS, Dialect.SOAP));
    assertThat(result.attempts().get(1).detail()).isEqualTo("Autodiscover settings received");
    AutodiscoverSettings settings = result.settings().orElseThrow();
    assertThat(settings.displayName()).hasValue("Alice");
    assertThat(settings.user().displayName()).hasValue("Alice");
    assertThat(settings.ewsUrl()).hasValue(EWS_URL);
    assertThat(settings.activeSyncUrl()).isEmpty();
    assertThat(settings.protocols()).containsExactly(new ProtocolSettings("GetUserSettings",
        Map.of("UserDisplayName", "Alice", "ExternalEwsUrl", EWS_URL)));

    assertThat(received(host)).containsExactly("POST " + FixtureHost.SOAP_PATH);
    ReceivedRequest request = host.requests().get(0);
    assertThat(request.header("SOAPAction")).hasValue("\"" + SoapResponses.REQUEST_ACTION + "\"");
    assertThat(request.header("Content-Type")).hasValue("text/xml; charset=utf-8");
    assertThat(request.hasHeader("Authorization")).isFalse();
    assertThat(request.body()).contains(
        "<a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion>",
        "<wsa:Action>" + SoapResponses.REQUEST_ACTION + "</wsa:Action>",
        "<wsa:To>" + SOAP_URL + "</wsa:To>",
        "<a:Mailbox>alice@contoso.test</a:Mailbox>",
        "<a:Setting>UserDisplayName</a:Setting>",
        "<a:Setting>ExternalEwsUrl</a:Setting>");
    assertThat(request.body().split("<a:Setting>", -1)).as("the settings named, and no others").hasSize(3);
  }

  @Test
  void soapAsksTheDefaultSettingsWhenNoneAreNamed() {
    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.SOAP).build().resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(SOAP_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.SOAP));
    assertThat(host.requests()).singleElement().satisfies(request -> {
      for (String setting : List.of("UserDisplayName", "UserDN", "UserDeploymentId", "AutoDiscoverSMTPAddress",
          "InternalMailboxServer", "ExternalMailboxServer", "InternalEwsUrl", "ExternalEwsUrl",
          "EwsSupportedSchemas", "CasVersion", "MobileMailboxPolicy")) {
        assertThat(request.body()).contains("<a:Setting>" + setting + "</a:Setting>");
      }
      assertThat(request.body().split("<a:Setting>", -1)).hasSize(12);
    });
  }

  @Test
  void activeSyncPostsTheMobilesyncRequestAndReadsEveryServer() {
    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.ACTIVESYNC).build().resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(XML_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.ACTIVESYNC));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, xmlUrl(ROOT), AttemptOutcome.DNS_FAILED, Dialect.ACTIVESYNC),
        attempt(DiscoveryMethod.PREFIXED_HOST, XML_URL, AttemptOutcome.SUCCESS, Dialect.ACTIVESYNC));
    AutodiscoverSettings settings = result.settings().orElseThrow();
    assertThat(settings.activeSyncUrl()).hasValue(ACTIVESYNC_URL);
    assertThat(settings.culture()).hasValue("de:de");
    assertThat(settings.displayName()).hasValue("Alice");
    assertThat(settings.user().autodiscoverSmtpAddress()).hasValue(ALICE);
    assertThat(settings.ewsUrl()).isEmpty();
    assertThat(settings.protocols()).containsExactly(
        new ProtocolSettings("MobileSync", Map.of("Url", ACTIVESYNC_URL, "Name", ACTIVESYNC_URL)),
        new ProtocolSettings("CertEnroll", Map.of("Url", CERT_ENROLL_URL, "ServerData", "MobileDevice")));

    assertThat(received(host)).containsExactly("POST " + FixtureHost.AUTODISCOVER_PATH);
    ReceivedRequest request = host.requests().get(0);
    assertThat(request.header("Content-Type")).hasValue("text/xml; charset=utf-8");
    assertThat(request.hasHeader("Authorization")).isFalse();
    assertThat(request.body()).contains(
        "<Autodiscover xmlns=\"" + FixtureHost.ACTIVESYNC_REQUEST_NAMESPACE + "\">",
        "<EMailAddress>alice@contoso.test</EMailAddress>",
        "<AcceptableResponseSchema>" + ActiveSyncResponses.RESPONSE_NAMESPACE + "</AcceptableResponseSchema>");
    assertThat(request.body()).doesNotContain("outlook/requestschema");
  }
}
