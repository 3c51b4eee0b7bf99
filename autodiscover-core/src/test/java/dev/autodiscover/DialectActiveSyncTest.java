package dev.autodiscover;

import static dev.autodiscover.DialectFixtures.ACTIVESYNC_URL;
import static dev.autodiscover.DialectFixtures.ALICE;
import static dev.autodiscover.DialectFixtures.attempt;
import static dev.autodiscover.DialectFixtures.attemptAt;
import static dev.autodiscover.DialectFixtures.received;
import static dev.autodiscover.DialectFixtures.xmlUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.ActiveSyncResponses;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ActiveSync Autodiscover ({@link Dialect#ACTIVESYNC}) answers other than settings: the
 * {@code Redirect} address, whose domain the resolution starts again with, the provider's
 * {@code Action/Error} and the framework's {@code Response/Error}, and bodies that are not a
 * mobilesync response. A bad answer costs its candidate only: the next is tried.
 */
class DialectActiveSyncTest extends LoopbackTest {
  private static final String ROOT = "contoso.test";
  private static final String PREFIXED = "autodiscover.contoso.test";
  private static final String ROOT_URL = xmlUrl(ROOT);
  private static final String PREFIXED_URL = xmlUrl(PREFIXED);
  private static final String SETTINGS = ActiveSyncResponses.settings()
      .displayName("Alice").emailAddress(ALICE).mobileSync(ACTIVESYNC_URL).build();
  private static final String NOT_ACTIVESYNC_ANSWER =
      "not an ActiveSync Autodiscover response (" + FixtureHost.XML_CONTENT_TYPE + "): ";

  private AutodiscoverResult resolve() {
    return DialectFixtures.resolver(network, Dialect.ACTIVESYNC).build().resolve(ALICE);
  }

  @Test
  void redirectRestartsTheResolutionInTheDomainOfTheAddressGiven() {
    String fabrikamUrl = xmlUrl("autodiscover.fabrikam.test");
    FixtureHost contoso = network.httpsHost(PREFIXED)
        .respondWithActiveSync(ActiveSyncResponses.redirect("alice@fabrikam.test"));
    FixtureHost fabrikam = network.httpsHost("autodiscover.fabrikam.test")
        .respondWithActiveSync(ActiveSyncResponses.settings().displayName("Alice").emailAddress("alice@fabrikam.test")
            .culture("fr:fr").mobileSync(ACTIVESYNC_URL).build());
    RecordingConsent consent = new RecordingConsent(RedirectConsent.DENY_ALL);

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.ACTIVESYNC).redirectConsent(consent).build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(fabrikamUrl), DiscoveryMethod.PREFIXED_HOST, Dialect.ACTIVESYNC));
    assertThat(result.email()).isEqualTo(ALICE);
    assertThat(result.finalEmail()).isEqualTo("alice@fabrikam.test");
    assertThat(result.settings()).hasValueSatisfying(settings -> {
      assertThat(settings.activeSyncUrl()).hasValue(ACTIVESYNC_URL);
      assertThat(settings.culture()).hasValue("fr:fr");
      assertThat(settings.user().autodiscoverSmtpAddress()).hasValue("alice@fabrikam.test");
    });
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.DNS_FAILED, Dialect.ACTIVESYNC),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.REDIRECTED, Dialect.ACTIVESYNC),
        attempt(DiscoveryMethod.A_RECORD, xmlUrl("fabrikam.test"), AttemptOutcome.DNS_FAILED, Dialect.ACTIVESYNC),
        attempt(DiscoveryMethod.PREFIXED_HOST, fabrikamUrl, AttemptOutcome.SUCCESS, Dialect.ACTIVESYNC));
    assertThat(attemptAt(result, PREFIXED_URL).detail()).isEqualTo("Redirect to alice@fabrikam.test");
    assertThat(result.redirects()).as(result.describe()).containsExactly(
        new Redirect(RedirectType.REDIRECT_ADDR, ALICE, "alice@fabrikam.test", true));
    assertThat(consent.asked()).as("an address redirect needs no consent").isEmpty();

    assertThat(received(contoso)).containsExactly("POST " + FixtureHost.AUTODISCOVER_PATH);
    assertThat(contoso.requests().get(0).body()).contains("<EMailAddress>alice@contoso.test</EMailAddress>");
    assertThat(received(fabrikam)).containsExactly("POST " + FixtureHost.AUTODISCOVER_PATH);
    assertThat(fabrikam.requests().get(0).body())
        .contains(FixtureHost.ACTIVESYNC_REQUEST_NAMESPACE, "<EMailAddress>alice@fabrikam.test</EMailAddress>")
        .doesNotContain(ALICE);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("Action/Error", ActiveSyncResponses.actionError("2", "The mailbox could not be found."),
            "2", "Autodiscover status 2 (protocol error): The mailbox could not be found."),
        Arguments.of("Response/Error 600", ActiveSyncResponses.error("600", "Invalid Request"),
            "600", "Autodiscover error 600: Invalid Request"),
        Arguments.of("Response/Error 601", ActiveSyncResponses.error("601", "Provider could not be found"),
            "601", "Autodiscover error 601: Provider could not be found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errorEndsTheCandidateWithItsCodeAndTheNextCandidateIsTried(
      String what, String body, String errorCode, String detail) {
    FixtureHost root = network.httpsHost(ROOT).respondWithActiveSync(body);
    network.httpsHost(PREFIXED).respondWithActiveSync(SETTINGS);

    AutodiscoverResult result = resolve();

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.ACTIVESYNC));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.AUTODISCOVER_ERROR, Dialect.ACTIVESYNC, errorCode),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.ACTIVESYNC));
    assertThat(result.attempts().get(0).httpStatus()).hasValue(200);
    assertThat(result.attempts().get(0).detail()).isEqualTo(detail);
    assertThat(received(root)).containsExactly("POST " + FixtureHost.AUTODISCOVER_PATH);
  }

  static Stream<Arguments> notActiveSyncAnswers() {
    return Stream.of(
        Arguments.of("malformed", SETTINGS.substring(0, SETTINGS.indexOf("</Response>")), "malformed XML: "),
        Arguments.of("settings without a server", ActiveSyncResponses.settings().displayName("Alice").build(),
            "settings without a server"),
        Arguments.of("a redirect without an address", ActiveSyncResponses.redirect(""), "Redirect without an address"),
        Arguments.of("an Outlook response", PoxResponses.settings("Alice", ALICE, DialectFixtures.EWS_URL),
            "Response element is Response in namespace " + PoxResponses.OUTLOOK_NAMESPACE),
        Arguments.of("a DOCTYPE", "<!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + ActiveSyncResponses.redirect("alice@fabrikam.test").replace("alice@fabrikam.test", "&xxe;")
                .replaceFirst("<\\?xml[^>]*>\\n", ""),
            "document type declarations are not accepted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notActiveSyncAnswers")
  void bodyThatIsNotAMobilesyncResponseIsNotAutodiscoverAndTheNextCandidateIsTried(
      String what, String body, String reason) {
    network.httpsHost(ROOT).respondWithActiveSync(body);
    network.httpsHost(PREFIXED).respondWithActiveSync(SETTINGS);

    AutodiscoverResult result = resolve();

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER, Dialect.ACTIVESYNC),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.ACTIVESYNC));
    assertThat(result.attempts().get(0).detail()).startsWith(NOT_ACTIVESYNC_ANSWER).contains(reason);
    assertThat(result.settings().flatMap(AutodiscoverSettings::activeSyncUrl)).hasValue(ACTIVESYNC_URL);
  }
}
