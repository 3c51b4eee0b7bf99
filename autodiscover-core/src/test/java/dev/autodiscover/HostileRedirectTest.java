package dev.autodiscover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.internal.ResolverConfig;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redirect targets a hostile server may send, as a {@code RedirectUrl} answer and as the Location
 * of a 3xx on the POST: each is followed under the rules of the design or refused as
 * {@code INVALID_REDIRECT}, and a refused target is never contacted.
 */
class HostileRedirectTest extends LoopbackTest {
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final String MAIL_URL = Loopback.autodiscoverUrl("mail.contoso.test");

  static Stream<Arguments> refusedTargets() {
    return Stream.of(
        Arguments.of("http://mail.contoso.test/autodiscover/autodiscover.xml", "is not https"),
        Arguments.of("file:///etc/passwd", "uses the file: scheme"),
        Arguments.of("javascript:alert(document.cookie)", "uses the javascript: scheme"),
        Arguments.of("ldap://mail.contoso.test/cn=Configuration", "uses the ldap: scheme"),
        Arguments.of("https://alice:secret@mail.contoso.test/autodiscover/autodiscover.xml", "carries user information"),
        Arguments.of("https://127.0.1.2/autodiscover/autodiscover.xml", "names the address 127.0.1.2"),
        Arguments.of("https://[::1]/autodiscover/autodiscover.xml", "names the address ::1"),
        Arguments.of("https://mail.contoso.test/" + "x".repeat(5000), "characters long; at most 2048"));
  }

