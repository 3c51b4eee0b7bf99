package dev.autodiscover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Action=redirectUrl} and HTTP 3xx answers to the POST. */
class RedirectUrlTest extends LoopbackTest {
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final String MAIL_URL = Loopback.autodiscoverUrl("mail.contoso.test");

  @Test
  void redirectUrlInsideTheDomainIsFollowedAndKeepsTheOriginsMethod() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(MAIL_URL));
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    RecordingConsent consent = new RecordingConsent(RedirectConsent.DENY_ALL);

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, Loopback.autodiscoverUrl("contoso.test"),
                AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.PREFIXED_HOST, MAIL_URL, AttemptOutcome.SUCCESS));
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, MAIL_URL, true));
    assertThat(consent.asked()).as("a redirect inside the domain needs no consent").isEmpty();
    assertThat(mail.requests()).extracting(ReceivedRequest::method).containsExactly("POST");
  }

  @Test
  void redirectUrlThatIsNotHttpsIsInvalidAndTheResolutionGoesOn() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectUrl("http://mail.contoso.test/autodiscover/autodiscover.xml"));
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV));
    assertThat(result.attempts().get(1)).satisfies(attempt -> {
      assertThat(attempt.url()).isEqualTo(PREFIXED_URL);
      assertThat(attempt.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
      assertThat(attempt.detail()).contains("not https");
    });
    assertThat(result.redirects()).extracting(Redirect::type).containsExactly(RedirectType.SRV);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 307, 308})
  void httpRedirectOnThePostIsFollowedLikeARedirectUrl(int status) {
    network.httpsHost("autodiscover.contoso.test").redirect(status, MAIL_URL);
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts().get(1)).satisfies(attempt -> {
      assertThat(attempt.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.REDIRECTED);
      assertThat(attempt.httpStatus()).hasValue(status);
    });
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, MAIL_URL, true));
    assertThat(mail.requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.body()).contains("alice@contoso.test");
    });
  }

  @Test
  void relativeLocationOnThePostIsResolvedAgainstTheUrlPosted() {
    FixtureHost host = network.httpsHost("autodiscover.contoso.test")
        .redirect(302, "/exchange/autodiscover/autodiscover.xml");
    host.wireMock().stubFor(post(urlPathEqualTo("/exchange/autodiscover/autodiscover.xml"))
        .willReturn(okXml(Loopback.settings("alice@contoso.test"))));
    String target = "https://autodiscover.contoso.test/exchange/autodiscover/autodiscover.xml";

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(target), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, target, true));
  }

  @Test
  void moreThanTenRedirectsEndTheResolution() {
    FixtureHost host = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectUrl(hop(1)));
    for (int i = 1; i <= 14; i++) {
      host.wireMock().stubFor(post(urlPathEqualTo("/hop/" + i + "/autodiscover/autodiscover.xml"))
          .willReturn(okXml(PoxResponses.redirectUrl(hop(i + 1)))));
    }
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.REDIRECT_LIMIT));
    assertThat(result.redirects()).as(result.describe()).hasSize(10).allMatch(Redirect::allowed);
    assertThat(result.attempts()).as(result.describe())
        .filteredOn(attempt -> attempt.method().equals(DiscoveryMethod.PREFIXED_HOST))
        .extracting(Attempt::outcome)
        .hasSize(11)
        .startsWith(AttemptOutcome.REDIRECTED)
        .containsOnlyOnce(AttemptOutcome.INVALID_REDIRECT)
        .endsWith(AttemptOutcome.INVALID_REDIRECT);
    assertThat(result.attempts()).as(result.describe()).last()
        .satisfies(attempt -> assertThat(attempt.url()).isEqualTo(hop(10)));
    assertThat(host.requests()).as("the 11th redirect is not followed").hasSize(11)
        .extracting(ReceivedRequest::path).doesNotContain("/hop/11/autodiscover/autodiscover.xml");
    assertThat(mail.requests()).as("no candidate is tried after the limit").isEmpty();
  }

  @Test
  void redirectUrlBackToAUrlAlreadyTriedIsInvalid() {
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectUrl(MAIL_URL));
    network.httpsHost("mail.contoso.test").respondWithPox(PoxResponses.redirectUrl(PREFIXED_URL));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .contains(
            tuple(PREFIXED_URL, AttemptOutcome.REDIRECTED),
            tuple(MAIL_URL, AttemptOutcome.INVALID_REDIRECT));
    assertThat(result.attempts()).filteredOn(a -> a.url().equals(MAIL_URL)).singleElement()
        .satisfies(attempt -> assertThat(attempt.detail()).contains("already tried"));
    assertThat(prefixed.requests()).as(result.describe()).hasSize(1);
    assertThat(result.attempts()).as("the resolution goes on")
        .extracting(Attempt::method).contains(DiscoveryMethod.HTTP_REDIRECT, DiscoveryMethod.SRV);
  }

  @Test
  void redirectUrlToAnotherDomainAsksConsentAndIsDeniedByDefault() {
    String fabrikamUrl = Loopback.autodiscoverUrl("mail.fabrikam.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(fabrikamUrl));
    FixtureHost fabrikam = network.httpsHost("mail.fabrikam.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(consent.asked()).containsExactly(new RedirectRequest(
        RedirectType.REDIRECT_URL, "alice@contoso.test", PREFIXED_URL, URI.create(fabrikamUrl), false));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .contains(tuple(fabrikamUrl, AttemptOutcome.REDIRECT_DENIED));
    assertThat(result.redirects())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, fabrikamUrl, false));
    assertThat(fabrikam.requests()).isEmpty();
  }

  @Test
  void redirectUrlToAnotherDomainIsFollowedWhenTheHostApplicationAllowsIt() {
    String fabrikamUrl = Loopback.autodiscoverUrl("mail.fabrikam.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(fabrikamUrl));
    network.httpsHost("mail.fabrikam.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(RedirectConsent.ALLOW_ALL).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(fabrikamUrl), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.redirects())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, fabrikamUrl, true));
  }

  private static String hop(int i) {
    return "https://autodiscover.contoso.test/hop/" + i + "/autodiscover/autodiscover.xml";
  }

  private static ResponseDefinitionBuilder okXml(String xml) {
    return aResponse().withStatus(200).withHeader("Content-Type", FixtureHost.XML_CONTENT_TYPE).withBody(xml);
  }
}
