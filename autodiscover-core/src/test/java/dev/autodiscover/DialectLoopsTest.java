package dev.autodiscover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autodiscover.DialectFixtures.ALICE;
import static dev.autodiscover.DialectFixtures.attempt;
import static dev.autodiscover.DialectFixtures.attemptAt;
import static dev.autodiscover.DialectFixtures.jsonPath;
import static dev.autodiscover.DialectFixtures.jsonUrl;
import static dev.autodiscover.DialectFixtures.received;
import static dev.autodiscover.DialectFixtures.soapUrl;
import static dev.autodiscover.DialectFixtures.xmlUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.SoapResponses;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Loops that cross dialects end by the rules, never by the clock: a URL is never asked twice,
 * whichever dialect asked it first and whatever {@code RedirectCount} it carries; every redirect,
 * an Autodiscover v2 answer naming a POX URL included, counts towards the same limit; and an
 * address that comes back is a loop.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DialectLoopsTest extends LoopbackTest {
  private static final String PREFIXED = "autodiscover.contoso.test";
  private static final String MAIL = "mail.contoso.test";
  private static final String V1_URL = jsonUrl(PREFIXED, ALICE, "AutodiscoverV1");
  private static final String PREFIXED_XML_URL = xmlUrl(PREFIXED);
  private static final String MAIL_XML_URL = xmlUrl(MAIL);

  private AutodiscoverResolver.Builder askingAutodiscoverV1() {
    return DialectFixtures.resolver(network, Dialect.JSON).jsonProtocol("AutodiscoverV1");
  }

  @Test
  void poxRedirectBackToTheJsonUrlThatNamedItIsRefusedAsAlreadyTried() {
    FixtureHost prefixed = network.httpsHost(PREFIXED)
        .respondWithJson("AutodiscoverV1", JsonResponses.answer("AutodiscoverV1", MAIL_XML_URL));
    FixtureHost mail = network.httpsHost(MAIL).respondWithPox(PoxResponses.redirectUrl(V1_URL));

    AutodiscoverResult result = askingAutodiscoverV1().build().resolve(ALICE);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsSubsequence(
        attempt(DiscoveryMethod.PREFIXED_HOST, V1_URL, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, MAIL_XML_URL, AttemptOutcome.INVALID_REDIRECT, Dialect.POX));
    assertThat(attemptAt(result, MAIL_XML_URL).detail())
        .isEqualTo("redirectUrl to '" + V1_URL + "' refused: the target was already tried for " + ALICE);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, V1_URL, MAIL_XML_URL, true));
    assertThat(received(prefixed)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=AutodiscoverV1");
    assertThat(received(mail)).containsExactly("POST " + FixtureHost.AUTODISCOVER_PATH);
  }

  @Test
  void loopFromJsonThroughPoxBackToTheFirstHostEndsAtTheFirstUrlAskedTwice() {
    FixtureHost prefixed = network.httpsHost(PREFIXED)
        .respondWithJson("AutodiscoverV1", JsonResponses.answer("AutodiscoverV1", MAIL_XML_URL))
        .respondWithPox(PoxResponses.redirectUrl(MAIL_XML_URL));
    FixtureHost mail = network.httpsHost(MAIL).respondWithPox(PoxResponses.redirectUrl(PREFIXED_XML_URL));

    AutodiscoverResult result = askingAutodiscoverV1().build().resolve(ALICE);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsSubsequence(
        attempt(DiscoveryMethod.PREFIXED_HOST, V1_URL, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, MAIL_XML_URL, AttemptOutcome.REDIRECTED, Dialect.POX),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_XML_URL, AttemptOutcome.INVALID_REDIRECT, Dialect.POX));
    assertThat(attemptAt(result, PREFIXED_XML_URL).detail())
        .isEqualTo("redirectUrl to '" + MAIL_XML_URL + "' refused: the target was already tried for " + ALICE);
    assertThat(result.redirects()).as(result.describe()).containsExactly(
        new Redirect(RedirectType.REDIRECT_URL, V1_URL, MAIL_XML_URL, true),
        new Redirect(RedirectType.REDIRECT_URL, MAIL_XML_URL, PREFIXED_XML_URL, true));
    assertThat(received(prefixed)).containsExactly(
        "GET " + jsonPath(ALICE) + "?Protocol=AutodiscoverV1", "POST " + FixtureHost.AUTODISCOVER_PATH);
    assertThat(received(mail)).containsExactly("POST " + FixtureHost.AUTODISCOVER_PATH);
  }

  @Test
  void autodiscoverV1AnswerCountsTowardsTheRedirectLimitWithThePoxRedirectsAfterIt() {
    network.httpsHost(PREFIXED).respondWithJson("AutodiscoverV1", JsonResponses.answer("AutodiscoverV1", hop(1)));
    FixtureHost mail = network.httpsHost(MAIL);
    for (int i = 1; i <= 12; i++) {
      mail.wireMock().stubFor(post(urlPathEqualTo("/hop/" + i + FixtureHost.AUTODISCOVER_PATH))
          .willReturn(okXml(PoxResponses.redirectUrl(hop(i + 1)))));
    }

    AutodiscoverResult result = askingAutodiscoverV1().build().resolve(ALICE);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.REDIRECT_LIMIT));
    assertThat(result.redirects()).as(result.describe()).hasSize(10).allMatch(Redirect::allowed)
        .first().isEqualTo(new Redirect(RedirectType.REDIRECT_URL, V1_URL, hop(1), true));
    assertThat(result.attempts()).as(result.describe()).last().satisfies(last -> {
      assertThat(DialectFixtures.story(last)).isEqualTo(
          attempt(DiscoveryMethod.PREFIXED_HOST, hop(10), AttemptOutcome.INVALID_REDIRECT, Dialect.POX));
      assertThat(last.detail()).isEqualTo("redirectUrl to " + hop(11) + " not followed: more than 10 redirects");
    });
    assertThat(mail.requests()).as("ten hops asked in POX, the eleventh redirect not followed").hasSize(10);
  }

  @Test
  void redirectCountDoesNotMakeAJsonUrlNew() {
    String prefixedUrl = jsonUrl(PREFIXED);
    String toMail = JsonResponses.redirectLocation(MAIL, ALICE, "Ews", 1);
    String backAgain = prefixedUrl + "&RedirectCount=2";
    FixtureHost prefixed = network.httpsHost(PREFIXED).redirectJson(302, toMail);
    FixtureHost mail = network.httpsHost(MAIL).redirectJson(302, backAgain);

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).build().resolve(ALICE);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsSubsequence(
        attempt(DiscoveryMethod.PREFIXED_HOST, prefixedUrl, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, toMail, AttemptOutcome.INVALID_REDIRECT, Dialect.JSON));
    assertThat(attemptAt(result, toMail).detail())
        .isEqualTo("HTTP 302 to '" + backAgain + "' refused: the target was already tried for " + ALICE);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, prefixedUrl, toMail, true));
    assertThat(received(prefixed)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
    assertThat(received(mail)).containsExactly(
        "GET /autodiscover/autodiscover.json?Email=alice%40contoso.test&Protocol=Ews&RedirectCount=1");
  }

  @Test
  void soapRedirectAddressBackToTheFirstAddressIsALoop() {
    String soapUrl = soapUrl(PREFIXED);
    FixtureHost prefixed = network.httpsHost(PREFIXED);
    prefixed.wireMock().stubFor(post(urlPathEqualTo(FixtureHost.SOAP_PATH))
        .withRequestBody(containing("<a:Mailbox>alice@contoso.test</a:Mailbox>"))
        .willReturn(okXml(SoapResponses.redirectAddress("bob@contoso.test"))));
    prefixed.wireMock().stubFor(post(urlPathEqualTo(FixtureHost.SOAP_PATH))
        .withRequestBody(containing("<a:Mailbox>bob@contoso.test</a:Mailbox>"))
        .willReturn(okXml(SoapResponses.redirectAddress("Alice@Contoso.test"))));
    FixtureHost mail = network.httpsHost(MAIL).respondWithSoap(SoapResponses.settings().displayName("Bob").build());
    network.dns().addSrv(DialectFixtures.SRV_NAME, 0, 0, 443, MAIL);

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.SOAP).build().resolve(ALICE);

    assertThat(result.error()).as(result.describe()).hasValueSatisfying(error -> {
      assertThat(error.code()).isEqualTo(ErrorCode.REDIRECT_LOOP);
      assertThat(error.message()).isEqualTo(
          "address redirect loop: alice@contoso.test -> bob@contoso.test -> Alice@contoso.test");
    });
    assertThat(result.finalEmail()).isEqualTo("bob@contoso.test");
    assertThat(result.redirects()).as(result.describe()).containsExactly(
        new Redirect(RedirectType.REDIRECT_ADDR, ALICE, "bob@contoso.test", true),
        new Redirect(RedirectType.REDIRECT_ADDR, "bob@contoso.test", "Alice@contoso.test", false));
    assertThat(result.attempts()).as(result.describe())
        .filteredOn(attempt -> attempt.url().equals(soapUrl))
        .extracting(DialectFixtures::story).containsExactly(
            attempt(DiscoveryMethod.PREFIXED_HOST, soapUrl, AttemptOutcome.REDIRECTED, Dialect.SOAP),
            attempt(DiscoveryMethod.PREFIXED_HOST, soapUrl, AttemptOutcome.INVALID_REDIRECT, Dialect.SOAP));
    assertThat(result.attempts()).as(result.describe()).last().satisfies(last -> {
      assertThat(last.url()).isEqualTo(soapUrl);
      assertThat(last.detail()).endsWith("RedirectAddress to Alice@contoso.test leads back to an address already resolved");
    });
    assertThat(prefixed.requests()).extracting(request -> request.body().replaceAll("(?s).*<a:Mailbox>(.*)</a:Mailbox>.*", "$1"))
        .containsExactly(ALICE, "bob@contoso.test");
    assertThat(mail.requests()).as("no candidate is tried after the loop").isEmpty();
  }

  private static String hop(int i) {
    return "https://" + MAIL + "/hop/" + i + FixtureHost.AUTODISCOVER_PATH;
  }

  private static ResponseDefinitionBuilder okXml(String xml) {
    return aResponse().withStatus(200).withHeader("Content-Type", FixtureHost.XML_CONTENT_TYPE).withBody(xml);
  }
}