  @ParameterizedTest(name = "redirectUrl {0}")
  @MethodSource("refusedTargets")
  void hostileRedirectUrlIsRefusedUncontactedAndTheResolutionGoesOn(String target, String problem) {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(target));
    assertRefusedAndResolutionGoesOn(target, problem, "redirectUrl");
  }

  @ParameterizedTest(name = "Location {0}")
  @MethodSource("refusedTargets")
  void hostileLocationOnThePostIsRefusedUncontactedAndTheResolutionGoesOn(String target, String problem) {
    network.httpsHost("autodiscover.contoso.test").redirect(302, target);
    assertRefusedAndResolutionGoesOn(target, problem, "HTTP 302");
  }

  /** mail.contoso.test, the address 127.0.1.2 routes to, is reached afterwards only through SRV. */
  private void assertRefusedAndResolutionGoesOn(String target, String problem, String via) {
    FixtureHost mail = network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    assertThat(network.addressOf("mail.contoso.test").getHostAddress()).isEqualTo("127.0.1.2");
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");
    RecordingConsent consent = new RecordingConsent(RedirectConsent.ALLOW_ALL);

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build().resolve("alice@contoso.test");

    Attempt refused = result.attempts().get(1);
    assertThat(refused.url()).isEqualTo(PREFIXED_URL);
    assertThat(refused.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
    assertThat(refused.detail()).as(result.describe()).startsWith(via + " to '").contains("refused: the target", problem);
    assertThat(refused.detail()).as("a long target is quoted cut").hasSizeLessThan(400);
    assertThat(refused.detail()).as("a password in the target is not repeated").doesNotContain("secret");
    assertThat(result.endpoint()).as(result.describe()).contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV));
    assertThat(mail.requests()).as("only the SRV candidate reached mail.contoso.test").hasSize(1);
    assertThat(consent.asked()).extracting(RedirectRequest::type).containsExactly(RedirectType.SRV);
  }

  @Test
  void schemeRelativeRedirectIsHttpsAndFollowedInsideTheDomain() {
    network.httpsHost("autodiscover.contoso.test").redirect(302, "//mail.contoso.test/autodiscover/autodiscover.xml");
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.PREFIXED_HOST));
  }

  @Test
  void schemeRelativeRedirectToAnotherDomainStillNeedsConsent() {
    network.httpsHost("autodiscover.contoso.test").redirect(302, "//mail.fabrikam.test/autodiscover/autodiscover.xml");
    FixtureHost fabrikam = network.httpsHost("mail.fabrikam.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.redirects()).as(result.describe()).containsExactly(new Redirect(RedirectType.REDIRECT_URL,
        PREFIXED_URL, Loopback.autodiscoverUrl("mail.fabrikam.test"), false));
    assertThat(fabrikam.requests()).isEmpty();
  }

  @Test
  void redirectToANonDefaultPortInsideTheDomainIsFollowedToThatPort() {
    String target = Loopback.autodiscoverUrl("mail.contoso.test:8443");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(target));
    FixtureHost mail = network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.route("mail.contoso.test", 8443, mail.httpsPort());

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(target), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.redirects()).containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, target, true));
  }

  @Test
  void hostNamesDifferingOnlyInCaseOrTrailingDotAreTheSameUrlAlreadyTried() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectUrl("https://AUTODISCOVER.contoso.test./autodiscover/autodiscover.xml"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.attempts().get(1)).satisfies(attempt -> {
      assertThat(attempt.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
      assertThat(attempt.detail()).contains("was already tried");
    });
  }

  @Test
  void loopThroughRedirectUrlsAndRedirectAddrsEndsAsARedirectLoop() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(MAIL_URL));
    network.httpsHost("mail.contoso.test").respondWithPox(PoxResponses.redirectAddr("bob@fabrikam.test"));
    network.httpsHost("autodiscover.fabrikam.test")
        .respondWithPox(PoxResponses.redirectUrl(Loopback.autodiscoverUrl("mail.fabrikam.test")));
    FixtureHost fabrikamMail = network.httpsHost("mail.fabrikam.test")
        .respondWithPox(PoxResponses.redirectAddr("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe()).hasValueSatisfying(error -> {
      assertThat(error.code()).isEqualTo(ErrorCode.REDIRECT_LOOP);
      assertThat(error.message()).contains("alice@contoso.test -> bob@fabrikam.test -> alice@contoso.test");
    });
    assertThat(result.redirects()).as(result.describe())
        .extracting(Redirect::type, Redirect::to, Redirect::allowed)
        .containsExactly(
            tuple(RedirectType.REDIRECT_URL, MAIL_URL, true),
            tuple(RedirectType.REDIRECT_ADDR, "bob@fabrikam.test", true),
            tuple(RedirectType.REDIRECT_URL, Loopback.autodiscoverUrl("mail.fabrikam.test"), true),
            tuple(RedirectType.REDIRECT_ADDR, "alice@contoso.test", false));
    assertThat(fabrikamMail.requests()).hasSize(1);
  }

  @Test
  void redirectsOfBothKindsCountTogetherTowardsTheLimit() {
    FixtureHost host = network.httpsHost("autodiscover.contoso.test");
    for (int i = 0; i < 8; i++) {
      String address = "user" + i + "@contoso.test";
      String hop = "https://autodiscover.contoso.test/hop/" + i + "/autodiscover/autodiscover.xml";
      host.wireMock().stubFor(post(urlPathEqualTo("/autodiscover/autodiscover.xml"))
          .withRequestBody(containing("<EMailAddress>" + address + "</EMailAddress>"))
          .willReturn(xml(PoxResponses.redirectUrl(hop))));
      host.wireMock().stubFor(post(urlPathEqualTo("/hop/" + i + "/autodiscover/autodiscover.xml"))
          .willReturn(xml(PoxResponses.redirectAddr("user" + (i + 1) + "@contoso.test"))));
    }

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("user0@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.REDIRECT_LIMIT));
    assertThat(result.redirects()).as(result.describe()).hasSize(ResolverConfig.MAX_REDIRECTS)
        .extracting(Redirect::type)
        .containsExactly(RedirectType.REDIRECT_URL, RedirectType.REDIRECT_ADDR,
            RedirectType.REDIRECT_URL, RedirectType.REDIRECT_ADDR,
            RedirectType.REDIRECT_URL, RedirectType.REDIRECT_ADDR,
            RedirectType.REDIRECT_URL, RedirectType.REDIRECT_ADDR,
            RedirectType.REDIRECT_URL, RedirectType.REDIRECT_ADDR);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", FixtureHost.XML_CONTENT_TYPE).withBody(body);
  }
}
