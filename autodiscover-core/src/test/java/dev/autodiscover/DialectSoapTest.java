package dev.autodiscover;

import static dev.autodiscover.DialectFixtures.ALICE;
import static dev.autodiscover.DialectFixtures.EWS_URL;
import static dev.autodiscover.DialectFixtures.attempt;
import static dev.autodiscover.DialectFixtures.attemptAt;
import static dev.autodiscover.DialectFixtures.received;
import static dev.autodiscover.DialectFixtures.soapUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import dev.autodiscover.testkit.SoapResponses;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SOAP Autodiscover ({@link Dialect#SOAP}) answers other than plain settings: {@code RedirectUrl}
 * and {@code RedirectAddress}, errors of the response, of the user and of SOAP itself, refused
 * settings, and bodies that are not a SOAP Autodiscover response. A bad answer costs its candidate
 * only: the next is tried.
 */
class DialectSoapTest extends LoopbackTest {
  private static final String ROOT = "contoso.test";
  private static final String PREFIXED = "autodiscover.contoso.test";
  private static final String ROOT_URL = soapUrl(ROOT);
  private static final String PREFIXED_URL = soapUrl(PREFIXED);
  private static final String MAIL_URL = soapUrl("mail.contoso.test");
  private static final String SETTINGS = SoapResponses.settings().displayName("Alice").externalEwsUrl(EWS_URL).build();
  private static final String NOT_SOAP_ANSWER = "not a SOAP Autodiscover response (" + FixtureHost.XML_CONTENT_TYPE + "): ";

  private AutodiscoverResult resolve() {
    return DialectFixtures.resolver(network, Dialect.SOAP).build().resolve(ALICE);
  }

  @Test
  void redirectUrlIsAskedInSoapAtTheUrlGiven() {
    FixtureHost prefixed = network.httpsHost(PREFIXED).respondWithSoap(SoapResponses.redirectUrl(MAIL_URL));
    FixtureHost mail = network.httpsHost("mail.contoso.test").respondWithSoap(SETTINGS);

    AutodiscoverResult result = resolve();

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.SOAP));
    assertThat(result.settings().flatMap(AutodiscoverSettings::displayName)).hasValue("Alice");
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.DNS_FAILED, Dialect.SOAP),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.REDIRECTED, Dialect.SOAP),
        attempt(DiscoveryMethod.PREFIXED_HOST, MAIL_URL, AttemptOutcome.SUCCESS, Dialect.SOAP));
    assertThat(attemptAt(result, PREFIXED_URL).detail()).isEqualTo("RedirectUrl to " + MAIL_URL);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, MAIL_URL, true));

    assertThat(received(prefixed)).containsExactly("POST " + FixtureHost.SOAP_PATH);
    assertThat(received(mail)).containsExactly("POST " + FixtureHost.SOAP_PATH);
    assertThat(mail.requests()).singleElement().satisfies(request -> {
      assertThat(request.header("SOAPAction")).hasValue("\"" + SoapResponses.REQUEST_ACTION + "\"");
      assertThat(request.body()).contains("<wsa:To>" + MAIL_URL + "</wsa:To>", "<a:Mailbox>alice@contoso.test</a:Mailbox>");
    });
  }

  @Test
  void redirectUrlThatIsNotHttpsIsInvalidAndTheResolutionGoesOn() {
    String plain = "http://mail.contoso.test" + FixtureHost.SOAP_PATH;
    network.httpsHost(PREFIXED).respondWithSoap(SoapResponses.redirectUrl(plain));
    FixtureHost mail = network.host("mail.contoso.test").https().http().start().respondWithSoap(SETTINGS);
    network.dns().addSrv(DialectFixtures.SRV_NAME, 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = resolve();

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV, Dialect.SOAP));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsSubsequence(
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.INVALID_REDIRECT, Dialect.SOAP),
        attempt(DiscoveryMethod.SRV, MAIL_URL, AttemptOutcome.SUCCESS, Dialect.SOAP));
    assertThat(attemptAt(result, PREFIXED_URL).detail())
        .isEqualTo("RedirectUrl to '" + plain + "' refused: the target is not https");
    assertThat(result.redirects()).as(result.describe()).extracting(Redirect::type).containsExactly(RedirectType.SRV);
    assertThat(mail.requests()).as("asked once, by the SRV step, over https").singleElement()
        .satisfies(request -> assertThat(request.scheme()).isEqualTo("https"));
  }

  @Test
  void redirectAddressRestartsTheResolutionForTheAddressGiven() {
    String fabrikamUrl = soapUrl("autodiscover.fabrikam.test");
    network.httpsHost(PREFIXED).respondWithSoap(SoapResponses.redirectAddress("alice@fabrikam.test"));
    FixtureHost fabrikam = network.httpsHost("autodiscover.fabrikam.test").respondWithSoap(SETTINGS);
    RecordingConsent consent = new RecordingConsent(RedirectConsent.DENY_ALL);

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.SOAP).redirectConsent(consent).build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(fabrikamUrl), DiscoveryMethod.PREFIXED_HOST, Dialect.SOAP));
    assertThat(result.finalEmail()).isEqualTo("alice@fabrikam.test");
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.DNS_FAILED, Dialect.SOAP),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.REDIRECTED, Dialect.SOAP),
        attempt(DiscoveryMethod.A_RECORD, soapUrl("fabrikam.test"), AttemptOutcome.DNS_FAILED, Dialect.SOAP),
        attempt(DiscoveryMethod.PREFIXED_HOST, fabrikamUrl, AttemptOutcome.SUCCESS, Dialect.SOAP));
    assertThat(attemptAt(result, PREFIXED_URL).detail()).isEqualTo("RedirectAddress to alice@fabrikam.test");
    assertThat(result.redirects()).as(result.describe()).containsExactly(
        new Redirect(RedirectType.REDIRECT_ADDR, ALICE, "alice@fabrikam.test", true));
    assertThat(consent.asked()).isEmpty();
    assertThat(fabrikam.requests()).singleElement().satisfies(request -> {
      assertThat(request.body()).contains("<a:Mailbox>alice@fabrikam.test</a:Mailbox>");
      assertThat(request.body()).doesNotContain(ALICE);
    });
  }

  static Stream<Arguments> errors() {
    String fault = SoapResponses.fault("Client", "The request is not valid.");
    return Stream.of(
        Arguments.of("InvalidUser", 200, SoapResponses.userError("InvalidUser", "Invalid user: 'alice@contoso.test'"),
            AttemptOutcome.AUTODISCOVER_ERROR, Optional.of("InvalidUser"),
            "Autodiscover error InvalidUser: Invalid user: 'alice@contoso.test'"),
        Arguments.of("ServerBusy for the whole response", 200,
            SoapResponses.responseError("ServerBusy", "The server is too busy to process the request."),
            AttemptOutcome.AUTODISCOVER_ERROR, Optional.of("ServerBusy"),
            "Autodiscover error ServerBusy: The server is too busy to process the request."),
        Arguments.of("InvalidSetting without any setting", 200,
            SoapResponses.settings().errorCode("InvalidSetting", "No valid setting was requested.")
                .settingError("Bad", "InvalidSetting", "The requested setting is invalid.").build(),
            AttemptOutcome.AUTODISCOVER_ERROR, Optional.of("InvalidSetting"),
            "Autodiscover error InvalidSetting: No valid setting was requested."),
        Arguments.of("SOAP fault with 200", 200, fault,
            AttemptOutcome.AUTODISCOVER_ERROR, Optional.of("s:Client"), "SOAP fault s:Client: The request is not valid."),
        Arguments.of("SOAP fault with 500", 500, fault,
            AttemptOutcome.HTTP_ERROR, Optional.empty(), "HTTP 500"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errorEndsTheCandidateWithItsCodeAndTheNextCandidateIsTried(
      String what, int status, String body, AttemptOutcome outcome, Optional<String> errorCode, String detail) {
    FixtureHost root = network.httpsHost(ROOT).respondWithSoap(status, body);
    network.httpsHost(PREFIXED).respondWithSoap(SETTINGS);

    AutodiscoverResult result = resolve();

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.SOAP));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        errorCode.map(code -> attempt(DiscoveryMethod.A_RECORD, ROOT_URL, outcome, Dialect.SOAP, code))
            .orElse(attempt(DiscoveryMethod.A_RECORD, ROOT_URL, outcome, Dialect.SOAP)),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.SOAP));
    Attempt failed = result.attempts().get(0);
    assertThat(failed.httpStatus()).hasValue(status);
    assertThat(failed.detail()).isEqualTo(detail);
    assertThat(received(root)).containsExactly("POST " + FixtureHost.SOAP_PATH);
  }

  @Test
  void settingsWithRefusedSettingsSucceedAndTheDetailNamesWhatWasRefused() {
    network.httpsHost(PREFIXED).respondWithSoap(SoapResponses.settings()
        .displayName("Alice")
        .externalEwsUrl(EWS_URL)
        .settingError("ExternalMailboxServer", "InvalidSetting", "The requested setting is invalid.")
        .settingError("MobileMailboxPolicy", "SettingIsNotAvailable", "The requested setting is not available.")
        .build());

    AutodiscoverResult result = resolve();

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.SOAP));
    assertThat(result.settings().flatMap(AutodiscoverSettings::ewsUrl)).hasValue(EWS_URL);
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.DNS_FAILED, Dialect.SOAP),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.SOAP));
    assertThat(attemptAt(result, PREFIXED_URL).detail()).isEqualTo("Autodiscover settings received"
        + "; ExternalMailboxServer: InvalidSetting (The requested setting is invalid.)"
        + "; MobileMailboxPolicy: SettingIsNotAvailable (The requested setting is not available.)");
  }

  static Stream<Arguments> notSoapAnswers() {
    String envelope = "<s:Envelope xmlns:s=\"" + SoapResponses.SOAP_NAMESPACE + "\"><s:Body>"
        + "<GetUserSettingsResponseMessage xmlns=\"" + SoapResponses.AUTODISCOVER_NAMESPACE + "\"><Response>"
        + "<ErrorCode>NoError</ErrorCode><UserResponses><UserResponse><ErrorCode>NoError</ErrorCode>"
        + "<UserSettings><UserSetting><Name>ExternalEwsUrl</Name><Value>&xxe;</Value></UserSetting></UserSettings>"
        + "</UserResponse></UserResponses></Response></GetUserSettingsResponseMessage></s:Body></s:Envelope>";
    return Stream.of(
        Arguments.of("malformed", SETTINGS.substring(0, SETTINGS.indexOf("</s:Body>")), "malformed XML: "),
        Arguments.of("DOCTYPE with an external entity",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + envelope,
            "document type declarations are not accepted"),
        Arguments.of("a POX answer", PoxResponses.settings("Alice", ALICE, EWS_URL),
            "root element is Autodiscover in namespace " + PoxResponses.ROOT_NAMESPACE + ", expected Envelope"),
        Arguments.of("an envelope without a response", "<s:Envelope xmlns:s=\"" + SoapResponses.SOAP_NAMESPACE
            + "\"><s:Body/></s:Envelope>", "no GetUserSettingsResponseMessage/Response or Fault in the SOAP Body"),
        Arguments.of("RedirectUrl without a URL", SoapResponses.userError("RedirectUrl", "Redirection URL."),
            "RedirectUrl without a URL"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notSoapAnswers")
  void bodyThatIsNotASoapResponseIsNotAutodiscoverAndTheNextCandidateIsTried(String what, String body, String reason) {
    network.httpsHost(ROOT).respondWithSoap(body);
    network.httpsHost(PREFIXED).respondWithSoap(SETTINGS);

    AutodiscoverResult result = resolve();

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER, Dialect.SOAP),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.SOAP));
    Attempt refused = result.attempts().get(0);
    assertThat(refused.httpStatus()).hasValue(200);
    assertThat(refused.detail()).startsWith(NOT_SOAP_ANSWER).contains(reason).doesNotContain("root:x:0:0");
  }

  @Test
  void soapNeverAsksThePoxPathOfAHostThatOnlySpeaksPox() {
    FixtureHost root = network.httpsHost(ROOT);
    root.respond(200, PoxResponses.settings("Alice", ALICE, EWS_URL), FixtureHost.XML_CONTENT_TYPE);
    network.httpsHost(PREFIXED).respondWithSoap(SETTINGS);

    AutodiscoverResult result = resolve();

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).startsWith(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.HTTP_ERROR, Dialect.SOAP));
    assertThat(result.attempts().get(0).httpStatus()).hasValue(404);
    assertThat(root.requests()).extracting(ReceivedRequest::path).containsExactly(FixtureHost.SOAP_PATH);
  }
}
